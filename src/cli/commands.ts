import { hashPassword } from '../core/password.js';
import { createAdminUser, findAdminByUsername } from '../db/admin-users.js';
import { writeAudit } from '../db/audit-log.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AdminRole } from '../db/schema.js';
import { seedDemo } from '../demo/seed-demo.js';
import { backupCommand } from './backup-command.js';
import { blocCommand } from './bloc-command.js';
import { resolveBlocOption } from './bloc-option.js';
import { type CliContext, CliError, parseOptions, type SettingsContext } from './context.js';
import { focalPointCommand } from './focal-point-command.js';
import { createJobCommand } from './job-command.js';
import { summaryCommand } from './summary-command.js';
import { inviteCommand } from './invite-command.js';
import { restoreCommand } from './restore-command.js';
import { mailCommand } from './mail-command.js';

export interface CliCommand {
  name: string;
  usage: string;
  run(ctx: CliContext, args: string[]): Promise<void>;
}

/** A command that works on the database file itself and gets no open database, hence no migration (backup, restore). */
export interface FileCommand {
  name: string;
  usage: string;
  withoutDatabase: true;
  run(ctx: SettingsContext, args: string[]): Promise<void>;
}

const migrate: CliCommand = {
  name: 'migrate',
  usage: 'migrate                       áp dụng các migration còn thiếu',
  async run(ctx) {
    const applied = await migrateToLatest(ctx.db);
    ctx.out(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
  },
};

const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  usage: 'seed-demo                     nạp dữ liệu mẫu Khối thi đua số 6',
  async run(ctx) {
    const r = await seedDemo(ctx.db, { now: ctx.now(), timeZone: ctx.config.timeZone });
    ctx.out(
      r.created
        ? `Đã nạp dữ liệu mẫu: khối #${r.blocId}, ${r.reports} báo cáo.${r.adminCreated ? ' Tài khoản quản trị mẫu: admin / khoithidua6' : ''}`
        : `Dữ liệu mẫu đã có (khối #${r.blocId}), không nạp lại.`,
    );
  },
};

const ROLES: AdminRole[] = ['province_admin', 'bloc_admin', 'viewer'];

const adminCreate: CliCommand = {
  name: 'admin',
  usage:
    'admin create --username U --password P [--name "Họ tên"] [--role province_admin|bloc_admin|viewer] [--bloc ID]',
  async run(ctx, args) {
    const { positional, options } = parseOptions(args);
    if (positional[0] !== 'create') throw new CliError('Dùng: admin create --username U --password P');
    const username = (options.username ?? '').trim().toLowerCase();
    const password = options.password ?? '';
    const role = (options.role ?? 'province_admin') as AdminRole;
    if (!/^[a-z0-9._-]{3,40}$/.test(username)) throw new CliError('--username: 3–40 ký tự a-z, 0-9, dấu chấm, _ và -');
    if (password.length < 10) throw new CliError('--password: ít nhất 10 ký tự');
    if (!ROLES.includes(role)) throw new CliError(`--role: một trong ${ROLES.join(', ')}`);
    if (role !== 'province_admin' && options.bloc === undefined)
      throw new CliError('--bloc: cần mã khối cho vai trò bloc_admin hoặc viewer (xem: npm run cli -- bloc list)');
    // A province admin sees every bloc: a --bloc given with it is ignored, as before.
    const blocId = role === 'province_admin' ? null : (await resolveBlocOption(ctx.db, options.bloc)).id;
    if (await findAdminByUsername(ctx.db, username)) throw new CliError(`Tài khoản "${username}" đã tồn tại.`);
    await ctx.db.transaction().execute(async (trx) => {
      const user = await createAdminUser(trx, {
        username,
        displayName: options.name?.trim() || username,
        passwordHash: hashPassword(password),
        role,
        blocId,
      });
      await writeAudit(trx, {
        at: ctx.now(),
        actor: 'cli',
        action: 'admin.create',
        entity: 'admin_user',
        entityId: user.id,
        blocId,
        details: { username, role },
      });
    });
    ctx.out(`Đã tạo tài khoản quản trị "${username}" (${role}).`);
  },
};

/** Every CLI command; features add theirs here. */
export const commands: (CliCommand | FileCommand)[] = [
  migrate,
  seedDemoCommand,
  adminCreate,
  blocCommand,
  focalPointCommand,
  summaryCommand,
  inviteCommand,
  createJobCommand(),
  backupCommand,
  restoreCommand,
  mailCommand,
];

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askTelegramBotUsername } from '../../src/bot/telegram/bot-username.js';
import { commands } from '../../src/cli/commands.js';
import { type CliContext, CliError } from '../../src/cli/context.js';
import { loadConfig } from '../../src/config.js';
import { deactivateFocalPoint, getFocalPoint } from '../../src/db/focal-points.js';
import { createInvite } from '../../src/db/invites.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { type Harness, startHarness } from './harness.js';

const invite = commands.find((c) => c.name === 'invite')!;
const NOW = new Date('2026-11-24T03:00:00Z');

function contextFor(db: TestDb['db'], env: Record<string, string>, lines: string[]): CliContext {
  const config = loadConfig(env);
  if (!config.ok) throw new Error(config.errors.join('\n'));
  return {
    config: config.config,
    db,
    now: () => NOW,
    out: (l) => lines.push(l),
    askBotUsername: askTelegramBotUsername,
  };
}

describe('npm run cli -- invite', () => {
  let t: TestDb;
  let b: SmallBloc;
  let lines: string[];
  beforeEach(async () => {
    t = await createTestDb();
    b = await createSmallBloc(t.db, { units: 2 });
    lines = [];
  });
  afterEach(() => t.close());

  it('creates a focal point invite link with the given bot name and records it in the audit log', async () => {
    await invite.run(contextFor(t.db, {}, lines), [
      'focal-point',
      '--id',
      String(b.focalPointIds[0]),
      '--bot',
      '@khoithidua6_bot',
      '--days',
      '7',
    ]);
    expect(lines[0]).toBe('Đã tạo liên kết mời cho cán bộ đầu mối Cán bộ 1 (Đơn vị 1), hiệu lực đến 10:00 01/12/2026:');
    expect(lines[1]).toMatch(/^https:\/\/t\.me\/khoithidua6_bot\?start=fp_[A-Za-z0-9_-]{32}$/);
    const code = lines[1]!.split('=')[1]!;
    const row = await t.db.selectFrom('invite').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'focal_point',
      focal_point_id: b.focalPointIds[0],
      created_by: 'cli',
      expires_at: '2026-12-01T03:00:00.000Z',
    });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'invite.create').execute();
    expect(audit).toHaveLength(1);
  });

  it('ends the focal point’s older unused invites, leaving other focal points’ invites alone', async () => {
    const older = await createInvite(t.db, {
      kind: 'focal_point',
      focalPointId: b.focalPointIds[0]!,
      createdBy: 'admin',
      now: new Date('2026-11-20T03:00:00Z'),
    });
    const otherPerson = await createInvite(t.db, {
      kind: 'focal_point',
      focalPointId: b.focalPointIds[1]!,
      createdBy: 'admin',
      now: NOW,
    });
    const group = await createInvite(t.db, { kind: 'group', blocId: b.blocId, createdBy: 'admin', now: NOW });
    await invite.run(contextFor(t.db, {}, lines), [
      'focal-point',
      '--id',
      String(b.focalPointIds[0]),
      '--bot',
      'khoithidua6_bot',
    ]);
    expect(lines[3]).toBe('1 liên kết mời cũ chưa dùng của đồng chí này đã hết hiệu lực.');
    const expiresAt = async (id: number) =>
      (await t.db.selectFrom('invite').select('expires_at').where('id', '=', id).executeTakeFirstOrThrow()).expires_at;
    expect(await expiresAt(older.id)).toBe(NOW.toISOString());
    expect(await expiresAt(otherPerson.id)).toBe(otherPerson.expiresAt);
    expect(await expiresAt(group.id)).toBe(group.expiresAt);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'invite.create')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ replaced: 1 });

    lines.length = 0;
    await invite.run(contextFor(t.db, {}, lines), ['group', '--bloc', String(b.blocId), '--bot', 'khoithidua6_bot']);
    expect(lines).toHaveLength(3);
    expect(await expiresAt(group.id)).toBe(group.expiresAt);
  });

  it('creates a group invite link, asking Telegram for the bot name with the configured token', async () => {
    const emu = await BotEmulator.start({ botUsername: 'khoi6_thidua_bot' });
    try {
      const ctx = contextFor(t.db, { TELEGRAM_BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: emu.apiRoot }, lines);
      await invite.run(ctx, ['group', '--bloc', String(b.blocId)]);
      expect(lines[0]).toBe('Đã tạo liên kết mời nhóm cho Khối thi đua thử nghiệm, hiệu lực đến 10:00 08/12/2026:');
      expect(lines[1]).toMatch(/^https:\/\/t\.me\/khoi6_thidua_bot\?startgroup=gr_/);
      expect(emu.violations).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it('refuses bad arguments with a clear message and creates nothing', async () => {
    const ctx = contextFor(t.db, {}, lines);
    const cases: [string[], string][] = [
      [['nguoi'], 'Dùng: invite'],
      [['focal-point'], '--id: cần mã số'],
      [['focal-point', '--id', '999', '--bot', 'khoi6bot'], 'Không có cán bộ đầu mối mã 999.'],
      [['group', '--bloc', 'abc', '--bot', 'khoi6bot'], 'Không có khối thi đua tên "abc".'],
      [['group', '--bot', 'khoi6bot'], '--bloc: cần mã khối (số) hoặc tên khối.'],
      [['group', '--bloc', '999', '--bot', 'khoi6bot'], 'Không có khối thi đua mã 999.'],
      [
        ['group', '--bloc', String(b.blocId), '--days', '0', '--bot', 'khoi6bot'],
        '--days: số ngày hiệu lực từ 1 đến 90',
      ],
      [['group', '--bloc', String(b.blocId), '--bot', 'a b'], '--bot: tên bot'],
      [['group', '--bloc', String(b.blocId)], 'Chưa đặt TELEGRAM_BOT_TOKEN'],
    ];
    for (const [args, message] of cases) {
      const error = await invite.run(ctx, args).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, args.join(' ')).toBeInstanceOf(CliError);
      expect((error as Error).message, args.join(' ')).toContain(message);
    }
    await deactivateFocalPoint(t.db, b.focalPointIds[1]!, NOW.toISOString());
    await expect(
      invite.run(ctx, ['focal-point', '--id', String(b.focalPointIds[1]), '--bot', 'khoi6bot']),
    ).rejects.toThrow('đã thôi làm đầu mối');
    expect(await t.db.selectFrom('invite').selectAll().execute()).toEqual([]);
  });
});

describe('an invite from the CLI, opened in Telegram', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    expect(h.emu.violations).toEqual([]);
    await h.close();
  });

  it('links the focal point through the printed deep link', async () => {
    const lines: string[] = [];
    const ctx = contextFor(h.t.db, { TELEGRAM_BOT_TOKEN: h.emu.token, TELEGRAM_API_ROOT: h.emu.apiRoot }, lines);
    await invite.run({ ...ctx, now: h.clock.now }, ['focal-point', '--id', String(h.bloc.focalPointIds[2])]);
    const link = new URL(lines[1]!);
    expect(link.pathname).toBe(`/${h.runner.botUsername}`);
    const chat = h.emu.chat({ userId: 4242 });
    await chat.send(`/start ${link.searchParams.get('start')}`);
    expect(chat.lastText()).toContain('Xin chào đồng chí Cán bộ 3!');
    expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[2]!))?.telegramUserId).toBe('4242');
  });

  it('a link printed earlier stops working once a newer one is printed for the same focal point', async () => {
    const lines: string[] = [];
    const ctx = { ...contextFor(h.t.db, {}, lines), now: h.clock.now };
    await invite.run(ctx, ['focal-point', '--id', String(h.bloc.focalPointIds[2]), '--bot', h.runner.botUsername!]);
    const leaked = new URL(lines[1]!).searchParams.get('start')!;
    h.clock.set('2026-11-24T04:00:00.000Z');
    await invite.run(ctx, ['focal-point', '--id', String(h.bloc.focalPointIds[2]), '--bot', h.runner.botUsername!]);
    const fresh = new URL(lines[4]!).searchParams.get('start')!;

    const stranger = h.emu.chat({ userId: 6666 });
    await stranger.send(`/start ${leaked}`);
    expect(stranger.lastText()).toBe(
      'Liên kết mời đã hết hạn từ 11:00 24/11/2026. Xin đồng chí đề nghị Văn phòng Khối thi đua cấp liên kết mới.',
    );
    expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[2]!))?.telegramUserId).toBeNull();

    const owner = h.emu.chat({ userId: 4243 });
    await owner.send(`/start ${fresh}`);
    expect(owner.lastText()).toContain('Xin chào đồng chí Cán bộ 3!');
  });
});

// Issue 14, item 4: the commands take --bloc and --id, and nothing showed those ids but URLs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { type CliContext, CliError } from '../../src/cli/context.js';
import { createJobCommand } from '../../src/cli/job-command.js';
import { loadConfig } from '../../src/config.js';
import { deactivateFocalPoint, createFocalPoint, linkTelegramAccount } from '../../src/db/focal-points.js';
import { createUnit, addMembership, endMembership } from '../../src/db/units.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { at, quietLogger } from '../jobs/support.js';

let t: TestDb;
let b: SmallBloc;
let other: SmallBloc;
let lines: string[];
let ctx: CliContext;
const command = (name: string) => commands.find((c) => c.name === name)!;
const run = (name: string, ...args: string[]) => command(name).run(ctx, args);
const fails = async (name: string, ...args: string[]) => {
  const error = await run(name, ...args).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as Error).message;
};

beforeEach(async () => {
  t = await createTestDb();
  // Ids that differ from the blocs' numbers, as on a real server: "Khối thi đua số 6" is not bloc 6.
  other = await createSmallBloc(t.db, { name: 'Khối thi đua số 2', units: 1, year: 2026 });
  b = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 3, year: 2026 });
  lines = [];
  const config = loadConfig({});
  if (!config.ok) throw new Error('default config must load');
  ctx = { config: config.config, db: t.db, now: () => at('2026-12-03', '10:00'), out: (l) => lines.push(l) };
});
afterEach(async () => {
  await t.close();
});

describe('npm run cli -- bloc list', () => {
  it('shows every bloc with its id, members, chair and whether its group is linked', async () => {
    await t.db
      .insertInto('bloc_chat')
      .values({ bloc_id: b.blocId, telegram_chat_id: '-100100', title: 'Nhóm Khối', active: 1 })
      .execute();
    await run('bloc', 'list');
    expect(lines).toEqual([
      'Mã  Tên khối           Tỉnh       Số đơn vị  Khối trưởng  Nhóm Telegram',
      '--  -----------------  ---------  ---------  -----------  -------------',
      `${other.blocId}   Khối thi đua số 2  Sóc Trăng  1          Đơn vị 1     chưa liên kết`,
      `${b.blocId}   Khối thi đua số 6  Sóc Trăng  3          Đơn vị 1     đã liên kết`,
      '',
      'Dùng mã ở cột Mã (hoặc tên khối) cho --bloc; cán bộ đầu mối: npm run cli -- focal-point list --bloc <mã>',
    ]);
  });

  it('says so when there is no bloc, and answers a wrong subcommand with its usage', async () => {
    await t.close();
    t = await createTestDb();
    ctx = { ...ctx, db: t.db };
    await run('bloc', 'list');
    expect(lines).toEqual(['Chưa có khối thi đua nào (npm run cli -- seed-demo nạp khối mẫu).']);
    expect(await fails('bloc')).toBe('Dùng: bloc list');
    expect(await fails('bloc', 'lst')).toBe('Dùng: bloc list');
  });
});

describe('npm run cli -- focal-point list --bloc', () => {
  it('shows each focal point’s id, unit id and unit, and whether their Telegram is linked', async () => {
    await linkTelegramAccount(t.db, b.focalPointIds[0]!, {
      userId: '5001',
      chatId: '5001',
      username: 'lan_hnd',
      at: '2026-01-01T00:00:00Z',
    });
    await linkTelegramAccount(t.db, b.focalPointIds[1]!, {
      userId: '5002',
      chatId: '5002',
      username: null,
      at: '2026-01-01T00:00:00Z',
    });
    const head = await createFocalPoint(t.db, { unitId: b.unitIds[1]!, fullName: 'Thủ trưởng', role: 'unit_head' });
    await deactivateFocalPoint(t.db, b.focalPointIds[2]!, '2026-11-01T00:00:00Z');
    // A unit with no focal point yet, and one that left the bloc.
    const fresh = await createUnit(t.db, { name: 'Đơn vị mới', shortName: null });
    await addMembership(t.db, { blocId: b.blocId, unitId: fresh.id, joinedOn: '2026-06-01', displayOrder: 4 });
    await endMembership(t.db, b.blocId, b.unitIds[2]!, '2026-11-30');
    await run('focal-point', 'list', '--bloc', String(b.blocId));
    const [fp1, fp2, fp3] = b.focalPointIds.map(String);
    const [u1, u2, u3] = b.unitIds.map(String);
    expect(lines).toEqual([
      `Cán bộ đầu mối của Khối thi đua số 6 (mã khối ${b.blocId}):`,
      'Mã  Họ và tên                 Mã ĐV  Đơn vị                  Telegram',
      '--  ------------------------  -----  ----------------------  ---------------------',
      `${fp1}   Cán bộ 1                  ${u1}      Đơn vị 1                đã kết nối (@lan_hnd)`,
      `${fp2}   Cán bộ 2                  ${u2}      Đơn vị 2                đã kết nối`,
      `${head.id}   Thủ trưởng (thủ trưởng)   ${u2}      Đơn vị 2                chưa kết nối`,
      `${fp3}   Cán bộ 3                  ${u3}      Đơn vị 3 (đã rời khối)  đã nghỉ`,
      `–   (chưa có cán bộ đầu mối)  ${fresh.id}      Đơn vị mới              –`,
      '',
      'Mã cán bộ dùng cho: npm run cli -- invite focal-point --id <mã>; mã đơn vị cho --unit của summary adjust / assess.',
    ]);
  });

  it('takes the bloc’s exact name too, in any letter case', async () => {
    await run('focal-point', 'list', '--bloc', '  khối thi đua  SỐ 6 ');
    expect(lines[0]).toBe(`Cán bộ đầu mối của Khối thi đua số 6 (mã khối ${b.blocId}):`);
  });

  it('answers bad input with a Vietnamese message that says where the ids are', async () => {
    expect(await fails('focal-point', 'list')).toBe(
      '--bloc: cần mã khối (số) hoặc tên khối. Xem mã và tên các khối: npm run cli -- bloc list',
    );
    expect(await fails('focal-point', 'list', '--bloc', '6')).toBe(
      `Không có khối thi đua mã 6. Khối thi đua số 6 có mã ${b.blocId}: dùng --bloc ${b.blocId}. Xem mã và tên các khối: npm run cli -- bloc list`,
    );
    expect(await fails('focal-point', 'list', '--bloc', '99')).toBe(
      'Không có khối thi đua mã 99. Xem mã và tên các khối: npm run cli -- bloc list',
    );
    expect(await fails('focal-point', 'list', '--bloc', 'Khối số 6')).toBe(
      'Không có khối thi đua tên "Khối số 6". Xem mã và tên các khối: npm run cli -- bloc list',
    );
    expect(await fails('focal-point')).toBe('Dùng: focal-point list --bloc <mã hoặc tên khối>');
    expect(lines).toEqual([]);
  });
});

describe('--bloc of the other commands', () => {
  it('takes the bloc’s name wherever it takes its id', async () => {
    await run('summary', 'schedule', '--bloc', 'Khối thi đua số 6');
    expect(lines[0]).toMatch(/^Lịch gửi của Khối thi đua số 6:\n/);
    await run('invite', 'group', '--bloc', 'Khối thi đua số 6', '--bot', 'khoithidua6_bot');
    expect(lines.at(-3)).toMatch(/^Đã tạo liên kết mời nhóm cho Khối thi đua số 6, hiệu lực đến /);
    lines = [];
    await createJobCommand({ logger: quietLogger }).run(ctx, ['run', 'reminders', '--bloc', 'Khối thi đua số 6']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^bloc:${b.blocId} · `));
  });

  it('points from a bloc’s number to its id in every command', async () => {
    const hint = `Không có khối thi đua mã 6. Khối thi đua số 6 có mã ${b.blocId}: dùng --bloc ${b.blocId}. Xem mã và tên các khối: npm run cli -- bloc list`;
    expect(await fails('summary', 'digest', '--bloc', '6', '--week', '2026-W48')).toBe(hint);
    expect(await fails('invite', 'group', '--bloc', '6', '--bot', 'khoithidua6_bot')).toBe(hint);
    const job = await createJobCommand({ logger: quietLogger })
      .run(ctx, ['run', 'reminders', '--bloc', '6'])
      .catch((e: Error) => e.message);
    expect(job).toBe(hint);
    expect(await t.db.selectFrom('invite').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('job_run').selectAll().execute()).toEqual([]);
  });

  it('job run --bloc of a job that does not run per bloc says so, rather than that the bloc does not exist', async () => {
    const message = await createJobCommand({ logger: quietLogger })
      .run(ctx, ['run', 'housekeeping', '--bloc', String(b.blocId)])
      .catch((e: Error) => e.message);
    expect(message).toBe('Việc "housekeeping" chạy chung cho cả hệ thống, không theo từng khối: bỏ --bloc.');
    expect(await t.db.selectFrom('job_run').selectAll().execute()).toEqual([]);
  });

  it('admin create refuses a bloc that does not exist instead of creating an account for it', async () => {
    expect(
      await fails(
        'admin',
        'create',
        '--username',
        'vanphong6',
        '--password',
        'mat-khau-dai-10',
        '--role',
        'bloc_admin',
        '--bloc',
        '6',
      ),
    ).toBe(
      `Không có khối thi đua mã 6. Khối thi đua số 6 có mã ${b.blocId}: dùng --bloc ${b.blocId}. Xem mã và tên các khối: npm run cli -- bloc list`,
    );
    expect(await t.db.selectFrom('admin_user').selectAll().execute()).toEqual([]);
    await run(
      'admin',
      'create',
      '--username',
      'vanphong6',
      '--password',
      'mat-khau-dai-10',
      '--role',
      'bloc_admin',
      '--bloc',
      'Khối thi đua số 6',
    );
    expect(await t.db.selectFrom('admin_user').select(['username', 'bloc_id']).execute()).toEqual([
      { username: 'vanphong6', bloc_id: b.blocId },
    ]);
  });

  it('invite focal-point with an unknown id says where the ids are', async () => {
    expect(await fails('invite', 'focal-point', '--id', '99', '--bot', 'khoithidua6_bot')).toBe(
      'Không có cán bộ đầu mối mã 99. Xem mã cán bộ: npm run cli -- focal-point list --bloc <mã khối>',
    );
  });
});

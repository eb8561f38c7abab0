// Issue 14, item 3: `job run period-digest --now <a future moment>` said "sent" while its messages
// waited for that moment, and `summary digest --send` then refused the week as "already sent".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { type CliContext, CliError } from '../../src/cli/context.js';
import { createJobCommand } from '../../src/cli/job-command.js';
import { loadConfig } from '../../src/config.js';
import { getDigest } from '../../src/db/digests.js';
import { linkTelegramAccount } from '../../src/db/focal-points.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { at, quietLogger } from '../jobs/support.js';
import { fileReport } from '../summaries/helpers.js';

let t: TestDb;
let b: SmallBloc;
let lines: string[];
let ctx: CliContext;
// The mocked clock: Thursday 03/12/2026 10:00 in Asia/Ho_Chi_Minh, in week 49 (30/11 – 06/12).
const thursday = at('2026-12-03', '10:00');
// The Monday slot that sends week 49's digest.
const monday = '2026-12-07T08:00';

const job = createJobCommand({ logger: quietLogger });
const summary = commands.find((c) => c.name === 'summary')!;
const runJob = (...args: string[]) => job.run(ctx, args);
const send = () => summary.run(ctx, ['digest', '--bloc', String(b.blocId), '--week', '2026-W49', '--send']);
const outbox = () =>
  t.db
    .selectFrom('outbox_message')
    .select(['id', 'chat_id', 'status', 'next_attempt_at', 'payload'])
    .orderBy('id')
    .execute();

beforeEach(async () => {
  t = await createTestDb();
  b = await createSmallBloc(t.db, { units: 3, year: 2026 });
  await t.db
    .insertInto('bloc_chat')
    .values({ bloc_id: b.blocId, telegram_chat_id: '-100100', title: 'Nhóm Khối', active: 1 })
    .execute();
  // Unit 1 chairs the bloc in 2026: its linked focal point receives the digest too.
  await linkTelegramAccount(t.db, b.focalPointIds[0]!, {
    userId: '5001',
    chatId: '5001',
    username: null,
    at: '2026-01-01T00:00:00Z',
  });
  await fileReport(t.db, b, 0, '2026-W49', '2026-12-01T03:00:00Z', [2, 3], 'Biểu dương 2 gương điển hình.');
  lines = [];
  const config = loadConfig({});
  if (!config.ok) throw new Error('default config must load');
  ctx = { config: config.config, db: t.db, now: () => thursday, out: (l) => lines.push(l) };
});
afterEach(async () => {
  await t.close();
});

describe('a digest run for a moment still to come', () => {
  it('is refused without --allow-future, saying why, and nothing is stored, queued or marked done', async () => {
    const error = await runJob('run', 'period-digest', '--now', monday, '--bloc', String(b.blocId)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe(
      [
        '--now 2026-12-07T08:00 (08:00 07/12/2026) là thời điểm chưa đến: bây giờ mới là 10:00 03/12/2026.',
        'Chạy cho thời điểm chưa đến thì số liệu được tính ngay bây giờ, tin nhắn nằm chờ đến thời điểm đó mới gửi,',
        'và kỳ đó được ghi là đã chạy nên việc định kỳ sẽ không chạy lại đúng giờ. Không chạy gì.',
        'Nếu thật sự muốn vậy, thêm --allow-future.',
      ].join('\n'),
    );
    expect(lines).toEqual([]);
    expect(await t.db.selectFrom('digest').selectAll().execute()).toEqual([]);
    expect(await outbox()).toEqual([]);
    expect(await t.db.selectFrom('job_run').selectAll().execute()).toEqual([]);
  });

  it('with --allow-future says what it queued, to how many chats and from when, never "sent"', async () => {
    await runJob('run', 'period-digest', '--now', monday, '--bloc', String(b.blocId), '--allow-future');
    expect(lines).toEqual([
      [
        `bloc:${b.blocId} · 2026-W49: đã chạy.`,
        '  Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026): đã lưu và xếp 2 tin nhắn cho 2 nơi nhận vào hàng đợi gửi.',
        '  Tin nhắn nằm chờ trong hàng đợi và chỉ được gửi từ 08:00 07/12/2026; đến lúc đó, số liệu trong bản tin vẫn là số liệu lúc tính.',
      ].join('\n'),
    ]);
    expect(lines.join('\n')).not.toContain('sent');
    const rows = await outbox();
    expect(rows.map((r) => [r.chat_id, r.status, r.next_attempt_at])).toEqual([
      ['-100100', 'queued', at('2026-12-07', '08:00').toISOString()],
      ['5001', 'queued', at('2026-12-07', '08:00').toISOString()],
    ]);
  });

  it('can be computed again by `summary digest --send` while none of its messages has gone out', async () => {
    await runJob('run', 'period-digest', '--now', monday, '--bloc', String(b.blocId), '--allow-future');
    const early = await getDigest(t.db, b.blocId, 'period', '2026-W49');
    expect(early!.text).not.toContain('Nhân rộng mô hình dân vận khéo');
    // A unit reports after the early computation.
    await fileReport(t.db, b, 1, '2026-W49', '2026-12-03T02:00:00Z', [1, 1], 'Nhân rộng mô hình dân vận khéo.');
    lines = [];
    await send();
    expect(lines).toEqual([
      'Đã tính lại Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026) (bản tính cho thời điểm 08:00 07/12/2026 chưa gửi cho ai; 2 tin nhắn của bản đó đã được rút khỏi hàng đợi).',
      'Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026): đã lưu và xếp 2 tin nhắn cho 2 nơi nhận vào hàng đợi gửi.',
      'Máy chủ đang chạy (npm start) sẽ gửi ngay; nếu máy chủ đang tắt, tin nhắn được gửi khi máy chủ chạy lại.',
    ]);
    const fresh = await getDigest(t.db, b.blocId, 'period', '2026-W49');
    expect(fresh!.text).toContain('Nhân rộng mô hình dân vận khéo');
    expect(fresh!.createdAt).toBe(thursday.toISOString());
    // The early messages are gone; the fresh ones are due now and carry the new text.
    const rows = await outbox();
    expect(rows.map((r) => [r.chat_id, r.status, r.next_attempt_at])).toEqual([
      ['-100100', 'queued', thursday.toISOString()],
      ['5001', 'queued', thursday.toISOString()],
    ]);
    for (const r of rows) expect(JSON.parse(r.payload).text).toContain('Nhân rộng mô hình dân vận khéo');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'digest.recompute').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'cli', entity: 'digest', entity_id: String(fresh!.id), bloc_id: b.blocId });
    expect(JSON.parse(audit[0]!.details!)).toEqual({
      kind: 'period',
      periodKey: '2026-W49',
      withdrawn: 2,
      computedAt: at('2026-12-07', '08:00').toISOString(),
      messages: 2,
    });
  });

  for (const status of ['sent', 'sending', 'failed'] as const) {
    it(`stays as it is once one of its messages is ${status}: "already sent", nothing withdrawn`, async () => {
      await runJob('run', 'period-digest', '--now', monday, '--bloc', String(b.blocId), '--allow-future');
      const [first] = await outbox();
      await t.db.updateTable('outbox_message').set({ status }).where('id', '=', first!.id).execute();
      const before = { digest: await getDigest(t.db, b.blocId, 'period', '2026-W49'), rows: await outbox() };
      await fileReport(t.db, b, 1, '2026-W49', '2026-12-03T02:00:00Z', [1, 1], 'Nhân rộng mô hình dân vận khéo.');
      lines = [];
      await send();
      const counts = { sent: 'đã gửi 1, đang gửi 0, gửi lỗi 0', sending: 'đã gửi 0, đang gửi 1, gửi lỗi 0' }[
        status as 'sent' | 'sending'
      ];
      expect(lines[0]).toBe(
        `Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026) đã được tính cho thời điểm 08:00 07/12/2026 và lưu lại, ${
          counts ?? 'đã gửi 0, đang gửi 0, gửi lỗi 1'
        } trong 2 tin nhắn; không tính lại, không gửi lại.`,
      );
      expect(lines.slice(1)).toEqual(
        status === 'failed'
          ? ['Tin nhắn không gửi được thì gửi lại trên trang quản trị: Gửi tin → Tình hình gửi → Gửi lại.']
          : [],
      );
      expect(await getDigest(t.db, b.blocId, 'period', '2026-W49')).toEqual(before.digest);
      expect(await outbox()).toEqual(before.rows);
      expect(await t.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    });
  }

  // A message split into parts goes back to the queue after each part but the last (parts_sent
  // counts them), and stays queued through a retry: queued is not "unsent" once a part went out.
  it('stays as it is while a message of it is partly sent (queued, parts_sent 1): "đang gửi", nothing withdrawn or queued', async () => {
    await runJob('run', 'period-digest', '--now', monday, '--bloc', String(b.blocId), '--allow-future');
    const [first] = await outbox();
    await t.db
      .updateTable('outbox_message')
      .set({ parts_sent: 1, attempts: 1, last_error: '502 Bad Gateway' })
      .where('id', '=', first!.id)
      .execute();
    const allRows = () => t.db.selectFrom('outbox_message').selectAll().orderBy('id').execute();
    const before = { digest: await getDigest(t.db, b.blocId, 'period', '2026-W49'), rows: await allRows() };
    expect(before.rows.map((r) => [r.status, r.parts_sent])).toEqual([
      ['queued', 1],
      ['queued', 0],
    ]);
    await fileReport(t.db, b, 1, '2026-W49', '2026-12-03T02:00:00Z', [1, 1], 'Nhân rộng mô hình dân vận khéo.');
    lines = [];
    await send();
    expect(lines).toEqual([
      'Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026) đã được tính cho thời điểm 08:00 07/12/2026 và lưu lại, đã gửi 0, đang gửi 1 (trong đó 1 tin nhắn đã gửi được một phần, phần còn lại đang chờ gửi), gửi lỗi 0 trong 2 tin nhắn; không tính lại, không gửi lại.',
    ]);
    expect(await getDigest(t.db, b.blocId, 'period', '2026-W49')).toEqual(before.digest);
    expect(await allRows()).toEqual(before.rows);
    expect(await t.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });

  it('a second run of the job says the digest is stored and unsent, and how to compute it again', async () => {
    await runJob('run', 'period-digest', '--now', monday, '--bloc', String(b.blocId), '--allow-future');
    lines = [];
    await runJob('run', 'period-digest', '--now', monday, '--bloc', String(b.blocId), '--allow-future', '--force');
    expect(lines).toEqual([
      [
        `bloc:${b.blocId} · 2026-W49: đã chạy.`,
        '  Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026) đã được tính cho thời điểm 08:00 07/12/2026 và lưu lại, chưa gửi cho ai (2 tin nhắn đang chờ trong hàng đợi); không tính lại, không gửi lại.',
        `  Để tính lại với số liệu mới nhất và gửi ngay: npm run cli -- summary digest --bloc ${b.blocId} --week 2026-W49 --send`,
      ].join('\n'),
    ]);
  });
});

describe('a digest run for a moment already past', () => {
  it('needs no flag and says the running server sends it at once', async () => {
    await runJob('run', 'period-digest', '--now', '2026-11-30T08:00', '--bloc', String(b.blocId));
    expect(lines).toEqual([
      [
        `bloc:${b.blocId} · 2026-W48: đã chạy.`,
        '  Bản tin Tuần 48/2026 (23/11/2026 – 29/11/2026): đã lưu và xếp 2 tin nhắn cho 2 nơi nhận vào hàng đợi gửi.',
        '  Máy chủ đang chạy (npm start) sẽ gửi ngay; nếu máy chủ đang tắt, tin nhắn được gửi khi máy chủ chạy lại.',
      ].join('\n'),
    ]);
  });

  it('without any chat to send to says so, and the digest can be sent once a chat is linked', async () => {
    await t.db.deleteFrom('bloc_chat').execute();
    await t.db.updateTable('focal_point').set({ telegram_chat_id: null }).execute();
    await send();
    expect(lines).toEqual([
      'Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026): đã lưu nhưng chưa có nơi nhận (Khối chưa liên kết nhóm Telegram và cán bộ đầu mối của đơn vị Khối trưởng chưa có kênh nhận tin nào), nên không có tin nhắn nào được xếp hàng.',
    ]);
    await t.db
      .insertInto('bloc_chat')
      .values({ bloc_id: b.blocId, telegram_chat_id: '-100200', title: 'Nhóm mới', active: 1 })
      .execute();
    lines = [];
    await send();
    expect(lines[1]).toBe(
      'Bản tin Tuần 49/2026 (30/11/2026 – 06/12/2026): đã lưu và xếp 1 tin nhắn cho 1 nơi nhận vào hàng đợi gửi.',
    );
    expect((await outbox()).map((r) => r.chat_id)).toEqual(['-100200']);
  });
});

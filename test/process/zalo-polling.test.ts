import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { deactivateFocalPoint } from '../../src/db/focal-points.js';
import { createInvite } from '../../src/db/invites.js';
import { freePort } from '../helpers/ports.js';
import { type Started, startCommand } from '../helpers/process.js';
import { ZaloEmulator } from '../helpers/zalo-emulator.js';
import { builtEntry } from '../helpers/built.js';

// The real product (src/main.ts) against the Zalo Bot Platform emulator in long-polling mode: one
// process for the whole file. A focal point links by code (and every bad code is refused), sends a
// full report with a bad figure corrected, checks /trangthai; a replayed message is handled once;
// another focal point sends a nil report, the first revises their report, and a group's code and a
// code for a focal point who left link nothing.
// The product runs on the wall clock, so nothing here names a period.

const root = join(import.meta.dirname, '../..');
let emu: ZaloEmulator;
let s: Started;
let db: Db;
let dir: string;
let port: number;

async function waitFor<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`${what} did not happen; output:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  emu = await ZaloEmulator.start();
  dir = mkdtempSync(join(tmpdir(), 'ktd-zalo-'));
  port = await freePort();
  s = startCommand(`${process.execPath} ${builtEntry('main')}`, root, {
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'info',
    DATABASE_PATH: join(dir, 'ktd.sqlite'),
    PORT: String(port),
    HOST: '127.0.0.1',
    ZALO_BOT_TOKEN: emu.token,
    ZALO_API_ROOT: emu.apiRoot,
  });
  await waitFor('zalo polling', async () => {
    try {
      const h = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { zalo?: { bot: string } };
      return h.zalo?.bot === 'polling' ? true : undefined;
    } catch {
      return undefined;
    }
  });
  db = openDatabase(join(dir, 'ktd.sqlite')).db;
}, 30_000);

afterAll(async () => {
  await db?.destroy();
  s?.child.kill('SIGTERM');
  await s?.exited;
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends a text and waits for the bot's next reply to it. */
async function say(userId: string, text: string): Promise<string> {
  const before = emu.sentTo(userId).length;
  await emu.userSends(userId, { text, name: 'Cán bộ Zalo' });
  await emu.waitForSent(userId, before + 1);
  // A reply longer than one message comes in parts: wait for them all to settle.
  await new Promise((r) => setTimeout(r, 150));
  return emu
    .sentTo(userId)
    .slice(before)
    .map((m) => m.text)
    .join('\n');
}

describe('Zalo bot, long polling, against the real process', () => {
  it('links by code, refusing unknown, used and expired codes and an account linked to someone else', async () => {
    const [first, second] = await db
      .selectFrom('focal_point')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(2)
      .execute();
    const now = new Date();
    const invite = await createInvite(db, { kind: 'focal_point', focalPointId: first!.id, createdBy: 'test', now });
    const expired = await createInvite(db, {
      kind: 'focal_point',
      focalPointId: second!.id,
      createdBy: 'test',
      now: new Date(now.getTime() - 30 * 86_400_000),
    });

    expect(await say('zu-1', '/start KHONGCO')).toContain('Mã liên kết không đúng');
    expect(await say('zu-1', 'xin chào')).toContain('chưa được liên kết');
    expect(await say('zu-1', expired.code)).toContain('hết hạn');
    const greeting = await say('zu-1', `/start ${invite.code}`);
    expect(greeting).toContain(`Xin chào đồng chí ${first!.full_name}`);
    expect(await say('zu-2', invite.code)).toContain('đã được sử dụng');

    const other = await createInvite(db, { kind: 'focal_point', focalPointId: second!.id, createdBy: 'test', now });
    expect(await say('zu-1', `/start ${other.code}`)).toContain(
      `đang được liên kết với cán bộ đầu mối ${first!.full_name}`,
    );
    const address = await db.selectFrom('contact_address').selectAll().where('channel', '=', 'zalo').execute();
    expect(address).toEqual([expect.objectContaining({ focal_point_id: first!.id, address: 'zu-1', state: 'linked' })]);
  });

  it('takes a full report in typed answers, a bad figure corrected, and stores it as sent through Zalo', async () => {
    let reply = await say('zu-1', '/baocao');
    if (reply.includes('báo cáo cho kỳ nào')) reply = await say('zu-1', '1');
    let refusedOnce = false;
    for (let turn = 0; turn < 40 && !reply.includes('Gửi báo cáo'); turn++) {
      if (/Chỉ tiêu \d+\/\d+/.test(reply)) {
        if (!refusedOnce) {
          refusedOnce = true;
          const refused = await say('zu-1', '12 mô hình');
          expect(refused).toContain('⚠️');
          expect(refused).toMatch(/Chỉ tiêu \d+\/\d+/);
        }
        reply = await say('zu-1', reply.includes('giữ nguyên') ? 'giữ nguyên' : '3');
      } else if (reply.includes('Kết quả nổi bật') && !reply.includes('Nội dung hiện có')) {
        reply = await say('zu-1', 'Tổ chức 3 buổi tuyên truyền gương điển hình.');
      } else if (reply.includes('Ảnh minh chứng')) {
        reply = await say('zu-1', '1');
      } else if (reply.includes('giữ nguyên')) {
        reply = await say('zu-1', 'giữ nguyên');
      } else {
        reply = await say('zu-1', 'bo qua');
      }
    }
    expect(refusedOnce).toBe(true);
    expect(reply).toContain('1. Gửi báo cáo');
    for (const m of emu.sentTo('zu-1')) expect(m.text.length).toBeLessThanOrEqual(2000);
    const receipt = await say('zu-1', '1');
    expect(receipt).toContain('Đã ghi nhận báo cáo');
    const report = await db
      .selectFrom('progress_report')
      .selectAll()
      .where('submitted_via', '=', 'zalo')
      .executeTakeFirstOrThrow();
    expect(report.notable_results).toBe('Tổ chức 3 buổi tuyên truyền gương điển hình.');
    const revisions = await db.selectFrom('report_revision').selectAll().where('report_id', '=', report.id).execute();
    expect(revisions.at(-1)?.submitted_via).toBe('zalo');
  });

  it('answers /trangthai and help, and handles a replayed message once', async () => {
    expect(await say('zu-1', 'trangthai')).toContain('Tình hình báo cáo');
    expect(await say('zu-1', '/trogiup')).toContain('Zalo không có nút bấm');
    const update = await emu.userSends('zu-1', { text: '/trogiup' });
    const count = (await emu.waitForSent('zu-1', emu.sentTo('zu-1').length + 1)).length;
    await emu.replay(update);
    await waitFor('the replay ignored', () => (s.output().includes('zalo message already handled') ? true : undefined));
    expect(emu.sentTo('zu-1')).toHaveLength(count);
    expect(emu.violations).toEqual([]);
  });

  it('takes a nil report sent as /khongmoi and stores it as sent through Zalo', async () => {
    const [third] = await db
      .selectFrom('focal_point')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('id')
      .offset(2)
      .limit(1)
      .execute();
    const invite = await createInvite(db, {
      kind: 'focal_point',
      focalPointId: third!.id,
      createdBy: 'test',
      now: new Date(),
    });
    expect(await say('zu-3', `/start ${invite.code}`)).toContain(`Xin chào đồng chí ${third!.full_name}`);
    expect(await say('zu-3', '/trogiup')).toContain('/khongmoi: báo cáo kỳ này đơn vị không có gì mới.');

    const receipt = await say('zu-3', '/khongmoi');
    expect(receipt).toContain('✅ Đã ghi nhận báo cáo');
    expect(receipt).toContain(': kỳ này không có gì mới.');
    expect(receipt).not.toContain('bản sửa');
    const reports = await db
      .selectFrom('progress_report')
      .selectAll()
      .where('unit_id', '=', third!.unit_id)
      .where('submitted_via', '=', 'zalo')
      .execute();
    expect(reports).toEqual([
      expect.objectContaining({
        is_nil: 1,
        revision: 1,
        submitted_by_focal_point_id: third!.id,
        notable_results: null,
      }),
    ]);
    // The current period, the one the full report of the test above went to ('1', the current one first).
    const full = await db
      .selectFrom('progress_report')
      .select('period_key')
      .where('submitted_via', '=', 'zalo')
      .where('unit_id', '!=', third!.unit_id)
      .executeTakeFirstOrThrow();
    expect(reports[0]!.period_key).toBe(full.period_key);
    expect(await db.selectFrom('report_value').selectAll().where('report_id', '=', reports[0]!.id).execute()).toEqual(
      [],
    );
    const revisions = await db
      .selectFrom('report_revision')
      .selectAll()
      .where('report_id', '=', reports[0]!.id)
      .execute();
    expect(revisions).toEqual([
      expect.objectContaining({ revision: 1, submitted_via: 'zalo', submitted_by_focal_point_id: third!.id }),
    ]);
    expect(await say('zu-3', '/khongmoi')).toContain(
      'đã có báo cáo của đơn vị, nên không ghi "Không có gì mới" đè lên',
    );
    expect(
      await db.selectFrom('report_revision').selectAll().where('report_id', '=', reports[0]!.id).execute(),
    ).toHaveLength(1);
  });

  it('takes a revision of the full report, one figure changed, and stores it as revision 2 sent through Zalo', async () => {
    const linked = await db
      .selectFrom('contact_address')
      .selectAll()
      .where('channel', '=', 'zalo')
      .where('address', '=', 'zu-1')
      .executeTakeFirstOrThrow();
    const first = await db
      .selectFrom('focal_point')
      .selectAll()
      .where('id', '=', linked.focal_point_id)
      .executeTakeFirstOrThrow();
    const before = await db
      .selectFrom('progress_report')
      .selectAll()
      .where('unit_id', '=', first.unit_id)
      .where('submitted_via', '=', 'zalo')
      .executeTakeFirstOrThrow();
    expect(before.revision).toBe(1);

    let reply = await say('zu-1', '/baocao');
    if (reply.includes('báo cáo cho kỳ nào')) {
      // Two periods open (the previous one not locked yet): the one reported is marked for revising.
      const line = reply.split('\n').find((l) => l.includes('đã gửi, sửa'));
      expect(line).toMatch(/^\d+\. /);
      reply = await say('zu-1', line!.split('.')[0]!);
    } else {
      expect(reply).toContain('(lần 1, lúc');
      expect(reply).toContain('Đồng chí đang sửa báo cáo: gõ "giữ nguyên" để giữ số liệu cũ.');
    }
    let changed: { code: string; title: string } | undefined;
    for (let turn = 0; turn < 40 && !reply.includes('1. Gửi báo cáo'); turn++) {
      const criterion = /Chỉ tiêu \d+\/\d+: (\S+)\. (.+)/.exec(reply);
      if (criterion && !changed) {
        changed = { code: criterion[1]!, title: criterion[2]! };
        expect(reply).toContain('• Gõ giữ nguyên: Giữ số cũ (3)');
        reply = await say('zu-1', '7');
      } else if (reply.includes('Ảnh minh chứng')) {
        reply = await say('zu-1', '1');
      } else if (reply.includes('• Gõ giữ nguyên:')) {
        reply = await say('zu-1', 'giữ nguyên');
      } else {
        reply = await say('zu-1', 'bo qua');
      }
    }
    expect(changed).toBeDefined();
    expect(reply).toContain('1. Gửi báo cáo');
    const receipt = await say('zu-1', '1');
    expect(receipt).toContain('✅ Đã ghi nhận báo cáo');
    expect(receipt).toContain('Đây là bản sửa lần 1; các bản trước vẫn được lưu lại.');

    const after = await db
      .selectFrom('progress_report')
      .selectAll()
      .where('unit_id', '=', first.unit_id)
      .where('period_key', '=', before.period_key)
      .execute();
    expect(after).toEqual([expect.objectContaining({ id: before.id, revision: 2, submitted_via: 'zalo', is_nil: 0 })]);
    expect(after[0]!.notable_results).toBe(before.notable_results);
    const values = await db
      .selectFrom('report_value')
      .innerJoin('covenant_criterion', 'covenant_criterion.id', 'report_value.criterion_id')
      .select(['covenant_criterion.code', 'covenant_criterion.title', 'report_value.value'])
      .where('report_value.report_id', '=', before.id)
      .execute();
    const changedValue = values.filter((v) => v.code === changed!.code && v.title === changed!.title);
    expect(changedValue).toEqual([expect.objectContaining({ value: 7 })]);
    for (const v of values.filter((v) => v !== changedValue[0])) expect(v.value).toBe(3);
    const revisions = await db
      .selectFrom('report_revision')
      .selectAll()
      .where('report_id', '=', before.id)
      .orderBy('revision')
      .execute();
    expect(revisions.map((r) => [r.revision, r.submitted_via, r.submitted_by_focal_point_id])).toEqual([
      [1, 'zalo', first.id],
      [2, 'zalo', first.id],
    ]);
    for (const m of emu.sentTo('zu-1')) expect(m.text.length).toBeLessThanOrEqual(2000);
  });

  it("refuses a group's code and a code for a focal point who has left, linking nothing", async () => {
    const bloc = await db.selectFrom('bloc').select('id').orderBy('id').executeTakeFirstOrThrow();
    const [, , , fourth] = await db
      .selectFrom('focal_point')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(4)
      .execute();
    const now = new Date();
    const group = await createInvite(db, { kind: 'group', blocId: bloc.id, createdBy: 'test', now });
    const left = await createInvite(db, { kind: 'focal_point', focalPointId: fourth!.id, createdBy: 'test', now });
    await deactivateFocalPoint(db, fourth!.id, now.toISOString());

    const forGroup = await say('zu-4', `/start ${group.code}`);
    expect(forGroup).toContain('Mã này dùng để liên kết nhóm Telegram của Khối; bot Zalo không tham gia nhóm.');
    expect(forGroup).toContain('dùng mã liên kết cá nhân');
    expect(await say('zu-4', left.code)).toContain(
      'Cán bộ đầu mối của liên kết này đã thôi nhiệm vụ, nên không thể liên kết.',
    );
    expect(await say('zu-4', 'trangthai')).toContain('chưa được liên kết');

    expect(await db.selectFrom('contact_address').selectAll().where('address', '=', 'zu-4').execute()).toEqual([]);
    const invites = await db.selectFrom('invite').selectAll().where('id', 'in', [group.id, left.id]).execute();
    expect(invites.map((i) => [i.used_at, i.used_by_account])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(
      (await db.selectFrom('focal_point').select('status').where('id', '=', fourth!.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('left');
    expect(emu.violations).toEqual([]);
  });
});

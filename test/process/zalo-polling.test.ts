import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { createInvite } from '../../src/db/invites.js';
import { freePort } from '../helpers/ports.js';
import { type Started, startCommand } from '../helpers/process.js';
import { ZaloEmulator } from '../helpers/zalo-emulator.js';
import { builtEntry } from '../helpers/built.js';

// The real product (src/main.ts) against the Zalo Bot Platform emulator in long-polling mode: one
// process for the whole file. A focal point links by code (and every bad code is refused), sends a
// full report with a bad figure corrected, checks /trangthai; a replayed message is handled once.
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
});

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderTelegramMessage } from '../../src/bot/telegram/render-message.js';
import { zonedInstant } from '../../src/core/time.js';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { findFocalPointByTelegramUser } from '../../src/db/focal-points.js';
import { findInvite, toInvite } from '../../src/db/invites.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { parseOutboundMessage } from '../../src/db/outbox-message-json.js';
import { linkByCode } from '../../src/reporting/link-by-code.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { testLogger } from '../helpers/logger.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';

// test/fixtures/pre-channels.sqlite was made by the code before migration 0010 (the script beside
// it says how): the demo bloc with five linked focal points, a linked group, open and used invites,
// a reminder wave and a digest queued by that version's jobs, one reminder sent, one failed as
// blocked and one waiting for a retry. The upgrade must keep every one of them working.

const FIXTURE = new URL('../fixtures/pre-channels.sqlite', import.meta.url).pathname;
const NOW = zonedInstant('2026-12-01', '08:10', 'Asia/Ho_Chi_Minh');

let dir: string | undefined;
let db: Db | undefined;
let api: FakeBotApi | undefined;
let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await api?.close();
  await db?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
  [worker, api, db, dir] = [undefined, undefined, undefined, undefined];
});

/** The fixture as the previous version left it, and the same file upgraded. */
async function upgraded(): Promise<{ db: Db; before: Db }> {
  dir = mkdtempSync(join(tmpdir(), 'ktd-upgrade-'));
  copyFileSync(FIXTURE, join(dir, 'before.sqlite'));
  copyFileSync(FIXTURE, join(dir, 'after.sqlite'));
  const before = openDatabase(join(dir, 'before.sqlite')).db;
  db = openDatabase(join(dir, 'after.sqlite')).db;
  expect(await migrateToLatest(db)).toContain('0010_channels');
  return { db, before };
}

async function oldRows(before: Db) {
  const rows = await before
    .selectFrom('outbox_message')
    .select(['id', 'chat_id', 'status', 'payload', 'failure_reason', 'last_error', 'attempts'])
    .orderBy('id')
    .execute();
  await before.destroy();
  return rows;
}

describe('upgrading a database made before channels', () => {
  it('gives every linked person their Telegram address and keeps who is writing, invites and files', async () => {
    const { db, before } = await upgraded();
    const linked = await before
      .selectFrom('focal_point')
      .select(['id', 'telegram_chat_id', 'telegram_user_id', 'telegram_username'])
      .where('telegram_chat_id', 'is not', null)
      .orderBy('id')
      .execute();
    const invites = await before.selectFrom('invite').selectAll().orderBy('id').execute();
    await before.destroy();
    expect(linked).toHaveLength(5);

    const addresses = await db.selectFrom('contact_address').selectAll().orderBy('focal_point_id').execute();
    expect(addresses.map((a) => [a.focal_point_id, a.channel, a.address, a.state, a.position, a.detail])).toEqual(
      linked.map((p) => [p.id, 'telegram', p.telegram_chat_id, 'linked', 0, p.telegram_username]),
    );
    for (const p of linked) expect((await findFocalPointByTelegramUser(db, p.telegram_user_id!))?.id).toBe(p.id);
    // 0011 adds who used an invite on another channel, empty on every invite made before.
    for (const i of invites)
      expect(await findInvite(db, i.code)).toEqual({ ...toInvite(i), usedByChannel: null, usedByAccount: null });
    expect(await db.selectFrom('report_attachment').select('telegram_file_id').execute()).toEqual([
      { telegram_file_id: 'AgACAgUAAxkBAAIBZ2fake' },
    ]);
    expect(await db.selectFrom('bloc_chat').select(['telegram_chat_id', 'active']).execute()).toEqual([
      { telegram_chat_id: '-1001700000001', active: 1 },
    ]);

    // The sixth focal point's open invite, made before the upgrade, links their account after it
    // through the use case the bot calls, and gives them their address; the used one stays used.
    const open = invites.find((i) => i.kind === 'focal_point' && i.used_at === null)!;
    const account = { channel: 'telegram' as const, userId: '70006', address: '70006', username: 'kimngan' };
    expect(await db.transaction().execute((trx) => linkByCode(trx, account, open.code, NOW))).toEqual({
      kind: 'linked',
      focalPointId: open.focal_point_id,
    });
    expect(
      await db
        .selectFrom('contact_address')
        .select(['channel', 'address', 'detail'])
        .where('focal_point_id', '=', open.focal_point_id!)
        .execute(),
    ).toEqual([{ channel: 'telegram', address: '70006', detail: 'kimngan' }]);
    const used = invites.find((i) => i.used_at !== null)!;
    const other = { channel: 'telegram' as const, userId: '79999', address: '79999', username: null };
    expect(await db.transaction().execute((trx) => linkByCode(trx, other, used.code, NOW))).toEqual({ kind: 'used' });
  });

  it('keeps every message, its state and failure reason, and renders each back to the payload it had', async () => {
    const { db, before } = await upgraded();
    const old = await oldRows(before);
    const rows = await db.selectFrom('outbox_message').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.status, r.failure_reason, r.last_error, r.attempts])).toEqual(
      old.map((r) => [r.id, r.status, r.failure_reason, r.last_error, r.attempts]),
    );
    expect(rows.find((r) => r.status === 'failed')?.failure_reason).toBe('blocked');
    for (const [i, row] of rows.entries()) {
      expect([row.channel, row.address, row.parts_sent]).toEqual(['telegram', old[i]!.chat_id, 0]);
      const payload = JSON.parse(old[i]!.payload) as { text: string; reply_markup?: unknown };
      const parts = renderTelegramMessage(parseOutboundMessage(row.message), {});
      expect(parts).toHaveLength(1);
      expect(parts[0]!.text).toBe(payload.text);
      expect(parts[0]!.reply_markup).toEqual(payload.reply_markup);
    }
  });

  it('delivers each queued message once, with the same text and buttons, to the same chat', async () => {
    const { db, before } = await upgraded();
    const old = await oldRows(before);
    api = await FakeBotApi.start({ perSecond: 300 });
    worker = startDeliveryWorker({
      db,
      token: api.token,
      apiRoot: api.apiRoot,
      logger: testLogger(),
      now: () => new Date(NOW.getTime() + 10_000),
      limits: { pollMs: 50 },
    });
    const queued = old.filter((r) => r.status === 'queued');
    expect(queued.map((r) => r.chat_id)).toEqual(['70003', '70004', '70005', '-1001700000001']);
    const until = Date.now() + 15_000;
    while (api.messages.length < queued.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    worker = undefined;
    const sent = api.messages.map((m) => ({ chatId: m.chatId, text: m.text, replyMarkup: m.replyMarkup }));
    expect(sent.sort((a, b) => a.chatId.localeCompare(b.chatId))).toEqual(
      queued
        .map((r) => {
          const p = JSON.parse(r.payload) as { text: string; reply_markup?: unknown };
          return { chatId: r.chat_id, text: p.text, replyMarkup: p.reply_markup ?? null };
        })
        .sort((a, b) => a.chatId.localeCompare(b.chatId)),
    );
    const after = await db.selectFrom('outbox_message').select(['status', 'failure_reason']).orderBy('id').execute();
    expect(after).toEqual([
      { status: 'sent', failure_reason: null },
      { status: 'failed', failure_reason: 'blocked' },
      ...queued.map(() => ({ status: 'sent', failure_reason: null })),
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { renderTelegramMessage } from '../../src/bot/telegram/render-message.js';
import { type OutboundMessage, paragraph } from '../../src/core/outbound-message.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { testLogger } from '../helpers/logger.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';
import { statusCounts, waitFor } from './support.js';

// A message its channel renders into several parts is one outbox row: the worker sends the parts
// in order, one per claim, counting them (parts_sent), so a restart after a crash between two
// parts goes on from the next one instead of sending the first again (decision 0090).

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
let worker: DeliveryWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  await api?.close();
  await t?.close();
  [worker, api, t] = [undefined, undefined, undefined];
});

// Thirty blocks of 300 characters: about 9,000, three Telegram parts.
const long: OutboundMessage = {
  topic: 'digest',
  title: 'BẢN TIN THI ĐUA TUẦN',
  blocks: Array.from({ length: 30 }, (_, i) => paragraph(`${i + 1}. ${'Kết quả nổi bật của đơn vị. '.repeat(11)}`)),
  actions: [],
};

async function deliver(partsSentBefore: number): Promise<string[]> {
  t = await createTestDb();
  api = await FakeBotApi.start({ perSecond: 300 });
  const now = new Date();
  await enqueueOutbox(t.db, {
    dedupeKey: 'digest:long',
    blocId: null,
    kind: 'digest',
    channel: 'telegram',
    address: '7001',
    audience: 'person',
    message: long,
    now,
  });
  // As a crash would leave it: the first parts went out, the row is queued again.
  await t.db.updateTable('outbox_message').set({ parts_sent: partsSentBefore }).execute();
  worker = startDeliveryWorker({
    db: t.db,
    token: api.token,
    apiRoot: api.apiRoot,
    logger: testLogger(),
    now: () => new Date(),
    limits: { pollMs: 20 },
  });
  await waitFor(async () => (await statusCounts(t!.db)).sent === 1, 15_000, 'the message sent');
  return api.messages.map((m) => m.text);
}

describe('a message sent in parts', () => {
  const parts = renderTelegramMessage(long, {}).map((p) => p.text);

  it('goes out part by part, in order, as one row', async () => {
    expect(parts.length).toBe(3);
    expect(await deliver(0)).toEqual(parts);
    const row = await t!.db.selectFrom('outbox_message').selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.parts_sent]).toEqual(['sent', 3]);
    expect(api!.http429).toBe(0);
  });

  it('after a crash between parts, goes on from the next part', async () => {
    expect(await deliver(1)).toEqual(parts.slice(1));
  });
});

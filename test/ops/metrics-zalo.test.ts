// /metrics counts by channel, Zalo included: the outbox by channel and status (every series from
// the first scrape), and the Zalo bot's status, failed attempts and unreachable sides, labelled by
// messenger (issue 13).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraph } from '../../src/core/outbound-message.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createTelegramChannels } from '../../src/observability/telegram-channels.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { testLogger } from '../helpers/logger.js';

const NOW = new Date('2026-11-25T03:00:00.000Z');
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const queue = (channel: string, address: string) =>
  enqueueOutbox(t.db, {
    dedupeKey: `test:${channel}:${address}`,
    blocId: null,
    kind: 'reminder',
    channel,
    address,
    audience: 'person',
    message: { topic: 'reminder', title: 'Nhắc', blocks: [paragraph('Xin gửi báo cáo.')], actions: [] },
    now: NOW,
  });

describe('/metrics by channel', () => {
  it('counts the outbox by channel and shows the Zalo connection', async () => {
    const watch = createTelegramChannels({ now: () => NOW, logger: testLogger(), platform: 'zalo' });
    const metrics = createMetrics({
      db: t.db,
      now: () => NOW,
      botStatus: () => 'off',
      messengers: [{ name: 'zalo', bot: () => 'polling', watch }],
    });
    let body = (await metrics.render()).body;
    expect(body).toContain('ktd_outbox_messages_by_channel{channel="zalo",status="queued"} 0');
    expect(body).toContain('ktd_outbox_messages_by_channel{channel="telegram",status="failed"} 0');
    expect(body).toContain('ktd_messenger_bot_status{messenger="zalo",status="polling"} 1');
    expect(body).toContain('ktd_messenger_unreachable{messenger="zalo",channel="delivery"} 0');

    await queue('zalo', 'z-1');
    await queue('zalo', 'z-2');
    await queue('telegram', '101');
    await t.db
      .updateTable('outbox_message')
      .set({ status: 'failed', failure_reason: 'blocked' })
      .where('address', '=', 'z-2')
      .execute();
    watch.failed('delivery', { reason: 'network', error: 'ECONNRESET', startedAt: NOW });
    body = (await metrics.render()).body;
    expect(body).toContain('ktd_outbox_messages_by_channel{channel="zalo",status="queued"} 1');
    expect(body).toContain('ktd_outbox_messages_by_channel{channel="zalo",status="failed"} 1');
    expect(body).toContain('ktd_outbox_messages_by_channel{channel="telegram",status="queued"} 1');
    expect(body).toContain(
      'ktd_messenger_failed_attempts_total{messenger="zalo",channel="delivery",reason="network"} 1',
    );
    expect(body).toContain('ktd_messenger_unreachable{messenger="zalo",channel="delivery"} 1');
  });
});

// The Zalo side of `npm run bench:delivery -- --channel zalo`: a wave of reminders queued to
// distinct Zalo people, delivered by the real worker through the real Zalo channel (paced at
// `limit` a second in total, one a second to a person, as ZALO_RATE_PER_SECOND sets it) against
// the Zalo emulator enforcing the same limit with 429s.
import { createZaloBotApiClient } from '../src/bot/zalo/bot-api-client.js';
import { createZaloChannel } from '../src/bot/zalo/zalo-channel.js';
import { paragraph } from '../src/core/outbound-message.js';
import type { Db } from '../src/db/connection.js';
import { enqueueOutbox } from '../src/db/outbox.js';
import { startDeliveryWorker } from '../src/delivery/worker.js';
import { createLogger } from '../src/logger.js';
import { ZaloEmulator } from '../test/helpers/zalo-emulator.js';

export interface BenchTarget {
  addresses: string[];
  accepted(): { chatId: string; at: number }[];
  http429(): number;
  /** Stops the worker (what is in flight is recorded). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startZaloTarget(o: {
  db: Db;
  messages: number;
  limit: number;
  maxInFlight: number;
  latencyMs: number;
}): Promise<BenchTarget> {
  const emu = await ZaloEmulator.start({ perSecond: o.limit, latencyMs: o.latencyMs });
  const addresses = Array.from({ length: o.messages }, (_, i) => `zalo-bench-${i}`);
  const queuedAt = new Date();
  await o.db.transaction().execute(async (trx) => {
    for (const [i, address] of addresses.entries()) {
      emu.knowChat(address);
      await enqueueOutbox(trx, {
        dedupeKey: `bench:zalo:${i}`,
        blocId: null,
        kind: 'reminder',
        channel: 'zalo',
        address,
        audience: 'person',
        message: {
          topic: 'reminder',
          title: '[Khối thi đua số 6]',
          blocks: [
            paragraph(
              `Kính gửi đồng chí Cán bộ ${i + 1},\nĐơn vị ${i + 1} chưa gửi báo cáo tiến độ Tuần 48/2026. Hạn báo cáo: hết ngày 30/11/2026.`,
            ),
          ],
          actions: [
            { kind: 'sendReport', periodKey: '2026-W48' },
            { kind: 'nilReport', periodKey: '2026-W48' },
          ],
        },
        now: queuedAt,
      });
    }
  });
  const zalo = createZaloChannel({
    client: createZaloBotApiClient({ token: emu.token, apiRoot: emu.apiRoot }),
    limits: { perSecond: o.limit, perChatWindowMs: 1000 },
    now: () => new Date(),
  });
  const worker = startDeliveryWorker({
    db: o.db,
    channels: new Map([[zalo.name, zalo]]),
    logger: createLogger('error'),
    now: () => new Date(),
    limits: { maxInFlight: o.maxInFlight },
  });
  return {
    addresses,
    accepted: () => emu.sent.map((m) => ({ chatId: m.chatId, at: m.at })),
    http429: () => emu.http429,
    stop: () => worker.stop(),
    close: () => emu.close(),
  };
}

// npm run bench:delivery [-- --messages 10000 --rate 30 --in-flight 10 --latency 50 --channel telegram|zalo]
// Delivers queued messages to distinct chats through the real worker against a rate-limited
// emulator (Telegram's Bot API, test/helpers/fake-bot-api.ts; or with --channel zalo the Zalo Bot
// Platform's, test/helpers/zalo-emulator.ts, through the real Zalo channel) and prints the
// sustained rate as a fraction of the configured limit, the 429s received, lost and duplicated
// messages and peak memory. The last line is one JSON object.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { enqueueOutbox } from '../src/db/outbox.js';
import { startDeliveryWorker } from '../test/helpers/telegram-delivery.js';
import { createLogger } from '../src/logger.js';
import { FakeBotApi } from '../test/helpers/fake-bot-api.js';
import { type BenchTarget, startZaloTarget } from './delivery-zalo.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '30' },
    'in-flight': { type: 'string', default: '10' },
    latency: { type: 'string', default: '50' },
    channel: { type: 'string', default: 'telegram' },
  },
});
const channel = values.channel;
if (channel !== 'telegram' && channel !== 'zalo') {
  console.error('--channel phải là telegram hoặc zalo.');
  process.exit(2);
}
const messages = Number(values.messages);
const limit = Number(values.rate);
const maxInFlight = Number(values['in-flight']);
const latencyMs = Number(values.latency);
for (const [name, v] of Object.entries({ messages, rate: limit, 'in-flight': maxInFlight, latency: latencyMs })) {
  if (!Number.isFinite(v) || v < 0 || (name !== 'latency' && v < 1)) {
    console.error(`--${name} phải là số dương.`);
    process.exit(2);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ktd-bench-delivery-'));
const { db } = openDatabase(join(dir, 'bench.sqlite'));
await migrateToLatest(db);
if (channel === 'zalo') {
  // A separate path, so Telegram's figures stay those of the code they were measured with.
  await runZalo();
  process.exit(0);
}
const api = await FakeBotApi.start({ perSecond: limit, latencyMs });

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const chatOf = (i: number) => String(700_000_000 + i);
const queuedAt = new Date();
await db.transaction().execute(async (trx) => {
  for (let i = 0; i < messages; i++) {
    await enqueueOutbox(trx, {
      dedupeKey: `bench:${i}`,
      blocId: null,
      kind: 'reminder',
      chatId: chatOf(i),
      chatType: 'private',
      payload: {
        text: `[Khối thi đua số 6]\nKính gửi đồng chí Cán bộ ${i + 1},\nĐơn vị ${i + 1} chưa gửi báo cáo tiến độ Tuần 48/2026. Hạn báo cáo: hết ngày 30/11/2026.`,
        reply_markup: {
          inline_keyboard: [
            [{ text: '📝 Gửi báo cáo', callback_data: 'remind:report:2026-W48' }],
            [{ text: 'Kỳ này không có gì mới', callback_data: 'remind:nil:2026-W48' }],
          ],
        },
      },
      now: queuedAt,
    });
  }
});
console.log(
  `Queued ${messages} messages to ${messages} distinct chats; limit ${limit}/s, ${maxInFlight} in flight, ${latencyMs} ms emulated latency.`,
);

const worker = startDeliveryWorker({
  db,
  token: api.token,
  apiRoot: api.apiRoot,
  logger: createLogger('error'),
  now: () => new Date(),
  limits: { perSecond: limit, maxInFlight },
});
const started = performance.now();
let lastReport = started;
for (;;) {
  await new Promise((r) => setTimeout(r, 250));
  const sent = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
  if (performance.now() - lastReport >= 10_000) {
    lastReport = performance.now();
    console.log(
      `  ${Math.round((lastReport - started) / 1000)} s: ${api.messages.length} accepted, ${api.http429} × 429`,
    );
  }
  const open = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'sending'])
    .executeTakeFirstOrThrow();
  if (Number(open.n) === 0 || (Number(sent.n) === messages && api.messages.length >= messages)) break;
}
await worker.stop();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const accepted = api.messages;
const first = accepted[0]?.at ?? 0;
const last = accepted.at(-1)?.at ?? 0;
const ratePerS = accepted.length > 1 ? (accepted.length - 1) / ((last - first) / 1000) : 0;
const counts = api.countsByChat();
let lost = 0;
let duplicated = 0;
for (let i = 0; i < messages; i++) {
  const n = counts.get(chatOf(i)) ?? 0;
  if (n === 0) lost++;
  if (n > 1) duplicated += n - 1;
}
const result = {
  messages,
  rate_per_s: Math.round(ratePerS * 100) / 100,
  limit_per_s: limit,
  fraction_of_limit: Math.round((ratePerS / limit) * 1000) / 1000,
  http_429: api.http429,
  lost,
  duplicated,
  peak_rss_mb: Math.round((peakRss / 1024 / 1024) * 10) / 10,
};
console.log(
  `Sustained ${result.rate_per_s} messages/s = ${result.fraction_of_limit} of the ${limit}/s limit (target ≥ 0.95)`,
);
console.log(
  `429 received: ${result.http_429} · lost: ${lost} · duplicated: ${duplicated} · peak RSS: ${result.peak_rss_mb} MB`,
);
await api.close();
await db.destroy();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));

/** The same wave to Zalo: the real worker and Zalo channel against the Zalo emulator, `limit` as ZALO_RATE_PER_SECOND. */
async function runZalo(): Promise<void> {
  const target: BenchTarget = await startZaloTarget({ db, messages, limit, maxInFlight, latencyMs });
  let peak = process.memoryUsage().rss;
  const sampling = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  console.log(
    `Queued ${messages} Zalo messages to ${messages} distinct people; limit ${limit}/s, ${maxInFlight} in flight, ${latencyMs} ms emulated latency.`,
  );
  const started = performance.now();
  let lastReport = started;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    if (performance.now() - lastReport >= 10_000) {
      lastReport = performance.now();
      console.log(
        `  ${Math.round((lastReport - started) / 1000)} s: ${target.accepted().length} accepted, ${target.http429()} × 429`,
      );
    }
    const open = await db
      .selectFrom('outbox_message')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'sending'])
      .executeTakeFirstOrThrow();
    if (Number(open.n) === 0) break;
  }
  await target.stop();
  clearInterval(sampling);
  peak = Math.max(peak, process.memoryUsage().rss);
  const accepted = target.accepted();
  const first = accepted[0]?.at ?? 0;
  const last = accepted.at(-1)?.at ?? 0;
  const ratePerS = accepted.length > 1 ? (accepted.length - 1) / ((last - first) / 1000) : 0;
  const counts = new Map<string, number>();
  for (const m of accepted) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (const address of target.addresses) {
    const n = counts.get(address) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
  }
  const result = {
    channel: 'zalo',
    messages,
    rate_per_s: Math.round(ratePerS * 100) / 100,
    limit_per_s: limit,
    fraction_of_limit: Math.round((ratePerS / limit) * 1000) / 1000,
    http_429: target.http429(),
    lost,
    duplicated,
    peak_rss_mb: Math.round((peak / 1024 / 1024) * 10) / 10,
  };
  console.log(`Sustained ${result.rate_per_s} messages/s = ${result.fraction_of_limit} of the ${limit}/s limit`);
  console.log(
    `429 received: ${result.http_429} · lost: ${lost} · duplicated: ${duplicated} · peak RSS: ${result.peak_rss_mb} MB`,
  );
  await target.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(result));
}

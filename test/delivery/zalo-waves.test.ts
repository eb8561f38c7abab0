import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloBotApiClient } from '../../src/bot/zalo/bot-api-client.js';
import { handleZaloMessage } from '../../src/bot/zalo/dialogue/handle-message.js';
import type { ZaloMessage } from '../../src/bot/zalo/update.js';
import { createZaloChannel } from '../../src/bot/zalo/zalo-channel.js';
import { periodFromKey } from '../../src/core/periods.js';
import { addContactAddress } from '../../src/db/contact-addresses.js';
import { type DeliveryWorker, startDeliveryWorker } from '../../src/delivery/worker.js';
import { publishPeriodDigest } from '../../src/jobs/digest-jobs.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { reminderJob } from '../../src/jobs/reminders/reminder-job.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { ZaloEmulator } from '../helpers/zalo-emulator.js';
import { at, linkChat, quietLogger, report, TZ } from '../jobs/support.js';
import { waitFor } from './support.js';

// Reminders and digests reach Zalo-linked focal points through the real jobs, the real worker and
// the Zalo channel, against the emulator (issue 13, decision 0097). The server runs Zalo and
// Telegram; each person is reached once, at the first linked address of their order.
//   unit 1 (chair): Zalo only           unit 2: Zalo only
//   unit 3: Telegram 103 and Zalo, Zalo first     unit 4: Telegram only · reported week 48
//   unit 5: Zalo only, asks for the digest with /bantin

const RUNNING = ['zalo', 'telegram'] as const;
let t: TestDb;
let bloc: SmallBloc;
let emu: ZaloEmulator;
let worker: DeliveryWorker | undefined;
const zaloOf = (i: number) => `zalo-user-${i}`;

beforeEach(async () => {
  t = await createTestDb();
  emu = await ZaloEmulator.start();
  bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 5, year: 2026 });
  const linkedAt = new Date('2026-11-01T00:00:00Z');
  await linkChat(t.db, bloc.focalPointIds[2]!, '103');
  await linkChat(t.db, bloc.focalPointIds[3]!, '104');
  for (const i of [0, 1, 2, 4]) {
    await addContactAddress(t.db, {
      focalPointId: bloc.focalPointIds[i]!,
      channel: 'zalo',
      address: zaloOf(i + 1),
      at: linkedAt,
      position: -1,
    });
    emu.knowChat(zaloOf(i + 1));
  }
  await report(t.db, bloc.blocId, bloc.unitIds[3]!, '2026-W48', at('2026-11-27', '10:00'));
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await emu.close();
  await t.close();
});

function deliverZalo(now: Date) {
  const zalo = createZaloChannel({
    client: createZaloBotApiClient({ token: emu.token, apiRoot: emu.apiRoot }),
    limits: { perSecond: 50, perChatWindowMs: 1 },
    now: () => now,
  });
  worker = startDeliveryWorker({
    db: t.db,
    channels: new Map([[zalo.name, zalo]]),
    logger: quietLogger,
    now: () => now,
    limits: { pollMs: 20 },
  });
}

const zaloQueued = async () =>
  (
    await t.db
      .selectFrom('outbox_message')
      .select('id')
      .where('channel', '=', 'zalo')
      .where('status', 'in', ['queued', 'sending'])
      .execute()
  ).length;

/** What a person types to the bot, handled as the bot handles it, the replies going through the emulator. */
async function types(person: number, text: string, now: Date): Promise<string> {
  const client = createZaloBotApiClient({ token: emu.token, apiRoot: emu.apiRoot });
  const before = emu.sentTo(zaloOf(person)).length;
  const msg: ZaloMessage = {
    messageId: `m-${person}-${emu.sent.length}-${text}`,
    date: now.getTime(),
    chatId: zaloOf(person),
    chatType: 'PRIVATE',
    userId: zaloOf(person),
    name: null,
    text,
    photo: null,
    caption: null,
    other: false,
  };
  await handleZaloMessage(
    {
      db: t.db,
      now: () => now,
      timeZone: TZ,
      logger: quietLogger,
      async sendText(chatId, body) {
        await client.call('sendMessage', { chat_id: chatId, text: body });
      },
    },
    msg,
  );
  client.close();
  return emu
    .sentTo(zaloOf(person))
    .slice(before)
    .map((s) => s.text)
    .join('\n');
}

describe('reminders, digests over Zalo', () => {
  it('a reminder wave reaches each Zalo-only focal point once, and the one who prefers Zalo there, not on Telegram', async () => {
    const runner = createJobRunner({ db: t.db, timeZone: TZ, logger: quietLogger, channels: RUNNING }, [reminderJob]);
    // The reminder before the deadline of week 48 (Monday 30/11 at 15:00), run twice as a double start would.
    await runner.runDue(at('2026-11-30', '14:00'), at('2026-11-30', '15:00'), at('2026-11-30', '15:00'));
    await runner.runDue(at('2026-11-30', '14:00'), at('2026-11-30', '15:00'), at('2026-11-30', '15:05'));
    const rows = await t.db
      .selectFrom('outbox_message')
      .select(['channel', 'address'])
      .where('kind', 'like', 'reminder%')
      .orderBy('address')
      .execute();
    expect(rows).toEqual([1, 2, 3, 5].map((i) => ({ channel: 'zalo', address: zaloOf(i) })));

    deliverZalo(at('2026-11-30', '15:05'));
    await waitFor(async () => (await zaloQueued()) === 0, 15_000, 'the wave delivered');
    for (const i of [1, 2, 3, 5]) {
      const got = emu.sentTo(zaloOf(i));
      expect(got, `person ${i}`).toHaveLength(1);
      expect(got[0]!.text).toContain('Tuần 48/2026');
      expect(got[0]!.text).toContain('• Gõ /baocao: Gửi báo cáo');
      expect(got[0]!.text).toContain('• Gõ /khongmoi 2026-W48');
    }
    expect(emu.violations).toEqual([]);
  });

  it('sends the digest privately to the chair’s focal point and to whoever asked with /bantin, until they stop', async () => {
    const asked = await types(5, '/bantin', at('2026-11-25', '09:00'));
    expect(asked).toContain('Đồng chí sẽ nhận bản tin tổng hợp hằng kỳ của Khối thi đua số 6');
    expect(await types(5, 'bantin', at('2026-11-25', '09:01'))).toContain('đã đăng ký');

    const r = await publishPeriodDigest(
      { db: t.db, timeZone: TZ, logger: quietLogger, channels: RUNNING },
      bloc.blocId,
      periodFromKey('2026-W48'),
      at('2026-11-30', '08:05'),
    );
    expect(r).toMatchObject({ status: 'queued', chats: 2 });
    deliverZalo(at('2026-11-30', '08:05'));
    await waitFor(async () => (await zaloQueued()) === 0, 15_000, 'the digest delivered');
    for (const i of [1, 5]) {
      const parts = emu.sentTo(zaloOf(i)).filter((s) => s.text.includes('Tuần 48/2026'));
      expect(parts.length, `person ${i}`).toBeGreaterThanOrEqual(1);
      expect(parts.every((p) => p.text.length <= 2000)).toBe(true);
    }
    expect(emu.sentTo(zaloOf(2))).toEqual([]);
    await worker?.stop();
    worker = undefined;

    expect(await types(5, '/bantin tắt', at('2026-12-02', '09:00'))).toContain('đã thôi nhận');
    expect(await types(5, '/bantin tat', at('2026-12-02', '09:01'))).toContain('chưa đăng ký');
    const next = await publishPeriodDigest(
      { db: t.db, timeZone: TZ, logger: quietLogger, channels: RUNNING },
      bloc.blocId,
      periodFromKey('2026-W49'),
      at('2026-12-07', '08:05'),
    );
    expect(next).toMatchObject({ status: 'queued', chats: 1 });
    expect(emu.violations).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBloc } from '../../src/db/blocs.js';
import { getReport } from '../../src/db/reports.js';
import { getReminderPolicy } from '../../src/db/reminder-policies.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';
import { remindBloc } from '../../src/jobs/reminders/remind-bloc.js';
import type { EmulatedChat } from '../helpers/bot-emulator.js';
import { type Harness, startHarness, TZ } from '../bot/harness.js';

// From the reminder job to a stored report: the job queues reminders in the outbox, the delivery
// worker sends them through the Bot API emulator, and the focal point taps the reminder's buttons.

let h: Harness;
let worker: DeliveryWorker | undefined;
let chats: EmulatedChat[];
const TUESDAY_W49_0830 = '2026-12-01T01:30:00.000Z'; // 08:30 in Hà Nội; week 48's deadline has passed

beforeEach(async () => {
  h = await startHarness();
  chats = [await h.linkedChat(0), await h.linkedChat(1), await h.linkedChat(2)];
  h.clock.set(TUESDAY_W49_0830);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  expect(h.emu.violations).toEqual([]);
  await h.close();
});

async function deliverAll() {
  worker = startDeliveryWorker({
    db: h.t.db,
    token: h.emu.token,
    apiRoot: h.emu.apiRoot,
    logger: h.log.logger,
    now: h.clock.now,
    limits: { perSecond: 200 },
  });
  const until = Date.now() + 10_000;
  for (;;) {
    const pending = await h.t.db
      .selectFrom('outbox_message')
      .select('id')
      .where('status', 'in', ['queued', 'sending'])
      .execute();
    if (pending.length === 0) break;
    if (Date.now() > until) throw new Error('outbox not delivered in 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('reminder buttons', () => {
  it('record "nothing new" in one tap and open the report flow for the reminded period', async () => {
    const bloc = (await getBloc(h.t.db, h.bloc.blocId))!;
    const outcome = await remindBloc(
      { db: h.t.db, timeZone: TZ, logger: h.log.logger, channels: ['telegram'] },
      bloc,
      await getReminderPolicy(h.t.db, bloc.id),
      h.clock.now(),
    );
    expect(outcome.queued).toBeGreaterThanOrEqual(3);
    await deliverAll();

    const reminder = chats[0]!.messages().find((m) => m.text.includes('Tuần 48/2026') && m.text.includes('Kính gửi'));
    expect(reminder?.buttons.flat().map((b) => b.text)).toEqual(['📝 Gửi báo cáo', 'Kỳ này không có gì mới']);

    await chats[0]!.tap('Kỳ này không có gì mới', reminder);
    expect(chats[0]!.lastText()).toContain('kỳ này không có gì mới');
    const nil = await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48');
    expect(nil).toMatchObject({ isNil: true, revision: 1 });

    // A second tap on the same button does not overwrite or duplicate anything.
    await chats[0]!.tap('Kỳ này không có gì mới', reminder);
    expect(chats[0]!.lastText()).toContain('đã có báo cáo của đơn vị');
    expect((await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48'))?.revision).toBe(1);

    const second = chats[1]!.messages().find((m) => m.text.includes('Kính gửi'))!;
    await chats[1]!.tap('📝 Gửi báo cáo', second);
    expect(chats[1]!.lastText()).toContain('Báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) của Đơn vị 2.');
  });

  it('refuse "nothing new" once the period is locked, and keep a draft with entries', async () => {
    const bloc = (await getBloc(h.t.db, h.bloc.blocId))!;
    await remindBloc(
      { db: h.t.db, timeZone: TZ, logger: h.log.logger, channels: ['telegram'] },
      bloc,
      await getReminderPolicy(h.t.db, bloc.id),
      h.clock.now(),
    );
    await deliverAll();
    const reminder = chats[2]!.messages().find((m) => m.text.includes('Kính gửi'))!;
    // The focal point starts the report from the reminder and types a figure, then taps "nothing new".
    await chats[2]!.tap('📝 Gửi báo cáo', reminder);
    await chats[2]!.send('4');
    await chats[2]!.tap('Kỳ này không có gì mới', reminder);
    expect(chats[2]!.lastText()).toContain('Đồng chí đang soạn dở báo cáo Tuần 48/2026');
    expect(await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[2]!, '2026-W48')).toBeUndefined();
    // After the lock (14 days after the period) the button is refused with the lock date.
    h.clock.set('2026-12-14T02:00:00.000Z');
    await chats[0]!.tap(
      'Kỳ này không có gì mới',
      chats[0]!.messages().find((m) => m.text.includes('Kính gửi')),
    );
    expect(chats[0]!.lastText()).toMatch(/đã khóa|khóa sổ|không còn/);
    expect(await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48')).toBeUndefined();
  });
});

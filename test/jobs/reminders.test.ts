import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSendingAllowed } from '../../src/core/quiet-hours.js';
import { DEFAULT_REMINDER_POLICY, sendingWindowOf } from '../../src/core/reminder-policy.js';
import { formatDateTimeVi } from '../../src/core/time.js';
import { getBloc } from '../../src/db/blocs.js';
import { upsertHoliday } from '../../src/db/holidays.js';
import { getJobRun } from '../../src/db/job-runs.js';
import { saveReminderPolicy } from '../../src/db/reminder-policies.js';
import { createJobRunner, type JobRunner } from '../../src/jobs/job-runner.js';
import { reminderJob } from '../../src/jobs/reminders/reminder-job.js';
import { unreachableList } from '../../src/admin/delivery/unreachable-data.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { addUnitHead, at, linkChat, queuedReminders, quietLogger, report, TZ } from './support.js';

// A bloc of seven units through week 48/2026 (23/11–29/11, deadline Tuesday 01/12 00:00), with
// the clock driven by the test: the reminder job runs at every fire time of its schedule.
//   unit 1 (chair) reported on time · unit 2 sent a nil report · unit 3 reported late, on 01/12
//   units 4, 5, 7 never reported before the escalation · unit 6 has no linked focal point
//   Wednesday 02/12 is declared a holiday.

let t: TestDb;
let bloc: SmallBloc;
let runner: JobRunner;
const chatOf = (i: number) => `10${i}`; // unit i (1-based)

beforeEach(async () => {
  t = await createTestDb();
  bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 7, year: 2026 });
  for (let i = 1; i <= 7; i++) if (i !== 6) await linkChat(t.db, bloc.focalPointIds[i - 1]!, chatOf(i));
  await upsertHoliday(t.db, '2026-12-02', 'Ngày nghỉ thử nghiệm');
  runner = createJobRunner({ db: t.db, timeZone: TZ, logger: quietLogger, channels: ['telegram'] }, [reminderJob]);
});
afterEach(async () => {
  await t.close();
});

const unitNo = (unitId: string) => bloc.unitIds.indexOf(Number(unitId)) + 1;
const local = (iso: string) => formatDateTimeVi(new Date(iso), TZ);

/** Moves the clock from `from` to `to` in steps, running what is due; events happen on the way. */
async function simulate(from: Date, to: Date, events: { at: Date; run: () => Promise<void> }[] = [], stepMinutes = 15) {
  let prev = from;
  const pending = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (
    let now = new Date(from.getTime() + stepMinutes * 60_000);
    now <= to;
    now = new Date(now.getTime() + stepMinutes * 60_000)
  ) {
    while (pending[0] && pending[0].at <= now) await pending.shift()!.run();
    await runner.runDue(prev, now, now);
    prev = now;
  }
}

describe('reminder job over a week, clock controlled', () => {
  it('reminds exactly the missing units at the right times, never on the holiday or in quiet hours, and escalates once', async () => {
    const [u1, u2, u3, , , , u7] = bloc.unitIds;
    await report(t.db, bloc.blocId, u1!, '2026-W48', at('2026-11-27', '10:00'));
    await report(t.db, bloc.blocId, u2!, '2026-W48', at('2026-11-28', '09:00'), true);
    await simulate(at('2026-11-30', '00:00'), at('2026-12-14', '12:00'), [
      {
        at: at('2026-12-01', '12:00'),
        run: () => report(t.db, bloc.blocId, u3!, '2026-W48', at('2026-12-01', '12:00')),
      },
      {
        at: at('2026-12-07', '10:00'),
        run: () => report(t.db, bloc.blocId, u7!, '2026-W48', at('2026-12-07', '10:00')),
      },
    ]);

    const all = await queuedReminders(t.db);
    const w48 = all.filter((r) => r.periodKey === '2026-W48');
    expect(
      w48.filter((r) => r.kind === 'reminder').map((r) => [r.stage, unitNo(r.unitId), r.chatId, local(r.createdAt)]),
    ).toEqual([
      ['before', 3, '103', '15:00 30/11/2026'],
      ['before', 4, '104', '15:00 30/11/2026'],
      ['before', 5, '105', '15:00 30/11/2026'],
      ['before', 7, '107', '15:00 30/11/2026'],
      ['after1', 3, '103', '08:00 01/12/2026'],
      ['after1', 4, '104', '08:00 01/12/2026'],
      ['after1', 5, '105', '08:00 01/12/2026'],
      ['after1', 7, '107', '08:00 01/12/2026'],
      // Due Wednesday 08:00, a holiday: deferred to Thursday's opening. Unit 3 has reported.
      ['after2', 4, '104', '07:30 03/12/2026'],
      ['after2', 5, '105', '07:30 03/12/2026'],
      ['after2', 7, '107', '07:30 03/12/2026'],
    ]);
    const escalations = w48.filter((r) => r.kind === 'escalation');
    expect(escalations.map((r) => [r.unitId, r.recipient, r.chatId, local(r.createdAt)])).toEqual([
      ['chair', String(bloc.focalPointIds[0]), chatOf(1), '08:00 04/12/2026'],
    ]);
    expect(escalations[0]!.text).toContain('4/7 đơn vị chưa gửi báo cáo tiến độ Tuần 48/2026');
    expect(escalations[0]!.text).toContain(
      '1. Đơn vị 4\n2. Đơn vị 5\n3. Đơn vị 6 (chưa có cán bộ đầu mối nhận được tin nhắn)\n4. Đơn vị 7',
    );

    // Every message of every period was queued inside the sending window of a working day.
    const window = sendingWindowOf(DEFAULT_REMINDER_POLICY, TZ, new Set(['2026-12-02']));
    for (const r of all) expect(isSendingAllowed(new Date(r.createdAt), window), local(r.createdAt)).toBe(true);
    expect(all.some((r) => local(r.createdAt).endsWith('02/12/2026'))).toBe(false);
  }, 60_000);

  it('queues nothing new when the job runs again for the same moment', async () => {
    await simulate(at('2026-12-01', '07:00'), at('2026-12-01', '08:00'));
    const before = await queuedReminders(t.db);
    expect(before.filter((r) => r.stage === 'after1' && r.periodKey === '2026-W48')).toHaveLength(6);
    const ledger = await getJobRun(t.db, { job: 'reminders', scope: `bloc:${bloc.blocId}`, slot: '2026-12-01T08:00' });
    expect(ledger?.status).toBe('succeeded');

    // The scheduler's way: the ledger says this slot is done.
    const again = await runner.runDue(at('2026-12-01', '07:59'), at('2026-12-01', '08:00'), at('2026-12-01', '08:00'));
    expect(again.map((r) => r.result.status)).toEqual(['skipped']);
    // By hand, forcing past the ledger: the dedupe keys still hold.
    const forced = await runner.runByHand(reminderJob, { now: at('2026-12-01', '08:00'), force: true });
    expect(forced[0]!.result).toMatchObject({ status: 'succeeded', outcome: { queued: 0 } });
    expect(await queuedReminders(t.db)).toEqual(before);
  });

  it('catches up after downtime with the reminder due now, not the ones it replaced', async () => {
    // Down from Monday 14:00 to Tuesday 10:20: the start-up catch-up looks back 24 hours.
    const now = at('2026-12-01', '10:20');
    const reports = await runner.runDue(new Date(now.getTime() - 24 * 3_600_000), now, now);
    expect(reports.map((r) => [r.slot, r.result.status])).toEqual([['2026-12-01T08:00', 'succeeded']]);
    const w48 = (await queuedReminders(t.db)).filter((r) => r.periodKey === '2026-W48');
    expect(new Set(w48.map((r) => r.stage))).toEqual(new Set(['after1']));
    expect(w48.every((r) => local(r.createdAt) === '10:20 01/12/2026')).toBe(true);
  });

  it('queues nothing when it catches up at night; the morning run does', async () => {
    const night = at('2026-12-01', '22:00');
    const r = await runner.runDue(new Date(night.getTime() - 3_600_000 * 24), night, night);
    expect(r[0]!.result).toMatchObject({
      status: 'succeeded',
      outcome: { skipped: 'outside_sending_window', queued: 0 },
    });
    expect(await queuedReminders(t.db)).toEqual([]);
    await simulate(night, at('2026-12-03', '07:30'));
    const w48 = (await queuedReminders(t.db)).filter((x) => x.periodKey === '2026-W48');
    // Wednesday is the holiday: the second reminder goes out on Thursday at the opening.
    expect(new Set(w48.map((x) => `${x.stage} ${local(x.createdAt)}`))).toEqual(new Set(['after2 07:30 03/12/2026']));
  });

  it('escalates to the unit head where there is one, and to the chair for the others', async () => {
    const [, , , u4] = bloc.unitIds;
    const headId = await addUnitHead(t.db, u4!, '904');
    const policy = { ...DEFAULT_REMINDER_POLICY, escalateTo: 'unit_head' as const };
    await saveReminderPolicy(t.db, bloc.blocId, policy, { at: at('2026-11-20', '09:00'), by: 'test' });
    await simulate(at('2026-12-03', '07:00'), at('2026-12-04', '09:00'));
    const esc = (await queuedReminders(t.db)).filter((r) => r.kind === 'escalation' && r.periodKey === '2026-W48');
    expect(esc.map((r) => [r.recipient, r.chatId])).toEqual([
      [String(headId), '904'],
      [String(bloc.focalPointIds[0]), chatOf(1)],
    ]);
    expect(esc[0]!.text).toContain('Đơn vị Đơn vị 4 chưa gửi báo cáo');
    expect(esc[1]!.text).not.toContain('Đơn vị 4\n');
    // The unit head is not sent the ordinary reminders.
    expect((await queuedReminders(t.db)).filter((r) => r.chatId === '904' && r.kind === 'reminder')).toEqual([]);
  });

  it('never chases a week older than the previous one, which the bot and the form no longer take', async () => {
    // Four reminders a day apart and the escalation: with the holiday on Wednesday the fourth
    // reminder of week 48 falls on Monday 07/12 and the escalation on Tuesday 08/12, in week 50.
    // The lock (14 days) is still ahead, but on 07/12 the bot and the personal link take only
    // weeks 50 and 49: week 48 can no longer be sent, so nobody is asked for it.
    const policy = { ...DEFAULT_REMINDER_POLICY, afterMax: 4, afterEveryDays: 1 };
    await saveReminderPolicy(t.db, bloc.blocId, policy, { at: at('2026-11-20', '09:00'), by: 'test' });
    const [u1, u2] = bloc.unitIds;
    await report(t.db, bloc.blocId, u1!, '2026-W48', at('2026-11-27', '10:00'));
    await report(t.db, bloc.blocId, u2!, '2026-W48', at('2026-11-27', '11:00'));
    await simulate(at('2026-12-03', '07:00'), at('2026-12-08', '18:00'), [], 30);

    const all = await queuedReminders(t.db);
    const w48 = all.filter((r) => r.periodKey === '2026-W48');
    expect(new Set(w48.map((r) => `${r.stage} ${local(r.createdAt)}`))).toEqual(
      new Set(['after2 07:30 03/12/2026', 'after3 08:00 04/12/2026']),
    );
    // Week 49, the previous week on 07/12, is chased as usual.
    const w49 = all.filter((r) => r.periodKey === '2026-W49');
    expect(new Set(w49.map((r) => `${r.stage} ${local(r.createdAt)}`))).toEqual(
      new Set(['before 15:00 07/12/2026', 'after1 08:00 08/12/2026']),
    );
    // The run's record names only the weeks it could ask for.
    const run = (slot: string) => getJobRun(t.db, { job: 'reminders', scope: `bloc:${bloc.blocId}`, slot });
    for (const slot of ['2026-12-07T08:00', '2026-12-08T08:00']) {
      expect((await run(slot))?.status).toBe('succeeded');
      expect((await run(slot))?.detail).not.toContain('2026-W48');
    }
    expect((await run('2026-12-07T15:00'))?.detail).toContain('2026-W49');
    // The list of focal points not reached follows the job: week 49 only, never week 48.
    const list = await unreachableList(t.db, (await getBloc(t.db, bloc.blocId))!, at('2026-12-08', '09:00'), TZ, [
      'telegram',
    ]);
    expect(list.periods.map((p) => p.period.key)).toEqual(['2026-W49']);
    expect(list.periods[0]!.rows.map((r) => r.unitId)).toEqual([bloc.unitIds[5]]);
  }, 60_000);

  it('lets an escalation queued on Friday expire that evening, long before the week’s lock', async () => {
    // Two reminders after the deadline: with the holiday on Wednesday the escalation of week 48
    // goes out on Friday 04/12. The bot takes week 48 until Sunday 06/12 and it locks on 14/12; held
    // by an outage, the message must not go out in the week after (decision 0022).
    await saveReminderPolicy(
      t.db,
      bloc.blocId,
      { ...DEFAULT_REMINDER_POLICY, afterMax: 2 },
      { at: at('2026-11-20', '09:00'), by: 'test' },
    );
    await simulate(at('2026-12-04', '07:00'), at('2026-12-04', '09:00'), [], 30);
    const rows = await t.db
      .selectFrom('outbox_message')
      .select(['created_at', 'not_after'])
      .where('dedupe_key', 'like', 'reminder:escalation:%:2026-W48')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(local(r.created_at)).toBe('08:00 04/12/2026');
      expect(r.not_after).toBe(at('2026-12-04', '17:30').toISOString());
    }
  });

  it('sends nothing for a bloc whose reminders are turned off', async () => {
    await saveReminderPolicy(
      t.db,
      bloc.blocId,
      { ...DEFAULT_REMINDER_POLICY, enabled: false },
      { at: at('2026-11-20', '09:00'), by: 'test' },
    );
    await simulate(at('2026-11-30', '07:00'), at('2026-12-04', '18:00'));
    expect(await queuedReminders(t.db)).toEqual([]);
    const byHand = await runner.runByHand(reminderJob, { now: at('2026-12-01', '08:00'), blocId: bloc.blocId });
    expect(byHand[0]!.result).toMatchObject({ status: 'succeeded', outcome: { skipped: 'disabled' } });
  });
});

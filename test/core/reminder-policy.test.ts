import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/core/periods.js';
import type { SendingWindow } from '../../src/core/quiet-hours.js';
import { reminderDeadlines } from '../../src/core/reminder-periods.js';
import {
  DEFAULT_REMINDER_POLICY,
  dueReminders,
  type ReminderPolicy,
  reminderClockTimes,
  reminderPolicyProblems,
  reminderTimeline,
  sendingWindowOf,
} from '../../src/core/reminder-policy.js';
import { addDays, localDateOf, zonedInstant } from '../../src/core/time.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (date: string, time: string) => zonedInstant(date, time, TZ);
const policy = (over: Partial<ReminderPolicy> = {}): ReminderPolicy => ({ ...DEFAULT_REMINDER_POLICY, ...over });
const windowOf = (p: ReminderPolicy, holidays: string[] = []): SendingWindow =>
  sendingWindowOf(p, TZ, new Set(holidays));
// Week 48/2026: Monday 23/11 to Sunday 29/11. With one day of grace the deadline is Tuesday 01/12 00:00.
// The bot takes it until Sunday 06/12 (the end of the week after it), though it locks on 14/12.
const w48 = (graceDays = 1, lockDays = 14) => reminderDeadlines(periodFromKey('2026-W48'), { graceDays, lockDays }, TZ);

function timelineOf(p: ReminderPolicy, deadlines = w48(), holidays: string[] = []) {
  return reminderTimeline(p, deadlines, windowOf(p, holidays)).map((s) => ({
    key: s.key,
    sendAt: s.sendAt,
    validUntil: s.validUntil,
  }));
}

describe('reminder timeline', () => {
  it('by default: the afternoon before the deadline, two mornings after it, then the escalation', () => {
    expect(timelineOf(policy())).toEqual([
      { key: 'before', sendAt: at('2026-11-30', '15:00'), validUntil: at('2026-11-30', '17:30') },
      { key: 'after1', sendAt: at('2026-12-01', '08:00'), validUntil: at('2026-12-01', '17:30') },
      { key: 'after2', sendAt: at('2026-12-02', '08:00'), validUntil: at('2026-12-02', '17:30') },
      // Valid until the bot stops taking week 48 (the end of Sunday 06/12), not until its lock (14/12).
      { key: 'escalation', sendAt: at('2026-12-03', '08:00'), validUntil: at('2026-12-07', '00:00') },
    ]);
  });

  it('skips the reminder before the deadline when the first allowed moment is already past it', () => {
    // No grace: the deadline is Monday 00:00; "the day before" is Sunday, deferred to Monday 07:30.
    const keys = timelineOf(policy(), w48(0)).map((s) => s.key);
    expect(keys).toEqual(['after1', 'after2', 'escalation']);
  });

  it('defers reminders out of weekends and counts the interval from the day one actually went out', () => {
    // October 2026 ends on Saturday 31/10; no grace: deadline Sunday 01/11 00:00.
    const october = reminderDeadlines(periodFromKey('2026-10'), { graceDays: 0, lockDays: 14 }, TZ);
    const t = timelineOf(policy({ beforeDays: null }), october);
    expect(t.map((s) => [s.key, s.sendAt])).toEqual([
      ['after1', at('2026-11-02', '07:30')],
      ['after2', at('2026-11-03', '08:00')],
      ['escalation', at('2026-11-04', '08:00')],
    ]);
  });

  it('sends nothing during Tết: the whole timeline moves after the holiday, at working hours', () => {
    const tet = Array.from({ length: 9 }, (_, i) => addDays('2026-02-14', i));
    // January 2026 with 15 days of grace: deadline Monday 16/02 00:00, in the middle of Tết; taken
    // until the end of February.
    const january = reminderDeadlines(periodFromKey('2026-01'), { graceDays: 15, lockDays: 30 }, TZ);
    const t = timelineOf(policy(), january, tet);
    // The reminder before (Sunday 15/02, a holiday) cannot go out before the deadline: skipped.
    expect(t.map((s) => [s.key, s.sendAt])).toEqual([
      ['after1', at('2026-02-23', '07:30')],
      ['after2', at('2026-02-24', '08:00')],
      ['escalation', at('2026-02-25', '08:00')],
    ]);
    for (const s of t) expect(tet).not.toContain(localDateOf(s.sendAt, TZ));
    // Week 07 (09/02–15/02) is taken only until Sunday 22/02, the last day of Tết: nothing is left.
    const w07 = reminderDeadlines(periodFromKey('2026-W07'), { graceDays: 1, lockDays: 14 }, TZ);
    expect(timelineOf(policy(), w07, tet)).toEqual([]);
  });

  it('moves a reminder set in quiet hours to the opening of that day', () => {
    const t = timelineOf(policy({ beforeTime: '06:00', afterTime: '20:00' }));
    expect(t[0]).toMatchObject({ key: 'before', sendAt: at('2026-11-30', '07:30') });
    // 20:00 is after closing: the first after-reminder goes out the next morning.
    expect(t[1]).toMatchObject({ key: 'after1', sendAt: at('2026-12-02', '07:30') });
  });

  it('without reminders after the deadline escalates at the first one’s time; escalation can be off', () => {
    expect(timelineOf(policy({ afterMax: 0 })).map((s) => [s.key, s.sendAt])).toEqual([
      ['before', at('2026-11-30', '15:00')],
      ['escalation', at('2026-12-01', '08:00')],
    ]);
    expect(timelineOf(policy({ escalateTo: 'none' })).map((s) => s.key)).toEqual(['before', 'after1', 'after2']);
  });

  it('ends every stage when the bot stops taking the period, days before a lock longer than a period', () => {
    // Weekly, 14-day lock: week 48 is taken until Sunday 06/12 (the end of the week after it) and
    // locks on 14/12. Three reminders after the deadline put the escalation on Friday 04/12; held
    // by an outage past Sunday, it must not go out on Monday asking for a week the bot refuses.
    const p = policy({ afterMax: 3 });
    const t = timelineOf(p);
    expect(t.at(-1)).toEqual({
      key: 'escalation',
      sendAt: at('2026-12-04', '08:00'),
      validUntil: at('2026-12-07', '00:00'),
    });
    const escalationAt = (date: string, time: string) =>
      dueReminders(p, w48(), at(date, time), windowOf(p)).escalation?.key ?? null;
    expect(escalationAt('2026-12-04', '17:00')).toBe('escalation');
    expect(escalationAt('2026-12-07', '07:30')).toBeNull();
    // Weekends allowed and ten reminders after the deadline: none begins or lasts past Sunday.
    const daily = timelineOf(policy({ afterMax: 10, sendOnWeekends: true }));
    expect(daily.map((s) => s.key)).toEqual(['before', 'after1', 'after2', 'after3', 'after4', 'after5', 'after6']);
    for (const s of daily) expect(s.validUntil.getTime()).toBeLessThanOrEqual(at('2026-12-07', '00:00').getTime());
    expect(daily.at(-1)).toMatchObject({ key: 'after6', validUntil: at('2026-12-06', '17:30') });
  });

  it('drops what would fall after the period locks', () => {
    const keys = timelineOf(policy({ afterMax: 10 }), w48(1, 4)).map((s) => s.key);
    // Lock on Friday 04/12 00:00: after1 Tue, after2 Wed, after3 Thu; no after4, no escalation.
    expect(keys).toEqual(['before', 'after1', 'after2', 'after3']);
  });
});

describe('reminders due at a moment', () => {
  const p = policy();
  const due = (date: string, time: string, over: Partial<ReminderPolicy> = {}) => {
    const q = policy(over);
    const d = dueReminders(q, w48(), at(date, time), windowOf(q));
    return [d.unit?.key ?? null, d.escalation?.key ?? null];
  };

  it('follows the timeline, one unit reminder at a time, and nothing outside the window', () => {
    expect(due('2026-11-30', '14:59')).toEqual([null, null]);
    expect(due('2026-11-30', '15:00')).toEqual(['before', null]);
    expect(due('2026-11-30', '17:29')).toEqual(['before', null]);
    expect(due('2026-11-30', '17:30')).toEqual([null, null]);
    expect(due('2026-11-30', '23:00')).toEqual([null, null]);
    expect(due('2026-12-01', '07:45')).toEqual([null, null]);
    expect(due('2026-12-01', '08:00')).toEqual(['after1', null]);
    expect(due('2026-12-02', '16:00')).toEqual(['after2', null]);
    expect(due('2026-12-03', '08:00')).toEqual([null, 'escalation']);
    // The escalation stays due (it is queued once) while the bot takes the week (to Sunday 06/12),
    // but only in working hours; not up to the lock on 14/12.
    expect(due('2026-12-04', '09:00')).toEqual([null, 'escalation']);
    expect(due('2026-12-05', '09:00')).toEqual([null, null]);
    expect(due('2026-12-07', '09:00')).toEqual([null, null]);
    expect(due('2026-12-10', '09:00')).toEqual([null, null]);
    expect(due('2026-12-14', '09:00')).toEqual([null, null]);
  });

  it('is silent when the policy is off', () => {
    expect(due('2026-12-01', '08:00', { enabled: false })).toEqual([null, null]);
    expect(p.enabled).toBe(true);
  });
});

describe('reminder policy helpers', () => {
  it('lists the clock times at which something can become due', () => {
    expect(reminderClockTimes(policy())).toEqual(['07:30', '08:00', '15:00']);
    expect(reminderClockTimes(policy({ beforeDays: null }))).toEqual(['07:30', '08:00']);
  });

  it('explains every invalid field in Vietnamese and accepts the defaults', () => {
    expect(reminderPolicyProblems(DEFAULT_REMINDER_POLICY)).toEqual([]);
    const problems = reminderPolicyProblems(
      policy({
        beforeTime: '25:00',
        sendFrom: '18:00',
        sendUntil: '08:00',
        afterMax: 11,
        afterEveryDays: 0,
        beforeDays: -1,
      }),
    );
    expect(problems).toEqual([
      'Giờ nhắc trước hạn phải có dạng GG:PP, ví dụ 08:00 (đang là "25:00").',
      'Giờ bắt đầu được gửi tin phải sớm hơn giờ thôi gửi tin.',
      'Số ngày nhắc trước hạn phải là số nguyên từ 0 đến 31.',
      'Khoảng cách giữa các lần nhắc sau hạn phải là số nguyên từ 1 đến 31 ngày.',
      'Số lần nhắc sau hạn phải là số nguyên từ 0 đến 10.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { latestUnitReminder, periodsToRemindAt, reminderDeadlines } from '../../src/core/reminder-periods.js';
import { DEFAULT_REMINDER_POLICY, sendingWindowOf } from '../../src/core/reminder-policy.js';
import { openPeriodsForReporting, periodDeadlines, periodFromKey } from '../../src/core/periods.js';
import { zonedInstant } from '../../src/core/time.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (date: string, time: string) => zonedInstant(date, time, TZ);
const window = (holidays: string[] = []) => sendingWindowOf(DEFAULT_REMINDER_POLICY, TZ, new Set(holidays));
const W47 = reminderDeadlines(periodFromKey('2026-W47'), { graceDays: 1, lockDays: 14 }, TZ);

describe('periodsToRemindAt', () => {
  it('gives the periods the bot and the form take: the current one and the previous one until it locks', () => {
    const keys = (lockDays: number) =>
      periodsToRemindAt('week', { graceDays: 0, lockDays }, at('2026-11-25', '10:00'), TZ).map((p) => p.period.key);
    // With 14 lock days week 46 is not locked yet, but nobody can send it any more: not reminded.
    expect(keys(14)).toEqual(['2026-W48', '2026-W47']);
    expect(keys(7)).toEqual(['2026-W48', '2026-W47']);
    expect(keys(0)).toEqual(['2026-W48']);
  });

  it('is the reporting rule itself, deadlines included', () => {
    const rules = { graceDays: 1, lockDays: 14 };
    for (const instant of [at('2026-11-29', '23:59'), at('2026-11-30', '00:00'), at('2026-12-01', '08:00')]) {
      const periods = periodsToRemindAt('week', rules, instant, TZ);
      expect(periods.map((p) => p.period)).toEqual(openPeriodsForReporting('week', instant, rules, TZ));
      for (const p of periods) expect(p.deadlines).toMatchObject(periodDeadlines(p.period, rules, TZ));
    }
    // The previous week drops out at the lock instant itself when the lock is shorter than a week.
    const short = (instant: Date) =>
      periodsToRemindAt('week', { graceDays: 1, lockDays: 3 }, instant, TZ).map((p) => p.period.key);
    expect(short(at('2026-11-25', '23:59'))).toEqual(['2026-W48', '2026-W47']);
    expect(short(at('2026-11-26', '00:00'))).toEqual(['2026-W48']);
  });
});

describe('reminderDeadlines', () => {
  it('ends the reminders with the last day the bot takes the period: its lock, or the next period’s end', () => {
    const takenUntil = (key: string, lockDays: number) =>
      reminderDeadlines(periodFromKey(key), { graceDays: 1, lockDays }, TZ).takenUntil;
    // Week 48 (to Sunday 29/11), locked on 14/12 with 14 days, is taken until Sunday 06/12.
    expect(takenUntil('2026-W48', 14)).toEqual(at('2026-12-07', '00:00'));
    expect(takenUntil('2026-W48', 3)).toEqual(at('2026-12-03', '00:00'));
    // November with a 14-day lock: the lock comes first.
    expect(takenUntil('2026-11', 14)).toEqual(at('2026-12-15', '00:00'));
    expect(takenUntil('2026-11', 14)).toEqual(
      periodDeadlines(periodFromKey('2026-11'), { graceDays: 1, lockDays: 14 }, TZ).lockAt,
    );
  });
});

describe('latestUnitReminder', () => {
  it('is null until the first reminder’s moment, then the latest one that has come', () => {
    const stage = (instant: Date, holidays?: string[]) =>
      latestUnitReminder(DEFAULT_REMINDER_POLICY, W47, instant, window(holidays))?.key ?? null;
    expect(stage(at('2026-11-23', '14:59'))).toBeNull();
    expect(stage(at('2026-11-23', '15:00'))).toBe('before');
    expect(stage(at('2026-11-24', '09:00'))).toBe('after1');
    // After the last after-deadline reminder it stays the latest, out of hours too.
    expect(stage(at('2026-11-28', '22:00'))).toBe('after2');
    // A holiday on Monday defers the first reminder to Tuesday morning.
    expect(stage(at('2026-11-23', '16:00'), ['2026-11-23'])).toBeNull();
  });

  it('is null for a policy with no unit reminders', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, beforeDays: null, afterMax: 0 };
    expect(latestUnitReminder(policy, W47, at('2026-11-26', '10:00'), window())).toBeNull();
  });
});

// Which periods the reminders are about at a given moment: the one rule shared by the reminder job
// and the admin's list of focal points the reminders cannot reach by Telegram. Pure.

import {
  type DeadlineRules,
  isLocked,
  type PeriodDeadlines,
  type PeriodKind,
  periodContaining,
  periodDeadlines,
  previousPeriod,
  type ReportingPeriod,
} from './periods.js';
import type { SendingWindow } from './quiet-hours.js';
import { type ReminderPolicy, type ReminderStage, reminderTimeline } from './reminder-policy.js';
import { localDateOf } from './time.js';

/** Periods far enough back that none is open any more; a bound on a misconfigured lock. */
const MAX_PERIODS_BACK = 60;

/** The current period and every earlier one not locked yet at `now`, newest first, with deadlines. */
export function periodsOpenAt(
  kind: PeriodKind,
  rules: DeadlineRules,
  now: Date,
  timeZone: string,
): { period: ReportingPeriod; deadlines: PeriodDeadlines }[] {
  const open: { period: ReportingPeriod; deadlines: PeriodDeadlines }[] = [];
  let period = periodContaining(kind, localDateOf(now, timeZone));
  for (let i = 0; i < MAX_PERIODS_BACK; i++, period = previousPeriod(period)) {
    const deadlines = periodDeadlines(period, rules, timeZone);
    if (isLocked(now, deadlines)) break;
    open.push({ period, deadlines });
  }
  return open;
}

/**
 * The latest unit reminder (before or after the deadline) whose moment has come at `now`, whether
 * or not it is still due; null while the period's reminders have not begun.
 */
export function latestUnitReminder(
  policy: ReminderPolicy,
  deadlines: Pick<PeriodDeadlines, 'deadline' | 'lockAt'>,
  now: Date,
  window: SendingWindow,
): ReminderStage | null {
  const begun = reminderTimeline(policy, deadlines, window).filter((s) => s.kind !== 'escalation' && s.sendAt <= now);
  return begun.at(-1) ?? null;
}

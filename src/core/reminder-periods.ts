// Which periods the reminders are about at a given moment: the one rule shared by the reminder job
// and the admin's list of focal points the reminders cannot reach by Telegram. Pure.

import {
  type DeadlineRules,
  openPeriodsForReporting,
  type PeriodDeadlines,
  type PeriodKind,
  periodDeadlines,
  type ReportingPeriod,
} from './periods.js';
import type { SendingWindow } from './quiet-hours.js';
import {
  type ReminderDeadlines,
  type ReminderPolicy,
  type ReminderStage,
  reminderTimeline,
} from './reminder-policy.js';
import { lastDayTaken } from './report-flow/last-day.js';
import { addDays, zonedInstant } from './time.js';

/** A period's deadlines with the end of the last day it is taken (the reminders' end). */
export function reminderDeadlines(
  period: ReportingPeriod,
  rules: DeadlineRules,
  timeZone: string,
): PeriodDeadlines & ReminderDeadlines {
  return {
    ...periodDeadlines(period, rules, timeZone),
    takenUntil: zonedInstant(addDays(lastDayTaken(period, rules.lockDays), 1), '00:00', timeZone),
  };
}

/**
 * The periods a reminder may be about at `now`, newest first, with their deadlines: exactly those
 * the bot and the personal link take (the current period and the previous one while it is not
 * locked), from the same function. A lock longer than a period leaves older periods unlocked, but
 * nobody can send them any more, so a reminder or an escalation about them would ask the
 * impossible (decision 0022).
 */
export function periodsToRemindAt(
  kind: PeriodKind,
  rules: DeadlineRules,
  now: Date,
  timeZone: string,
): { period: ReportingPeriod; deadlines: PeriodDeadlines & ReminderDeadlines }[] {
  return openPeriodsForReporting(kind, now, rules, timeZone).map((period) => ({
    period,
    deadlines: reminderDeadlines(period, rules, timeZone),
  }));
}

/**
 * The latest unit reminder (before or after the deadline) whose moment has come at `now`, whether
 * or not it is still due; null while the period's reminders have not begun.
 */
export function latestUnitReminder(
  policy: ReminderPolicy,
  deadlines: ReminderDeadlines,
  now: Date,
  window: SendingWindow,
): ReminderStage | null {
  const begun = reminderTimeline(policy, deadlines, window).filter((s) => s.kind !== 'escalation' && s.sendAt <= now);
  return begun.at(-1) ?? null;
}

// The focal points whom the reminders cannot reach by Telegram, period by period. Built from the
// reminder job's own parts (src/core/reminder-periods.ts, periodStatus, unitReminderRecipients),
// so the list names exactly those the job would have reminded but could not. Its periods are the
// job's, which are the ones the personal link and the bot still take.

import type { PeriodDeadlines, ReportingPeriod } from '../../core/periods.js';
import { latestUnitReminder, periodsToRemindAt } from '../../core/reminder-periods.js';
import { sendingWindowOf } from '../../core/reminder-policy.js';
import { addDays, localDateOf } from '../../core/time.js';
import type { Db } from '../../db/connection.js';
import { deadlineRulesOf, periodStatus } from '../../db/figures.js';
import { listHolidays } from '../../db/holidays.js';
import { getReminderPolicy } from '../../db/reminder-policies.js';
import { type RunningChannels, withBlockedAddress } from '../../db/contact-addresses.js';
import { unitReminderRecipients } from '../../db/reminder-recipients.js';
import type { Bloc } from '../../db/blocs.js';
import { lastPermanentFailures } from '../../db/telegram-failures.js';

export interface UnreachableRow {
  unitId: number;
  unitName: string;
  /** null: the unit has no active focal point at all. */
  focalPoint: { id: number; name: string; phone: string | null } | null;
  /** 'not_linked', 'no_focal_point', 'blocked' (every address they hold was found blocked), or the permanent failure reason of the last delivery. */
  reason: string;
}

export interface UnreachablePeriod {
  period: ReportingPeriod;
  deadlines: PeriodDeadlines;
  /** The on-time deadline has passed: the reminders are after-deadline ones. */
  overdue: boolean;
  rows: UnreachableRow[];
}

export interface UnreachableList {
  remindersEnabled: boolean;
  /** Open periods whose reminders have begun, newest first (those with nobody to list included). */
  periods: UnreachablePeriod[];
}

export async function unreachableList(
  db: Db,
  bloc: Pick<Bloc, 'id' | 'reportingCadence' | 'graceDays' | 'lockDays'>,
  now: Date,
  timeZone: string,
  channels: RunningChannels,
): Promise<UnreachableList> {
  const policy = await getReminderPolicy(db, bloc.id);
  const today = localDateOf(now, timeZone);
  // As the reminder job: holidays a year either side cover every deferral of an open period.
  const holidays = await listHolidays(db, addDays(today, -400), addDays(today, 400));
  const window = sendingWindowOf(policy, timeZone, new Set(holidays.map((h) => h.date)));
  const periods: UnreachablePeriod[] = [];
  for (const { period, deadlines } of periodsToRemindAt(bloc.reportingCadence, deadlineRulesOf(bloc), now, timeZone)) {
    if (!latestUnitReminder(policy, deadlines, now, window)) continue;
    const status = await periodStatus(db, bloc, period, timeZone);
    const missing = status.units.filter((u) => u.status === 'missing');
    const { reachable, withoutChat } = await unitReminderRecipients(
      db,
      missing.map((u) => u.unitId),
      channels,
    );
    const failures = new Map<string, string>();
    for (const channel of new Set(reachable.map((c) => c.reach.channel))) {
      const addresses = reachable.filter((c) => c.reach.channel === channel).map((c) => c.reach.address);
      for (const [address, reason] of await lastPermanentFailures(db, channel, addresses))
        failures.set(`${channel} ${address}`, reason);
    }
    // Without a linked address because every one they hold was found blocked: they blocked the bot.
    const blocked = await withBlockedAddress(
      db,
      withoutChat.map((p) => p.focalPointId),
      channels,
    );
    const rows: UnreachableRow[] = [];
    for (const unit of missing) {
      const base = { unitId: unit.unitId, unitName: unit.unitName };
      const linked = reachable.filter((c) => c.unitId === unit.unitId);
      const unlinked = withoutChat.filter((p) => p.unitId === unit.unitId);
      if (linked.length === 0 && unlinked.length === 0)
        rows.push({ ...base, focalPoint: null, reason: 'no_focal_point' });
      for (const p of unlinked)
        rows.push({
          ...base,
          focalPoint: { id: p.focalPointId, name: p.fullName, phone: p.phone },
          reason: blocked.has(p.focalPointId) ? 'blocked' : 'not_linked',
        });
      for (const c of linked) {
        const failed = failures.get(`${c.reach.channel} ${c.reach.address}`);
        if (failed)
          rows.push({ ...base, focalPoint: { id: c.focalPointId, name: c.fullName, phone: c.phone }, reason: failed });
      }
    }
    periods.push({ period, deadlines, overdue: now >= deadlines.deadline, rows });
  }
  return { remindersEnabled: policy.enabled, periods };
}

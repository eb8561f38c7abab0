// The reminder run for one bloc at `now`: for each period a focal point can still send (the bot's
// and the personal link's rule), queue the due reminder to the focal points of the units that
// have not reported, and the escalation, each once.

import { isSendingAllowed } from '../../core/quiet-hours.js';
import { periodsToRemindAt } from '../../core/reminder-periods.js';
import { dueReminders, type ReminderPolicy, sendingWindowOf } from '../../core/reminder-policy.js';
import { addDays, localDateOf } from '../../core/time.js';
import { deadlineRulesOf, periodStatus } from '../../db/figures.js';
import { listHolidays } from '../../db/holidays.js';
import type { Bloc } from '../../db/blocs.js';
import type { JobDeps } from '../job.js';
import { queueEscalation, queueUnitReminders } from './queue-reminders.js';

/** What one run did for one period (stored in the ledger). */
export interface PeriodReminderOutcome {
  period: string;
  stage: string | null;
  escalation: boolean;
  missingUnits: number;
  queued: number;
  /** Missing units nobody could be messaged for (no active focal point with a linked chat). */
  unreachableUnits: number[];
  /** Focal points of missing units without a linked chat: the admin lists them with their personal links. */
  notReachableByTelegram: number;
}

export interface BlocReminderOutcome {
  blocId: number;
  skipped?: 'disabled' | 'outside_sending_window';
  periods: PeriodReminderOutcome[];
  queued: number;
}

export async function remindBloc(
  deps: JobDeps,
  bloc: Pick<Bloc, 'id' | 'name' | 'reportingCadence' | 'graceDays' | 'lockDays'>,
  policy: ReminderPolicy,
  now: Date,
): Promise<BlocReminderOutcome> {
  const tz = deps.timeZone;
  const today = localDateOf(now, tz);
  const base = { blocId: bloc.id, periods: [], queued: 0 };
  if (!policy.enabled) return { ...base, skipped: 'disabled' };
  // Holidays a year either side cover every deferral a period still open can need.
  const holidays = await listHolidays(deps.db, addDays(today, -400), addDays(today, 400));
  const window = sendingWindowOf(policy, tz, new Set(holidays.map((h) => h.date)));
  if (!isSendingAllowed(now, window)) return { ...base, skipped: 'outside_sending_window' };

  const outcomes: PeriodReminderOutcome[] = [];
  for (const { period, deadlines } of periodsToRemindAt(bloc.reportingCadence, deadlineRulesOf(bloc), now, tz)) {
    const due = dueReminders(policy, deadlines, now, window);
    if (!due.unit && !due.escalation) continue;
    const status = await periodStatus(deps.db, bloc, period, tz);
    const missing = status.units.filter((u) => u.status === 'missing');
    const ctx = {
      db: deps.db,
      channels: deps.channels,
      bloc,
      period,
      deadline: deadlines.deadline,
      now,
      timeZone: tz,
      window,
    };
    const unit = due.unit
      ? await queueUnitReminders(ctx, due.unit, missing)
      : { queued: 0, unreachable: [], withoutChat: 0 };
    const escalated = due.escalation
      ? await queueEscalation(ctx, policy.escalateTo, missing, status.units.length)
      : { queued: 0 };
    outcomes.push({
      period: period.key,
      stage: due.unit?.key ?? null,
      escalation: due.escalation !== null,
      missingUnits: missing.length,
      queued: unit.queued + escalated.queued,
      unreachableUnits: unit.unreachable,
      notReachableByTelegram: unit.withoutChat,
    });
  }
  return { ...base, periods: outcomes, queued: outcomes.reduce((a, p) => a + p.queued, 0) };
}

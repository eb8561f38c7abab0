// Which reporting period a page shows by default (docs/decisions/0043).

import { periodContaining, periodFromKey, previousPeriod, type ReportingPeriod } from '../../core/periods.js';
import { localDateOf } from '../../core/time.js';
import type { Bloc } from '../../db/blocs.js';

/**
 * The period units are reporting on now: the last one that has ended. Focal points send a week's
 * update at its end or in the grace days after it, so the week in progress is mostly empty.
 */
export function reportingPeriodOf(bloc: Pick<Bloc, 'reportingCadence'>, now: Date, timeZone: string): ReportingPeriod {
  return previousPeriod(periodContaining(bloc.reportingCadence, localDateOf(now, timeZone)));
}

/** The bloc's period named by a key such as '2026-W47' or '2026-11', or null if not one of its cadence. */
export function periodOfKey(bloc: Pick<Bloc, 'reportingCadence'>, key: string | undefined): ReportingPeriod | null {
  if (!key || key.length > 10) return null;
  try {
    const p = periodFromKey(key);
    return p.kind === bloc.reportingCadence ? p : null;
  } catch {
    return null;
  }
}

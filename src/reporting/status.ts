// A unit's status, for its focal point in any channel: whether it reported the periods taken now
// (the current one, and the previous one while it is taken), how many units of the bloc reported
// the current one, and its year-to-date figures against the covenant's targets. Figures come from
// src/db/figures, the same queries as the digests and the admin; the year-to-date sums only this
// unit's reports.
import type { ReportingPeriod } from '../core/periods.js';
import { localDateOf } from '../core/time.js';
import type { Db } from '../db/connection.js';
import { type CriterionProgress, periodStatus, type UnitPeriodRow, unitYearToDate } from '../db/figures.js';
import { dueDateOf, openPeriods, yearOfPeriod } from './report-context.js';
import type { Reporter, When } from './reporter.js';

export interface PeriodLine {
  which: 'current' | 'previous';
  period: ReportingPeriod;
  row: Pick<UnitPeriodRow, 'status' | 'isNil' | 'submittedAt' | 'revision'>;
  dueDate: string;
  /** Units of the bloc that reported the period, of those expected. */
  bloc: { received: number; expected: number };
}

export interface UnitProgress
  extends Pick<CriterionProgress, 'criterionId' | 'code' | 'title' | 'unitOfMeasure' | 'valueType'> {
  total: number;
  target: number;
}

export interface UnitStatus {
  periods: PeriodLine[];
  year: number;
  /** Empty when the year's covenant has no quantitative criterion. */
  progress: UnitProgress[];
}

export async function unitStatus(db: Db, reporter: Pick<Reporter, 'unit' | 'bloc'>, when: When): Promise<UnitStatus> {
  const { bloc, unit } = reporter;
  const periods: PeriodLine[] = [];
  const open = openPeriods(bloc, when.now, when.timeZone);
  for (const [i, period] of open.entries()) {
    const status = await periodStatus(db, bloc, period, when.timeZone);
    const row = status.units.find((u) => u.unitId === unit.id);
    // A unit that was not a member during the period is not expected to report it.
    if (!row) continue;
    periods.push({
      which: i === 0 ? 'current' : 'previous',
      period,
      row,
      dueDate: dueDateOf(bloc, period),
      bloc: { received: status.rates.received, expected: status.rates.expected },
    });
  }
  const year = yearOfPeriod(open[0]!);
  const progress = await unitProgress(db, reporter, year, when);
  return { periods, year, progress };
}

/** The unit's year-to-date figure and yearly target for each quantitative criterion of the year's covenant. */
export async function unitProgress(
  db: Db,
  reporter: Pick<Reporter, 'unit' | 'bloc'>,
  year: number,
  when: When,
): Promise<UnitProgress[]> {
  const upTo = localDateOf(when.now, when.timeZone);
  const figures = await unitYearToDate(db, reporter.bloc.id, reporter.unit.id, year, upTo);
  // byUnit is empty when the unit was not a member this year: nothing reported, nothing targeted.
  return figures.map((c) => ({
    criterionId: c.criterionId,
    code: c.code,
    title: c.title,
    unitOfMeasure: c.unitOfMeasure,
    valueType: c.valueType,
    total: c.byUnit[0]?.total ?? 0,
    target: c.byUnit[0]?.target ?? 0,
  }));
}

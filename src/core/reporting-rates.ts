// DHIS2-style reporting rates: expected reports, received, on time, late, nil, missing.

import type { ReportingPeriod } from './periods.js';
import { compareIsoDate, type IsoDate } from './time.js';

/** One spell of a unit's membership of a bloc. */
export interface Membership {
  unitId: number;
  joinedOn: IsoDate;
  /** Last day as a member, inclusive; null while still a member. */
  leftOn: IsoDate | null;
}

/** A report received from a unit for a period. */
export interface ReceivedReport {
  unitId: number;
  periodKey: string;
  submittedAt: Date;
  /** A "nothing new this period" report; it still counts as received. */
  isNil: boolean;
}

/** Input of reportingRates. */
export interface ReportingRatesInput {
  /** Unit ids expected to report (duplicates are ignored). */
  expected: number[];
  reports: ReceivedReport[];
  /** On time iff submittedAt < deadline. */
  deadline: Date;
  /** If given, reports for other periods are ignored; if not, all reports must share one key. */
  periodKey?: string;
}

/** Reporting figures for one period. */
export interface ReportingRates {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  nil: number;
  /** Expected units with no report, ascending. */
  missing: number[];
  /** received / expected; null when nothing is expected. */
  reportingRate: number | null;
  /** onTime / expected; null when nothing is expected. */
  onTimeRate: number | null;
}

/** True iff the membership overlaps the period by at least one day. */
export function isMemberDuring(m: Membership, period: Pick<ReportingPeriod, 'start' | 'end'>): boolean {
  if (compareIsoDate(m.joinedOn, period.end) > 0) return false;
  return m.leftOn === null || compareIsoDate(m.leftOn, period.start) >= 0;
}

/** Ids of the units expected to report for the period (sorted, unique). */
export function expectedUnits(memberships: Membership[], period: Pick<ReportingPeriod, 'start' | 'end'>): number[] {
  const ids = new Set<number>();
  for (const m of memberships) if (isMemberDuring(m, period)) ids.add(m.unitId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * Counts expected units by status. Reports from units not expected are ignored. A unit with
 * several reports counts once: on time iff its earliest report is before the deadline, nil iff
 * its latest report is a nil report.
 */
export function reportingRates(input: ReportingRatesInput): ReportingRates {
  const { deadline, periodKey } = input;
  let reports = input.reports;
  if (periodKey !== undefined) {
    reports = reports.filter((r) => r.periodKey === periodKey);
  } else if (new Set(reports.map((r) => r.periodKey)).size > 1) {
    throw new Error('reportingRates: reports span several periods; pass periodKey to choose one.');
  }
  const expected = [...new Set(input.expected)].sort((a, b) => a - b);
  const byUnit = new Map<number, ReceivedReport[]>();
  for (const r of reports) {
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  let received = 0;
  let onTime = 0;
  let nil = 0;
  const missing: number[] = [];
  for (const unitId of expected) {
    const list = byUnit.get(unitId);
    if (!list || list.length === 0) {
      missing.push(unitId);
      continue;
    }
    const sorted = [...list].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    received += 1;
    if (first && first.submittedAt.getTime() < deadline.getTime()) onTime += 1;
    if (last?.isNil) nil += 1;
  }
  const n = expected.length;
  return {
    expected: n,
    received,
    onTime,
    late: received - onTime,
    nil,
    missing,
    reportingRate: n === 0 ? null : received / n,
    onTimeRate: n === 0 ? null : onTime / n,
  };
}

/** A rate as a Vietnamese percentage with up to `decimals` places: 0.857 → '85,7%', null → '—'. */
export function formatPercentVi(rate: number | null, decimals = 1): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new Error(`formatPercentVi: decimals must be an integer from 0 to 6, got ${decimals}.`);
  }
  const factor = 10 ** decimals;
  // toPrecision(12) drops binary noise first (0.8565 * 100 = 85.64999…), so halves round up.
  const percent = Number((rate * 100).toPrecision(12));
  const rounded = Math.round(percent * factor) / factor;
  let text = rounded.toFixed(decimals);
  if (decimals > 0) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (text === '-0') text = '0';
  return `${text.replace('.', ',')}%`;
}

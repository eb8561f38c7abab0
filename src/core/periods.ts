// Reporting periods (ISO week, month, half year, year), their keys, labels and deadlines.
// Pure: the current time is always an argument.

import {
  addDays,
  compareIsoDate,
  daysInMonth,
  formatDateVi,
  type IsoDate,
  isValidIsoDate,
  isoWeekday,
  localDateOf,
  zonedInstant,
} from './time.js';

/** Length of a reporting period. */
export type PeriodKind = 'week' | 'month' | 'half_year' | 'year';

/** All period kinds, shortest first. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'half_year', 'year'];

/** One reporting period: a run of whole local days. */
export interface ReportingPeriod {
  kind: PeriodKind;
  /** '2023-W05', '2023-05', '2023-H1' / '2023-H2', '2023'. */
  key: string;
  start: IsoDate;
  /** Inclusive last day. */
  end: IsoDate;
  /** Vietnamese label, e.g. 'Tuần 05/2023 (30/01/2023 – 05/02/2023)'. */
  label: string;
}

/** How long after the end of a period reports are on time, and when the period locks. */
export interface DeadlineRules {
  /** Whole days after the period's last day during which a report is on time. */
  graceDays: number;
  /** Whole days after the period's last day after which only an admin can edit (>= graceDays). */
  lockDays: number;
}

/** The three instants that govern reporting for a period. */
export interface PeriodDeadlines {
  /** Local midnight after the period's last day. */
  endsAt: Date;
  /** endsAt + graceDays days (local midnight); a report is on time iff submitted strictly before. */
  deadline: Date;
  /** endsAt + lockDays days (local midnight); locked from this instant on. */
  lockAt: Date;
}

const KEY_RES = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  half_year: /^(\d{4})-H([12])$/,
  year: /^(\d{4})$/,
} as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function assertDate(date: IsoDate): void {
  if (!isValidIsoDate(date)) throw new Error(`Ngày không hợp lệ: '${date}' (cần dạng YYYY-MM-DD).`);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new Error(`Năm không hợp lệ: ${year}.`);
  }
}

/** Monday of the ISO week containing the date. */
export function isoWeekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO-8601 week-numbering year and week number of a date (the year of that week's Thursday). */
export function isoWeekOf(date: IsoDate): { isoYear: number; week: number } {
  const thursday = addDays(isoWeekStart(date), 3);
  const isoYear = yearOf(thursday);
  const dayOfYear =
    Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${pad(isoYear, 4)}-01-01T00:00:00Z`)) / 86_400_000) +
    1;
  return { isoYear, week: Math.floor((dayOfYear - 1) / 7) + 1 };
}

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function isoWeeksInYear(isoYear: number): number {
  assertYear(isoYear);
  // 28 December always lies in the last ISO week of its year.
  return isoWeekOf(`${pad(isoYear, 4)}-12-28`).week;
}

function weekPeriod(isoYear: number, week: number): ReportingPeriod {
  // 4 January always lies in ISO week 1.
  const week1 = isoWeekStart(`${pad(isoYear, 4)}-01-04`);
  const start = addDays(week1, (week - 1) * 7);
  const end = addDays(start, 6);
  return {
    kind: 'week',
    key: `${pad(isoYear, 4)}-W${pad(week)}`,
    start,
    end,
    label: `Tuần ${pad(week)}/${pad(isoYear, 4)} (${formatDateVi(start)} – ${formatDateVi(end)})`,
  };
}

function monthPeriod(year: number, month: number): ReportingPeriod {
  const y = pad(year, 4);
  return {
    kind: 'month',
    key: `${y}-${pad(month)}`,
    start: `${y}-${pad(month)}-01`,
    end: `${y}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    label: `Tháng ${pad(month)}/${y}`,
  };
}

function halfYearPeriod(year: number, half: 1 | 2): ReportingPeriod {
  const y = pad(year, 4);
  return {
    kind: 'half_year',
    key: `${y}-H${half}`,
    start: half === 1 ? `${y}-01-01` : `${y}-07-01`,
    end: half === 1 ? `${y}-06-30` : `${y}-12-31`,
    label: half === 1 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`,
  };
}

function yearPeriod(year: number): ReportingPeriod {
  const y = pad(year, 4);
  return { kind: 'year', key: y, start: `${y}-01-01`, end: `${y}-12-31`, label: `Năm ${y}` };
}

/** The period of the given kind that contains the date. */
export function periodContaining(kind: PeriodKind, date: IsoDate): ReportingPeriod {
  assertDate(date);
  const year = yearOf(date);
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'week': {
      const { isoYear, week } = isoWeekOf(date);
      return weekPeriod(isoYear, week);
    }
    case 'month':
      return monthPeriod(year, month);
    case 'half_year':
      return halfYearPeriod(year, month <= 6 ? 1 : 2);
    case 'year':
      return yearPeriod(year);
    default:
      throw new Error(`Loại kỳ báo cáo không hợp lệ: '${String(kind)}'.`);
  }
}

/** The kind of period a key denotes, or null if the key matches no key format. */
export function periodKindOfKey(key: string): PeriodKind | null {
  for (const kind of PERIOD_KINDS) if (KEY_RES[kind].test(key)) return kind;
  return null;
}

/** Parses a period key ('2023-W05', '2023-05', '2023-H1', '2023'); throws on a malformed key. */
export function periodFromKey(key: string): ReportingPeriod {
  const bad = (why: string): Error => new Error(`Mã kỳ báo cáo không hợp lệ: '${key}' (${why}).`);
  const kind = periodKindOfKey(key);
  const m = kind ? KEY_RES[kind].exec(key) : null;
  if (!kind || !m) {
    throw bad('cần dạng 2023-W05, 2023-05, 2023-H1 hoặc 2023');
  }
  const year = Number(m[1]);
  if (year < 1) throw bad('năm phải từ 0001 đến 9999');
  switch (kind) {
    case 'week': {
      const week = Number(m[2]);
      const weeks = isoWeeksInYear(year);
      if (week < 1 || week > weeks) throw bad(`tuần phải từ 01 đến ${weeks}; năm ${year} có ${weeks} tuần`);
      return weekPeriod(year, week);
    }
    case 'month': {
      const month = Number(m[2]);
      if (month < 1 || month > 12) throw bad('tháng phải từ 01 đến 12');
      return monthPeriod(year, month);
    }
    case 'half_year':
      return halfYearPeriod(year, m[2] === '1' ? 1 : 2);
    case 'year':
      return yearPeriod(year);
  }
}

/** The period of the same kind just before p. */
export function previousPeriod(p: ReportingPeriod): ReportingPeriod {
  return periodContaining(p.kind, addDays(p.start, -1));
}

/** The period of the same kind just after p. */
export function nextPeriod(p: ReportingPeriod): ReportingPeriod {
  return periodContaining(p.kind, addDays(p.end, 1));
}

/** All periods of a kind that overlap [from, to] (inclusive), oldest first; [] if from > to. */
export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): ReportingPeriod[] {
  assertDate(from);
  assertDate(to);
  const out: ReportingPeriod[] = [];
  if (compareIsoDate(from, to) > 0) return out;
  let p = periodContaining(kind, from);
  while (compareIsoDate(p.start, to) <= 0) {
    out.push(p);
    p = nextPeriod(p);
  }
  return out;
}

/** The periods of a year; for weeks, the ISO weeks of that ISO year (Thursday in that year). */
export function periodsOfYear(kind: PeriodKind, year: number): ReportingPeriod[] {
  assertYear(year);
  switch (kind) {
    case 'week':
      return Array.from({ length: isoWeeksInYear(year) }, (_, i) => weekPeriod(year, i + 1));
    case 'month':
      return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
    case 'half_year':
      return [halfYearPeriod(year, 1), halfYearPeriod(year, 2)];
    case 'year':
      return [yearPeriod(year)];
    default:
      throw new Error(`Loại kỳ báo cáo không hợp lệ: '${String(kind)}'.`);
  }
}

/** Throws unless graceDays and lockDays are whole days with 0 <= graceDays <= lockDays. */
export function assertDeadlineRules(rules: DeadlineRules): void {
  const { graceDays, lockDays } = rules;
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new Error(`Số ngày gia hạn báo cáo phải là số nguyên không âm: ${graceDays}.`);
  }
  if (!Number.isInteger(lockDays) || lockDays < graceDays) {
    throw new Error(
      `Số ngày khóa kỳ báo cáo phải là số nguyên không nhỏ hơn số ngày gia hạn (${graceDays}): ${lockDays}.`,
    );
  }
}

/** End, on-time deadline and lock instant of a period, all at local midnight in timeZone. */
export function periodDeadlines(p: ReportingPeriod, rules: DeadlineRules, timeZone: string): PeriodDeadlines {
  assertDeadlineRules(rules);
  const dayAfter = addDays(p.end, 1);
  return {
    endsAt: zonedInstant(dayAfter, '00:00', timeZone),
    deadline: zonedInstant(addDays(dayAfter, rules.graceDays), '00:00', timeZone),
    lockAt: zonedInstant(addDays(dayAfter, rules.lockDays), '00:00', timeZone),
  };
}

/**
 * True iff submittedAt is strictly before the deadline. A report stamped exactly at the
 * deadline instant (00:00:00.000 local) is already late.
 */
export function isOnTime(submittedAt: Date, deadlines: Pick<PeriodDeadlines, 'deadline'>): boolean {
  return submittedAt.getTime() < deadlines.deadline.getTime();
}

/** True iff the period is locked at `now` (now >= lockAt): only an admin may still edit it. */
export function isLocked(now: Date, deadlines: Pick<PeriodDeadlines, 'lockAt'>): boolean {
  return now.getTime() >= deadlines.lockAt.getTime();
}

/**
 * Periods a focal point may report for at `now`, most recent first: the current period and,
 * while it is not locked, the previous one. Older periods are never offered here, even if
 * lockDays is longer than a period.
 */
export function openPeriodsForReporting(
  kind: PeriodKind,
  now: Date,
  rules: DeadlineRules,
  timeZone: string,
): ReportingPeriod[] {
  assertDeadlineRules(rules);
  const current = periodContaining(kind, localDateOf(now, timeZone));
  const previous = previousPeriod(current);
  return isLocked(now, periodDeadlines(previous, rules, timeZone)) ? [current] : [current, previous];
}

/** 'Tuần 49/2026' of 'Tuần 49/2026 (30/11/2026 – 06/12/2026)': a period's name without its dates (a subject line). */
export const shortPeriodLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

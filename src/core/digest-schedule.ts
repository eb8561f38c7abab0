// When digests and summaries are due: a bloc's schedule, the latest scheduled slot at a given
// moment, and the validation of a schedule an admin enters. Pure; src/db/digests.ts stores it.

import { cronAt } from './cron-times.js';
import { parseMonthDay } from './month-day.js';
import { periodContaining, previousPeriod, type ReportingPeriod } from './periods.js';
import { addDays, type IsoDate, isoWeekday, localDateOf, zonedInstant } from './time.js';

/** The mid-year review (sơ kết 6 tháng) or the annual summary (tổng kết năm). */
export type SummaryKind = 'mid_year' | 'annual';

/** When a bloc's period digest and its mid-year and annual summaries are sent. */
export interface DigestSchedule {
  enabled: boolean;
  /** ISO weekday of the period digest: 1 = Monday … 7 = Sunday. */
  digestWeekday: number;
  /** 'HH:MM' local time. */
  digestTime: string;
  /** 'MM-DD' of the mid-year review (sơ kết 6 tháng). */
  midYearOn: string;
  /** 'MM-DD' of the annual summary (tổng kết năm). */
  annualOn: string;
  summaryTime: string;
}

/** The schedule of a bloc that has not set one. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = {
  enabled: true,
  digestWeekday: 1,
  digestTime: '08:00',
  midYearOn: '07-05',
  annualOn: '12-05',
  summaryTime: '08:00',
};

const m = {
  badEnabled: 'Trạng thái gửi bản tin chỉ nhận "bật" hoặc "tắt".',
  badWeekday: 'Thứ gửi bản tin phải là số từ 1 (thứ Hai) đến 7 (Chủ nhật).',
  badTime: (v: string) => `Giờ "${v}" không hợp lệ; đồng chí vui lòng nhập dạng HH:MM, ví dụ 08:00.`,
  midYear: 'Ngày sơ kết 6 tháng',
  annual: 'Ngày tổng kết năm',
  badMonthDay: (label: string, v: string) =>
    `${label} "${v}" không hợp lệ; đồng chí vui lòng nhập dạng ngày/tháng, ví dụ 05/07.`,
};

/** A summary slot older than this is not caught up at start (it would reach people too late to matter). */
export const SUMMARY_CATCH_UP_DAYS = 30;

/** The most recent digest slot at or before `now` (the weekly digest weekday and time). */
export function latestDigestSlot(
  s: Pick<DigestSchedule, 'digestWeekday' | 'digestTime'>,
  now: Date,
  timeZone: string,
): { date: IsoDate; at: Date } {
  const today = localDateOf(now, timeZone);
  let date = addDays(today, -((isoWeekday(today) - s.digestWeekday + 7) % 7));
  let at = zonedInstant(date, s.digestTime, timeZone);
  if (at.getTime() > now.getTime()) {
    date = addDays(date, -7);
    at = zonedInstant(date, s.digestTime, timeZone);
  }
  return { date, at };
}

/** The period a digest sent on `slotDate` covers: the last period of the bloc's cadence completed before that day's period. */
export function digestPeriodForSlot(cadence: 'week' | 'month', slotDate: IsoDate): ReportingPeriod {
  return previousPeriod(periodContaining(cadence, slotDate));
}

export interface SummarySlot {
  kind: SummaryKind;
  year: number;
  at: Date;
}

/**
 * The most recent mid-year or annual summary slot at or before `now`, this year or last, if it is
 * no older than `maxAgeDays` (SUMMARY_CATCH_UP_DAYS by default); null otherwise.
 */
export function latestSummarySlot(
  s: Pick<DigestSchedule, 'midYearOn' | 'annualOn' | 'summaryTime'>,
  now: Date,
  timeZone: string,
  maxAgeDays: number = SUMMARY_CATCH_UP_DAYS,
): SummarySlot | null {
  const year = Number(localDateOf(now, timeZone).slice(0, 4));
  const slots: SummarySlot[] = [];
  for (const y of [year - 1, year]) {
    slots.push({ kind: 'mid_year', year: y, at: zonedInstant(`${y}-${s.midYearOn}`, s.summaryTime, timeZone) });
    slots.push({ kind: 'annual', year: y, at: zonedInstant(`${y}-${s.annualOn}`, s.summaryTime, timeZone) });
  }
  const due = slots.filter((x) => x.at.getTime() <= now.getTime()).sort((a, b) => b.at.getTime() - a.at.getTime());
  const latest = due[0];
  if (!latest || now.getTime() - latest.at.getTime() > maxAgeDays * 86_400_000) return null;
  return latest;
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Raw schedule fields as typed by an admin; all optional, missing ones keep `current`. */
export interface ScheduleInput {
  enabled?: string;
  weekday?: string;
  time?: string;
  midYearOn?: string;
  annualOn?: string;
  summaryTime?: string;
}

/** Validates and applies schedule changes; every bad field gets one Vietnamese message. */
export function parseDigestSchedule(
  input: ScheduleInput,
  current: DigestSchedule,
): { ok: true; schedule: DigestSchedule } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const next = { ...current };
  if (input.enabled !== undefined) {
    const v = input.enabled.trim().toLowerCase();
    if (['1', 'true', 'on', 'bật'].includes(v)) next.enabled = true;
    else if (['0', 'false', 'off', 'tắt'].includes(v)) next.enabled = false;
    else errors.push(m.badEnabled);
  }
  if (input.weekday !== undefined) {
    const n = Number(input.weekday.trim());
    if (Number.isInteger(n) && n >= 1 && n <= 7) next.digestWeekday = n;
    else errors.push(m.badWeekday);
  }
  for (const [field, key] of [
    ['time', 'digestTime'],
    ['summaryTime', 'summaryTime'],
  ] as const) {
    const v = input[field];
    if (v === undefined) continue;
    const t = v.trim().padStart(5, '0');
    if (TIME_RE.test(t)) next[key] = t;
    else errors.push(m.badTime(v));
  }
  for (const [field, key, label] of [
    ['midYearOn', 'midYearOn', m.midYear],
    ['annualOn', 'annualOn', m.annual],
  ] as const) {
    const v = input[field];
    if (v === undefined) continue;
    const md = parseMonthDay(v);
    if (md) next[key] = md;
    else errors.push(m.badMonthDay(label, v));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, schedule: next };
}

/** The cron expression of a bloc's digest slot: '0 8 * * 1' for Monday 08:00. */
export function digestCron(s: Pick<DigestSchedule, 'digestWeekday' | 'digestTime'>): string {
  return cronAt(s.digestTime, { weekday: String(s.digestWeekday % 7) });
}

/** The cron expressions of a bloc's mid-year and annual summary slots. */
export function summaryCrons(s: Pick<DigestSchedule, 'midYearOn' | 'annualOn' | 'summaryTime'>): string[] {
  return [s.midYearOn, s.annualOn].map((md) => {
    const [month, day] = md.split('-');
    return cronAt(s.summaryTime, { dayOfMonth: String(Number(day)), month: String(Number(month)) });
  });
}

// Time-zone and calendar-date helpers built only on Intl.DateTimeFormat.
// Calendar dates are 'YYYY-MM-DD' strings; instants are JS Date objects.
// Pure: the current time is always passed in by the caller.

/** A calendar date written 'YYYY-MM-DD' (proleptic Gregorian, years 0001–9999). */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Wall-clock fields of an instant in a time zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: IsoWeekday;
}

const DAY_MS = 86_400_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WEEKDAYS: Record<string, IsoWeekday> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Milliseconds since the epoch of a UTC wall time (safe for years below 100, unlike Date.UTC). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE_RE.exec(date);
  if (m && isValidIsoDate(date)) {
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  throw new Error(`Ngày không hợp lệ: '${date}' (cần dạng YYYY-MM-DD).`);
}

function isoDateFromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** True iff s is a real calendar date written 'YYYY-MM-DD' with a year from 0001 to 9999. */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a month (month 1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True iff tz is an IANA time-zone name (or alias) that Intl accepts. */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock year, month, day, hour, minute, second and ISO weekday of an instant in a zone. */
export function localPartsOf(instant: Date, timeZone: string): LocalParts {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new Error('Thời điểm không hợp lệ (Invalid Date).');
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => {
    const p = parts.find((x) => x.type === type);
    if (!p) throw new Error(`Intl did not return the '${type}' field.`);
    return p.value;
  };
  let year = Number(get('year'));
  if (get('era') === 'BC' || get('era') === 'B') year = 1 - year;
  const weekday = WEEKDAYS[get('weekday')];
  if (!weekday) throw new Error(`Unexpected weekday from Intl: '${get('weekday')}'.`);
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday,
  };
}

/** Local calendar date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  const p = localPartsOf(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset (local wall time minus UTC) in milliseconds at an instant, to the second. */
function offsetAt(ms: number, timeZone: string): number {
  const floored = Math.floor(ms / 1000) * 1000;
  const p = localPartsOf(new Date(floored), timeZone);
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - floored;
}

/**
 * Instant at which the wall clock in timeZone reads `date time`.
 * Like Temporal's 'compatible' disambiguation: an ambiguous time (clocks set back) gives the
 * earlier instant; a skipped time (clocks set forward) is moved forward by the gap.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const tm = TIME_RE.exec(time);
  const hour = Number(tm?.[1]);
  const minute = Number(tm?.[2]);
  const second = Number(tm?.[3] ?? '0');
  if (!tm || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`Giờ không hợp lệ: '${time}' (cần dạng HH:MM hoặc HH:MM:SS).`);
  }
  const wall = utcMs(year, month, day, hour, minute, second);
  // Offsets in force a day either side cover any single transition near this wall time.
  const candidates = [offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)];
  const valid = candidates
    .map((offset) => wall - offset)
    .filter((ms) => offsetAt(ms, timeZone) === wall - ms)
    .sort((a, b) => a - b);
  const first = valid[0];
  if (first !== undefined) return new Date(first);
  // Skipped wall time: read it with the offset in force before the gap (moves it forward).
  const before = candidates[0] ?? 0;
  return new Date(wall - before);
}

/** The date n days after (or before, for negative n) the given date. */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`Số ngày phải là số nguyên: ${n}.`);
  const { year, month, day } = parseIsoDate(date);
  return isoDateFromUtcMs(utcMs(year, month, day) + n * DAY_MS);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  return Math.round((utcMs(pb.year, pb.month, pb.day) - utcMs(pa.year, pa.month, pa.day)) / DAY_MS);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): IsoWeekday {
  const { year, month, day } = parseIsoDate(date);
  const js = new Date(utcMs(year, month, day)).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as IsoWeekday;
}

/** A date shown the Vietnamese way: 'dd/mm/yyyy'. */
export function formatDateVi(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

/** An instant shown the Vietnamese way in a zone: 'HH:MM dd/mm/yyyy'. */
export function formatDateTimeVi(instant: Date, timeZone: string): string {
  const p = localPartsOf(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)}`;
}

/** Sort comparator for IsoDate: negative if a is earlier, 0 if equal, positive if later. */
export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  parseIsoDate(a);
  parseIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

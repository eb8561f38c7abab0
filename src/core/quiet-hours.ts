// When the system may message people on its own initiative: inside the daily sending window, on
// working days (weekends only if allowed) and never on a public holiday. Pure.

import { addDays, type IsoDate, isoWeekday, localDateOf, localPartsOf, zonedInstant } from './time.js';

/** The hours and days during which reminders may go out, in the app time zone. */
export interface SendingWindow {
  timeZone: string;
  /** 'HH:MM' local, first allowed minute. */
  from: string;
  /** 'HH:MM' local, first quiet minute (exclusive end); later than `from`. */
  until: string;
  /** Saturdays and Sundays allowed. */
  weekends: boolean;
  /** Public holidays ('YYYY-MM-DD'): never allowed. */
  holidays: ReadonlySet<IsoDate>;
}

/** How far nextSendingMoment looks ahead before giving up (a whole year of holidays is absurd). */
const SEARCH_DAYS = 400;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True iff s is a valid 'HH:MM' local time (00:00–23:59). */
export function isValidClockTime(s: string): boolean {
  return HHMM.test(s);
}

/** True iff messages may go out at some time on the local date: a working (or allowed weekend) day that is not a holiday. */
export function isSendingDay(date: IsoDate, w: SendingWindow): boolean {
  if (w.holidays.has(date)) return false;
  return w.weekends || isoWeekday(date) <= 5;
}

/** True iff a message may be sent at the instant. */
export function isSendingAllowed(at: Date, w: SendingWindow): boolean {
  const date = localDateOf(at, w.timeZone);
  if (!isSendingDay(date, w)) return false;
  const p = localPartsOf(at, w.timeZone);
  const hhmm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return hhmm >= w.from && hhmm < w.until;
}

/** Start and end of the sending window on a local date. */
export function sendingWindowOn(date: IsoDate, w: SendingWindow): { start: Date; end: Date } {
  return { start: zonedInstant(date, w.from, w.timeZone), end: zonedInstant(date, w.until, w.timeZone) };
}

/**
 * The earliest instant at or after `at` when sending is allowed: `at` itself if allowed, else the
 * start of the next allowed window. Null if none within about a year.
 */
export function nextSendingMoment(at: Date, w: SendingWindow): Date | null {
  if (isSendingAllowed(at, w)) return at;
  const today = localDateOf(at, w.timeZone);
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const date = addDays(today, i);
    if (!isSendingDay(date, w)) continue;
    const { start } = sendingWindowOn(date, w);
    if (start.getTime() >= at.getTime()) return start;
  }
  return null;
}

/** End of the sending window of the local day of `at` (for a message worth sending only that day). */
export function sendingWindowEnd(at: Date, w: SendingWindow): Date {
  return sendingWindowOn(localDateOf(at, w.timeZone), w).end;
}

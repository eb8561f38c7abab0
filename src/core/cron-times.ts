// Fire times of cron expressions in a time zone, between two instants. node-cron parses and
// validates the expression; the times are computed here because node-cron keeps no history and
// can only say whether "now" matches, while catch-up needs every time missed in a window.

import { parse } from 'node-cron';
import { addDays, daysInMonth, isoWeekday, localDateOf, localPartsOf, zonedInstant } from './time.js';

type DayToken = number | string;

interface CronFields {
  minutes: number[];
  hours: number[];
  daysOfMonth: DayToken[];
  months: number[];
  daysOfWeek: DayToken[];
}

/** Parses a cron expression; throws (in Vietnamese) on an invalid one or one firing more than once a minute. */
export function parseCron(expression: string): CronFields {
  let f: ReturnType<typeof parse>;
  try {
    f = parse(expression);
  } catch (error) {
    throw new Error(`Biểu thức lịch chạy không hợp lệ "${expression}": ${(error as Error).message}`);
  }
  if (f.second.length !== 1 || f.second[0] !== 0) {
    throw new Error(
      `Biểu thức lịch chạy "${expression}" chạy nhiều lần trong một phút; chỉ dùng 5 trường (phút giờ ngày tháng thứ).`,
    );
  }
  return { minutes: f.minute, hours: f.hour, daysOfMonth: f.dayOfMonth, months: f.month, daysOfWeek: f.dayOfWeek };
}

function matchesDay(f: CronFields, date: string): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!f.months.includes(month)) return false;
  const last = daysInMonth(year, month);
  const dayOk = f.daysOfMonth.some((t) => t === day || (t === 'L' && day === last));
  const weekday = isoWeekday(date) % 7; // cron: 0 = Sunday
  const weekdayOk = f.daysOfWeek.some((t) => {
    if (typeof t === 'number') return t === weekday;
    const nth = /^(\d)#(\d)$/.exec(t);
    if (nth) return Number(nth[1]) % 7 === weekday && Math.ceil(day / 7) === Number(nth[2]);
    const lastOf = /^(\d)L$/.exec(t);
    if (lastOf) return Number(lastOf[1]) % 7 === weekday && day + 7 > last;
    throw new Error(`Giá trị ngày trong tuần "${t}" chưa được hỗ trợ.`);
  });
  // Like node-cron: both day fields must match.
  return dayOk && weekdayOk;
}

/** Fire times of the expressions in (from, to], oldest first, without duplicates. */
export function cronFireTimes(expressions: readonly string[], from: Date, to: Date, timeZone: string): Date[] {
  if (to.getTime() <= from.getTime() || expressions.length === 0) return [];
  const fields = expressions.map(parseCron);
  const times = new Set<number>();
  const last = localDateOf(to, timeZone);
  // Start a day early: a zone offset can put a local date's first minutes before `from`'s date.
  for (let date = addDays(localDateOf(from, timeZone), -1); date <= last; date = addDays(date, 1)) {
    for (const f of fields) {
      if (!matchesDay(f, date)) continue;
      for (const h of f.hours) {
        for (const m of f.minutes) {
          const at = zonedInstant(
            date,
            `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
            timeZone,
          ).getTime();
          if (at > from.getTime() && at <= to.getTime()) times.add(at);
        }
      }
    }
  }
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

/** '2026-12-01T08:00': the local minute of an instant, the slot of jobs that run at clock times. */
export function localMinuteSlot(at: Date, timeZone: string): string {
  const p = localPartsOf(at, timeZone);
  return `${localDateOf(at, timeZone)}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** A 5-field cron expression for a local 'HH:MM' on the given day fields ('0 15 * * *' for '15:00'). */
export function cronAt(time: string, fields: { dayOfMonth?: string; month?: string; weekday?: string } = {}): string {
  const [h, m] = time.split(':');
  return `${Number(m)} ${Number(h)} ${fields.dayOfMonth ?? '*'} ${fields.month ?? '*'} ${fields.weekday ?? '*'}`;
}

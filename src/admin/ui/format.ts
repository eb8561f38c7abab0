// How values are shown on the admin pages: dates dd/mm/yyyy, numbers the Vietnamese way.

import { formatDateTimeVi, formatDateVi, type IsoDate } from '../../core/time.js';

const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 'YYYY-MM-DD' as dd/mm/yyyy; '' for null. */
export function showDate(date: IsoDate | null | undefined): string {
  return date ? formatDateVi(date) : '';
}

/** An ISO instant as 'HH:MM dd/mm/yyyy' in the zone; '' for null. */
export function showDateTime(instant: string | Date | null | undefined, timeZone: string): string {
  if (!instant) return '';
  return formatDateTimeVi(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
}

export function showNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : numberVi.format(n);
}

/** A rate 0..1 as '85,7%'; '—' when there is nothing to rate. */
export function showRate(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${numberVi.format(Math.round(r * 1000) / 10)}%`;
}

/** A file size the Vietnamese way: '850 KB', '1,2 MB'. */
export function showBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${numberVi.format(Math.round(n / 1024))} KB`;
  return `${numberVi.format(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;
}

export { parseDateVi } from '../../core/date-input.js';

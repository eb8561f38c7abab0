import { isValidIsoDate } from './time.js';

/**
 * A yearly date typed as 'dd/mm' (or stored as 'MM-DD') to 'MM-DD', or null when it is no real day
 * of a non-leap year: 29/02 would skip three years in four, so it is refused.
 */
export function parseMonthDay(input: string): string | null {
  const v = input.trim();
  const dm = /^(\d{1,2})\/(\d{1,2})$/.exec(v);
  const md = dm ? `${dm[2]!.padStart(2, '0')}-${dm[1]!.padStart(2, '0')}` : v;
  return /^\d{2}-\d{2}$/.test(md) && isValidIsoDate(`2023-${md}`) ? md : null;
}

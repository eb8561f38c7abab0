// Dates as people type them in Vietnam (dd/mm/yyyy), read into 'YYYY-MM-DD'. Pure.

import { type IsoDate, isValidIsoDate } from './time.js';

/**
 * A typed date: dd/mm/yyyy (or d/m/yyyy, with '/', '.' or '-'), or YYYY-MM-DD. Returns
 * 'YYYY-MM-DD', or null when it is not a real calendar date.
 */
export function parseDateVi(input: string): IsoDate | null {
  const s = input.trim();
  let iso: string | null = null;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (vi) iso = `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  return iso && isValidIsoDate(iso) ? iso : null;
}

// The raw reports as CSV: UTF-8 with a byte-order mark (so Excel shows the diacritics), RFC 4180
// quoting and CRLF line ends, and text that a spreadsheet could read as a formula defused with an
// apostrophe, whichever list separator it splits on (docs/decisions/0034-csv-export.md).

import type { ExportedReport } from '../../db/figures.js';
import type { BlocSummary } from '../bloc-summary.js';
import { type ExportCell, reportHeader, reportRow, reportsInSummary } from '../report-columns.js';
import { defuseFormulas } from './defuse-formulas.js';

const BOM = '\uFEFF';
/**
 * Quoted whenever it holds a comma or a semicolon (Vietnamese Excel splits on ';'), a tab, a
 * quote or a line break, so a spreadsheet splitting on either separator keeps it one cell.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One CSV field: numbers as they are, text defused and quoted when needed. */
export function csvField(value: ExportCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = defuseFormulas(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ExportCell[]): string {
  return cells.map(csvField).join(',');
}

/** The reports a summary covers, one line each, with the header line first. */
export function reportsCsv(s: BlocSummary, reports: ExportedReport[], timeZone: string): string {
  const lines = [
    csvLine(reportHeader(s)),
    ...reportsInSummary(s, reports).map((r) => csvLine(reportRow(s, r, timeZone))),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

// A roster file as rows of text cells, from .xlsx (first sheet, through exceljs) or .csv.

import ExcelJS from 'exceljs';
import { parseCsv } from '../../core/roster-import.js';

export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

export type ReadResult =
  | { ok: true; table: string[][] }
  | { ok: false; error: 'noFile' | 'badType' | 'tooBig' | 'unreadable' };

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees; dates (stored as UTC midnight by Excel) as dd/mm/yyyy. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const table: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    table[n - 1] = cells;
  });
  return Array.from(table, (r) => r ?? []);
}

/** Reads an uploaded file; the kind is told by its content (a .xlsx is a zip), its name second. */
export async function readRosterFile(file: unknown): Promise<ReadResult> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: 'noFile' };
  if (file.size > MAX_ROSTER_BYTES) return { ok: false, error: 'tooBig' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const name = file.name.toLowerCase();
  try {
    if (isZip && (name.endsWith('.xlsx') || !name.endsWith('.csv'))) return { ok: true, table: await readXlsx(bytes) };
    if (!isZip && name.endsWith('.csv')) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { ok: true, table: parseCsv(text) };
    }
    return { ok: false, error: 'badType' };
  } catch {
    return { ok: false, error: 'unreadable' };
  }
}

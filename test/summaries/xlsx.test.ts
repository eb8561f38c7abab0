import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBloc } from '../../src/db/blocs.js';
import { reportsOfYear } from '../../src/db/figures.js';
import { computeBlocSummary } from '../../src/summaries/bloc-summary.js';
import { summaryWorkbook } from '../../src/summaries/xlsx/summary-workbook.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from './helpers.js';

/** User texts that a spreadsheet would run if they were written as formulas. */
const HOSTILE = {
  notable: "=1+cmd|' /C calc'!A0",
  difficulties: '@SUM(A1:A9)',
  proposals: '＝HYPERLINK("http://x","bấm")',
  unit: '-2+3 Đơn vị',
};

describe('summaryWorkbook against formula injection', () => {
  let t: TestDb;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    t = await createTestDb();
    const b = await createSmallBloc(t.db, { units: 2, year: 2026 });
    await fileReport(t.db, b, 0, '2026-W02', '2026-01-11T03:00:00Z', [2, 3], HOSTILE.notable);
    await t.db
      .updateTable('progress_report')
      .set({ difficulties: HOSTILE.difficulties, proposals: HOSTILE.proposals })
      .execute();
    await t.db.updateTable('unit').set({ name: HOSTILE.unit }).where('id', '=', b.unitIds[0]!).execute();
    const bloc = (await getBloc(t.db, b.blocId))!;
    const s = await computeBlocSummary(t.db, b.blocId, {
      kind: 'annual',
      year: 2026,
      asOf: new Date('2027-02-01T00:00:00Z'),
      timeZone: TZ,
    });
    const bytes = await summaryWorkbook(s, await reportsOfYear(t.db, bloc, 2026, TZ), TZ);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores every cell as a value, never as a formula', () => {
    const formulas: string[] = [];
    let cells = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(`${ws.name}!${cell.address}`);
        }),
      );
    expect(cells).toBeGreaterThan(50);
    expect(formulas).toEqual([]);
  });

  it('keeps user text as a string, exactly as typed', () => {
    const strings = new Map<string, ExcelJS.ValueType>();
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') strings.set(cell.value, cell.type);
        }),
      );
    for (const text of Object.values(HOSTILE)) expect(strings.get(text)).toBe(ExcelJS.ValueType.String);
  });
});

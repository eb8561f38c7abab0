// The demo bloc (Khối thi đua số 6) in 2023, as the seed article tells it: 78 exemplary models.
// Its annual summary, and the .xlsx, CSV and .docx made from it, must all say the same.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBloc } from '../../src/db/blocs.js';
import { type ExportedReport, reportsOfYear } from '../../src/db/figures.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { type BlocSummary, computeBlocSummary } from '../../src/summaries/bloc-summary.js';
import { reportsCsv } from '../../src/summaries/csv/reports-csv.js';
import { summaryReportDocx } from '../../src/summaries/docx/summary-report.js';
import { summaryWorkbook } from '../../src/summaries/xlsx/summary-workbook.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { TZ } from './helpers.js';

const now = new Date('2026-11-24T03:00:00Z');
let t: TestDb;
let s: BlocSummary;
let reports: ExportedReport[];
let dir: string;

beforeAll(async () => {
  t = await createTestDb();
  const seeded = await seedDemo(t.db, { now, timeZone: TZ });
  s = await computeBlocSummary(t.db, seeded.blocId, { kind: 'annual', year: 2023, asOf: now, timeZone: TZ });
  reports = await reportsOfYear(t.db, (await getBloc(t.db, seeded.blocId))!, 2023, TZ);
  dir = mkdtempSync(join(tmpdir(), 'ktd-docs-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const exemplary = () => s.progress.find((p) => p.code === '1')!;

describe('annual summary 2023 of the demo bloc', () => {
  it("adds the exemplary models up to the article's 78, unit by unit", () => {
    expect(exemplary().title).toMatch(/gương điển hình tiên tiến/);
    expect(exemplary().total).toBe(78);
    expect(exemplary().byUnit.map((u) => u.total)).toEqual([12, 11, 13, 10, 14, 9, 9]);
    expect(s.chair?.name).toBe('Hội Cựu chiến binh tỉnh');
    expect(s.periods.count).toBe(52);
  });

  it('ranks seven units and proposes one leading unit', () => {
    expect(s.scores.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.scores.leaders).toHaveLength(1);
  });
});

describe('the .xlsx workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    const file = await summaryWorkbook(s, reports, TZ);
    // exceljs types its input as an ArrayBuffer-like Buffer of its own; a Node Buffer is what it reads.
    await wb.xlsx.load(file as unknown as Parameters<typeof wb.xlsx.load>[0]);
  });

  it('has a sheet of every report, with the figures per criterion adding up to 78', () => {
    const ws = wb.getWorksheet('Báo cáo')!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const col = header.findIndex((h) => String(h).startsWith('1. Tuyên truyền gương điển hình')) + 1;
    expect(col).toBeGreaterThan(0);
    let sum = 0;
    let rows = 0;
    ws.eachRow((r, n) => {
      if (n <= 2) return;
      rows += 1;
      sum += Number(r.getCell(col).value ?? 0);
    });
    expect(rows).toBe(reports.length);
    expect(rows).toBe(s.rates.bloc.received);
    expect(sum).toBe(78);
  });

  it('has the totals per unit and criterion matching the summary', () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    for (const [i, u] of s.units.entries()) {
      const r = ws.getRow(3 + i);
      expect(r.getCell(2).value).toBe(u.name);
      s.progress.forEach((p, k) => {
        const b = p.byUnit.find((x) => x.unitId === u.unitId)!;
        expect([r.getCell(3 + 3 * k).value, r.getCell(4 + 3 * k).value]).toEqual([b.total, b.target]);
      });
    }
    const total = ws.getRow(3 + s.units.length);
    expect(total.getCell(2).value).toBe('Toàn Khối');
    expect(s.progress.map((_, k) => total.getCell(3 + 3 * k).value)).toEqual(s.progress.map((p) => p.total));
    expect(total.getCell(3).value).toBe(78);
  });

  it('has the scores and the ranking of the summary', () => {
    const ws = wb.getWorksheet('Chấm điểm')!;
    s.scores.rows.forEach((row, i) => {
      const r = ws.getRow(3 + i);
      expect([r.getCell(1).value, r.getCell(2).value, r.getCell(s.criteria.length + 5).value]).toEqual([
        row.rank,
        row.name,
        row.total,
      ]);
    });
    expect(
      wb
        .getWorksheet('Tỷ lệ báo cáo')!
        .getRow(3 + s.units.length)
        .getCell(4).value,
    ).toBe(s.rates.bloc.received);
  });
});

describe('the CSV of raw reports', () => {
  it('starts with a BOM, has one CRLF line per report and the same 78', () => {
    const csv = reportsCsv(s, reports, TZ);
    expect(csv.startsWith('\uFEFFKỳ báo cáo,Từ ngày,Đến ngày,Đơn vị,')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(reports.length + 1);
    expect(csv).toContain('"1. Tuyên truyền gương điển hình tiên tiến, người tốt, việc tốt (gương)"');
    expect(lines[1]).toMatch(/^2023-W01,02\/01\/2023,08\/01\/2023,Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh,/);
  });
});

describe('the .docx report', () => {
  it('opens in LibreOffice and renders the Vietnamese report; its first page goes to test-artifacts/', async () => {
    const docx = join(dir, 'tong-ket-2023.docx');
    writeFileSync(docx, await summaryReportDocx(s, { date: '2026-11-24' }));
    // The document itself: Times New Roman 13 pt.
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml', 'word/styles.xml'], { encoding: 'utf8' });
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:sz w:val="26"/>');

    const profile = `file://${join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`)}`;
    try {
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
        {
          stdio: 'pipe',
          timeout: 120_000,
        },
      );
    } finally {
      rmSync(new URL(profile), { recursive: true, force: true });
    }
    const pdf = join(dir, 'tong-ket-2023.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const expected of [
      'KHỐI THI ĐUA SỐ 6',
      'Hội Cựu chiến binh tỉnh',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Sóc Trăng, ngày 24 tháng 11 năm 2026',
      'BÁO CÁO',
      'Tổng kết công tác thi đua năm 2023',
      'I. KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA',
      'II. TỶ LỆ BÁO CÁO',
      'III. TỰ CHẤM ĐIỂM VÀ XẾP HẠNG',
      'IV. ĐỀ NGHỊ KHEN THƯỞNG',
      '78/70 gương, đạt 111% chỉ tiêu giao ước',
      'TM. KHỐI THI ĐUA SỐ 6',
      'KHỐI TRƯỞNG',
      `đơn vị dẫn đầu Khối: ${s.scores.leaders[0]!.name}`,
    ]) {
      // Justified lines come out of pdftotext with spaces inside words ("g ương"): compare without spaces.
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
    }
    mkdirSync('test-artifacts', { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      'test-artifacts/tong-ket-2023-trang-1',
    ]);
    expect(readFileSync('test-artifacts/tong-ket-2023-trang-1.png').subarray(1, 4).toString()).toBe('PNG');
  });
});

// The summary as an Excel workbook: every report, the totals per unit and criterion, the
// reporting rates and the scores. Numbers are stored as numbers so the reader can recompute.

import ExcelJS from 'exceljs';
import type { ExportedReport } from '../../db/figures.js';
import type { BlocSummary } from '../bloc-summary.js';
import { summaryTitles } from '../../core/summary-text.js';
import { documentText as d, exportText as t } from '../messages.js';
import { reportHeader, reportRow, reportsInSummary } from '../report-columns.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  header: string[],
  widths: number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  h.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

const pct = (total: number, target: number): number | null =>
  target > 0 ? Math.round((total / target) * 1000) / 10 : null;
const rate = (r: number | null): number | null => (r === null ? null : Math.round(r * 1000) / 10);

function totalsSheet(wb: ExcelJS.Workbook, s: BlocSummary, title: string): void {
  const header = [
    d.col.no,
    d.col.unit,
    ...s.progress.flatMap((p) => [`${p.code}. ${t.done}`, `${p.code}. ${t.target}`, `${p.code}. ${t.percent}`]),
  ];
  const ws = sheet(wb, t.sheets.totals, title, header, [5, 38, ...s.progress.flatMap(() => [12, 12, 12])]);
  s.units.forEach((u, i) => {
    ws.addRow([
      i + 1,
      u.name,
      ...s.progress.flatMap((p) => {
        const b = p.byUnit.find((x) => x.unitId === u.unitId);
        return [b?.total ?? 0, b?.target ?? 0, pct(b?.total ?? 0, b?.target ?? 0)];
      }),
    ]);
  });
  ws.addRow(['', d.col.blocTotal, ...s.progress.flatMap((p) => [p.total, p.target, pct(p.total, p.target)])]).font = {
    bold: true,
  };
}

function ratesSheet(wb: ExcelJS.Workbook, s: BlocSummary, title: string): void {
  const header = [
    d.col.no,
    d.col.unit,
    d.col.expected,
    d.col.received,
    d.col.onTime,
    d.col.nil,
    `${d.col.reportingRate} (%)`,
    `${d.col.onTimeRate} (%)`,
  ];
  const ws = sheet(wb, t.sheets.rates, title, header, [5, 38, 12, 12, 12, 12, 12, 12]);
  const row = (r: BlocSummary['rates']['bloc']) => [
    r.expected,
    r.received,
    r.onTime,
    r.nil,
    rate(r.reportingRate),
    rate(r.onTimeRate),
  ];
  s.units.forEach((u, i) => {
    const r = s.rates.byUnit.find((x) => x.unitId === u.unitId);
    ws.addRow([i + 1, u.name, ...(r ? row(r) : [0, 0, 0, 0, null, null])]);
  });
  ws.addRow(['', d.col.blocTotal, ...row(s.rates.bloc)]).font = { bold: true };
}

function scoresSheet(wb: ExcelJS.Workbook, s: BlocSummary, title: string): void {
  const header = [
    d.col.rank,
    d.col.unit,
    ...s.criteria.map((c) => `${d.col.criterion(c.code)} (${c.maxPoints} đ)`),
    d.col.bonus.join(' '),
    d.col.deduction.join(' '),
    d.col.total.join(' '),
    d.col.note,
  ];
  const ws = sheet(wb, t.sheets.scores, title, header, [7, 38, ...s.criteria.map(() => 12), 12, 12, 12, 40]);
  for (const row of s.scores.rows) {
    ws.addRow([
      row.rank ?? '—',
      row.name,
      ...row.criteria.map((c) => c.points),
      row.bonus,
      row.deduction,
      row.total,
      row.rank === null ? d.leftBloc : row.tieBrokenBy ? d.tieNote[row.tieBrokenBy] : '',
    ]);
  }
  ws.addRow([]);
  ws.addRow(['', d.tieRule]);
}

/** Builds the .xlsx of a summary with the raw reports it covers (from reportsOfYear). */
export async function summaryWorkbook(s: BlocSummary, reports: ExportedReport[], timeZone: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = s.chair?.name ?? s.bloc.name;
  wb.created = new Date(s.asOf);
  const title = `${s.bloc.name} - ${summaryTitles[s.kind](s.year)}`;
  const header = reportHeader(s);
  const ws = sheet(
    wb,
    t.sheets.reports,
    title,
    header,
    header.map((_h, i) => (i === 3 ? 38 : i >= header.length - 3 ? 50 : 14)),
  );
  for (const r of reportsInSummary(s, reports)) ws.addRow(reportRow(s, r, timeZone));
  totalsSheet(wb, s, title);
  ratesSheet(wb, s, title);
  scoresSheet(wb, s, title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

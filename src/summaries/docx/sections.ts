// Sections I–IV of the summary report: results against the covenant, reporting rates,
// self-scoring and ranking, and the proposal for commendation.

import { AlignmentType, type Paragraph, type Table } from 'docx';
import { formatNumberVi, ratioWithUnit } from '../../core/digest-text.js';
import { formatPercentVi } from '../../core/reporting-rates.js';
import { formatDateVi } from '../../core/time.js';
import type { BlocSummary, SummaryUnit } from '../bloc-summary.js';
import { documentText as t } from '../messages.js';
import { body, type CellSpec, heading, para, table, TEXT_WIDTH } from './primitives.js';

const TABLE_SIZE = 22; // 11 pt inside tables, as is usual for wide tables in reports
const NO_W = 500;
const NAME_W = 2700;

function ratio(total: number, target: number): number | null {
  return target > 0 ? total / target : null;
}

function unitLabel(u: SummaryUnit, year: number): CellSpec {
  const notes: string[] = [];
  if (u.joinedOn > `${year}-01-01`) notes.push(t.joined(formatDateVi(u.joinedOn)));
  if (u.leftOn !== null && u.leftOn <= `${year}-12-31`) notes.push(t.left(formatDateVi(u.leftOn)));
  return {
    align: AlignmentType.LEFT,
    lines: [u.name, ...(notes.length ? [{ text: `(${notes.join('; ')})`, style: { italics: true, size: 20 } }] : [])],
  };
}

/** Splits the width left after the fixed columns evenly over n columns. */
function evenWidths(fixed: number[], n: number): number[] {
  const rest = TEXT_WIDTH - fixed.reduce((a, w) => a + w, 0);
  return [...fixed, ...Array.from({ length: n }, () => Math.floor(rest / n))];
}

export function resultsSection(s: BlocSummary): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(t.sections.results)];
  out.push(
    body(
      t.coverage(
        s.periods.count,
        s.periods.coversUntil ? formatDateVi(s.periods.coversUntil) : null,
        t.kindWord[s.kind],
      ),
    ),
  );
  for (const p of s.progress) {
    const r = ratio(p.total, p.target);
    out.push(
      body(
        t.criterionLine(
          p.code,
          p.title,
          ratioWithUnit(p.total, p.target, p),
          r === null ? null : formatPercentVi(r, 0),
        ),
      ),
    );
  }
  for (const c of s.criteria.filter((x) => x.kind === 'qualitative')) {
    const met = s.scores.rows.filter(
      (row) => (row.criteria.find((x) => x.criterionId === c.criterionId)?.points ?? 0) > 0,
    ).length;
    out.push(body(`${c.code}. ${c.title}: ${met}/${s.scores.rows.length} đơn vị đạt.`));
  }
  if (s.progress.length === 0) return out;
  out.push(body(t.resultsTableIntro, { keepNext: true }));
  const widths = evenWidths([NO_W, NAME_W], s.progress.length);
  const head: CellSpec[] = [
    { lines: [t.col.no], style: { bold: true } },
    { lines: [t.col.unit], style: { bold: true } },
    ...s.progress.map((p) => ({
      lines: [t.col.criterion(p.code), `(${p.valueType === 'percent' ? '%' : (p.unitOfMeasure ?? '')})`],
      style: { bold: true },
    })),
  ];
  const cellOf = (total: number, target: number, p: BlocSummary['progress'][number]): CellSpec => {
    const r = ratio(total, target);
    const pct = p.valueType === 'percent' ? '%' : '';
    return {
      lines: [
        `${formatNumberVi(total)}${pct}/${formatNumberVi(target)}${pct}`,
        r === null ? '—' : `(${formatPercentVi(r, 0)})`,
      ],
    };
  };
  const rows: CellSpec[][] = s.units.map((u, i) => [
    { lines: [String(i + 1)] },
    unitLabel(u, s.year),
    ...s.progress.map((p) => {
      const b = p.byUnit.find((x) => x.unitId === u.unitId);
      return cellOf(b?.total ?? 0, b?.target ?? 0, p);
    }),
  ]);
  const totalRow: CellSpec[] = [
    { lines: [t.col.blocTotal], span: 2, style: { bold: true } },
    ...s.progress.map((p) => ({ ...cellOf(p.total, p.target, p), style: { bold: true } })),
  ];
  out.push(table([head, ...rows, totalRow], widths, { bordered: true, size: TABLE_SIZE, headerRows: 1 }));
  return out;
}

export function ratesSection(s: BlocSummary): (Paragraph | Table)[] {
  const b = s.rates.bloc;
  const out: (Paragraph | Table)[] = [
    heading(t.sections.rates),
    body(
      t.ratesIntro(
        s.periods.count,
        formatPercentVi(b.reportingRate),
        b.received,
        b.expected,
        formatPercentVi(b.onTimeRate),
        b.onTime,
      ),
    ),
  ];
  const widths = evenWidths([NO_W, NAME_W], 6);
  const head: CellSpec[] = [
    t.col.no,
    t.col.unit,
    t.col.expected,
    t.col.received,
    t.col.onTime,
    t.col.nil,
    t.col.reportingRate,
    t.col.onTimeRate,
  ].map((h) => ({ lines: [h], style: { bold: true } }));
  const rowOf = (r: BlocSummary['rates']['bloc']): CellSpec[] =>
    [
      String(r.expected),
      String(r.received),
      String(r.onTime),
      String(r.nil),
      formatPercentVi(r.reportingRate),
      formatPercentVi(r.onTimeRate),
    ].map((v) => ({ lines: [v] }));
  const rows = s.units.map((u, i) => {
    const r = s.rates.byUnit.find((x) => x.unitId === u.unitId) ?? {
      expected: 0,
      received: 0,
      onTime: 0,
      late: 0,
      nil: 0,
      reportingRate: null,
      onTimeRate: null,
    };
    return [{ lines: [String(i + 1)] }, unitLabel(u, s.year), ...rowOf(r)];
  });
  const totalRow = [
    { lines: [t.col.blocTotal], span: 2, style: { bold: true } },
    ...rowOf(b).map((c) => ({ ...c, style: { bold: true } })),
  ];
  out.push(table([head, ...rows, totalRow], widths, { bordered: true, size: TABLE_SIZE, headerRows: 1 }));
  return out;
}

export function scoresSection(s: BlocSummary): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading(t.sections.scores),
    body(t.scoresIntro(formatNumberVi(s.scores.maxBase))),
    body(t.tieRule),
  ];
  const n = s.criteria.length;
  // Narrow number columns: 10 pt, or 9 pt beyond six criteria.
  const size = n > 6 ? 18 : 20;
  const right = [950, 700, 800]; // bonus, deduction, total
  const criterionW = Math.floor((TEXT_WIDTH - 780 - 1920 - 2450) / Math.max(1, n));
  const widths = [780, 1920, ...Array.from({ length: n }, () => criterionW), ...right];
  const head: CellSpec[] = [
    { lines: [t.col.rank], style: { bold: true } },
    { lines: [t.col.unit], style: { bold: true } },
    ...s.criteria.map((c) => ({
      lines: [t.col.criterionShort(c.code), t.col.points(formatNumberVi(c.maxPoints))],
      style: { bold: true },
    })),
    { lines: t.col.bonus, style: { bold: true } },
    { lines: t.col.deduction, style: { bold: true } },
    { lines: t.col.total, style: { bold: true } },
  ];
  const rows: CellSpec[][] = s.scores.rows.map((row) => [
    { lines: [row.rank === null ? '—' : `${row.rank}${row.tieBrokenBy ? '*' : ''}`] },
    {
      align: AlignmentType.LEFT,
      lines: [
        row.name,
        ...(row.rank === null ? [{ text: `(${t.leftBloc})`, style: { italics: true, size: 20 } }] : []),
      ],
    },
    ...row.criteria.map((c) => ({ lines: [formatNumberVi(c.points)] })),
    { lines: [row.bonus > 0 ? `+${formatNumberVi(row.bonus)}` : '0'] },
    { lines: [row.deduction > 0 ? `-${formatNumberVi(row.deduction)}` : '0'] },
    { lines: [formatNumberVi(row.total)], style: { bold: true } },
  ]);
  out.push(table([head, ...rows], widths, { bordered: true, size, headerRows: 1 }));
  out.push(para(t.criterionLegend, { italics: true, size: 22, indent: 567 }));
  for (const row of s.scores.rows.filter((r) => r.tieBrokenBy)) {
    out.push(
      para(`(*) ${row.name}: ${t.tieNote[row.tieBrokenBy!].toLowerCase()}.`, { italics: true, size: 22, indent: 567 }),
    );
  }
  out.push(para(t.qualitativeDefault, { italics: true, size: 22, indent: 567 }));
  for (const row of s.scores.rows) {
    const codes = row.criteria
      .filter((c) => c.basis === 'assessed' && c.points === 0)
      .map((c) => s.criteria.find((x) => x.criterionId === c.criterionId)?.code ?? '');
    if (codes.length > 0) out.push(para(t.notMet(row.name, codes.join(', ')), { size: 22, indent: 567 }));
  }
  for (const a of s.adjustments) {
    const unit = s.units.find((u) => u.unitId === a.unitId)?.name ?? '';
    const sign = a.kind === 'bonus' ? '+' : '-';
    out.push(para(`- ${unit}: ${sign}${formatNumberVi(a.points)} điểm (${a.reason}).`, { size: 22, indent: 567 }));
  }
  return out;
}

export function proposalSection(s: BlocSummary, meritCount: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(t.sections.proposal)];
  const leaders = s.scores.leaders;
  if (leaders.length === 0) return [...out, body(t.noLeader)];
  out.push(body(t.flag(s.bloc.name, leaders.map((l) => `${l.name} (${formatNumberVi(l.total)} điểm)`).join('; '))));
  const merit = s.scores.rows.filter(
    (r) => r.rank !== null && r.rank > leaders.length && r.rank <= leaders.length + meritCount,
  );
  if (merit.length > 0) out.push(body(t.merit(merit.map((r) => r.name).join('; '))));
  out.push(body(t.council));
  return out;
}

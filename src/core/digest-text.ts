// A bloc's period digest (bản tin thi đua) as a neutral message, in Vietnamese: the header, the
// rates, the units by status, the criteria as figures and the notable results, each a block a
// channel keeps together. Pure.

import { type MessageBlock, type MessageFigure, type OutboundMessage, paragraph } from './outbound-message.js';
import { shortPeriodLabel } from './periods.js';
import { formatPercentVi } from './reporting-rates.js';

export type DigestUnitStatus = 'reported' | 'nil' | 'late' | 'missing';

/** One criterion's figures in a digest. */
export interface DigestCriterion {
  code: string;
  title: string;
  unitOfMeasure: string | null;
  valueType: 'count' | 'decimal' | 'percent' | null;
  periodTotal: number;
  ytdTotal: number;
  ytdTarget: number;
}

/** Everything the digest text says. */
export interface DigestInput {
  blocName: string;
  periodKind: 'week' | 'month' | 'half_year' | 'year';
  /** 'Tuần 47/2026 (16/11/2026 – 22/11/2026)'. */
  periodLabel: string;
  year: number;
  units: { name: string; shortName: string | null; status: DigestUnitStatus }[];
  rates: {
    expected: number;
    received: number;
    onTime: number;
    reportingRate: number | null;
    onTimeRate: number | null;
  };
  /** 'dd/mm/yyyy' of the last on-time day, shown while reports are still on time. */
  onTimeUntil: string | null;
  criteria: DigestCriterion[];
  notable: { unitName: string; text: string }[];
}

const NOTABLE_MAX_CHARS = 280;

/** A number the Vietnamese way: '1.234,5' (up to 2 decimals). */
export function formatNumberVi(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [int = '0', frac] = Math.abs(rounded).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** A figure against its target: '52/100 gương', '40%/50%'. */
export function ratioWithUnit(
  total: number,
  target: number,
  c: Pick<DigestCriterion, 'unitOfMeasure' | 'valueType'>,
): string {
  if (c.valueType === 'percent') return `${withUnit(total, c)}/${withUnit(target, c)}`;
  return `${formatNumberVi(total)}/${withUnit(target, c)}`;
}

/** A figure with its unit of measure: '12 gương', '45,5%'. */
export function withUnit(value: number, c: Pick<DigestCriterion, 'unitOfMeasure' | 'valueType'>): string {
  if (c.valueType === 'percent') return `${formatNumberVi(value)}%`;
  return c.unitOfMeasure ? `${formatNumberVi(value)} ${c.unitOfMeasure}` : formatNumberVi(value);
}

function periodWord(kind: DigestInput['periodKind']): string {
  return kind === 'week' ? 'tuần' : kind === 'month' ? 'tháng' : 'kỳ';
}

function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

function unitList(units: DigestInput['units'], status: DigestUnitStatus): string[] {
  return units.filter((u) => u.status === status).map((u) => u.shortName ?? u.name);
}

function ratesBlock(d: DigestInput): MessageBlock {
  const { rates } = d;
  return {
    kind: 'figures',
    figures: [
      {
        label: '📥 Tỷ lệ báo cáo',
        value: `${rates.received}/${rates.expected} đơn vị (${formatPercentVi(rates.reportingRate)})`,
      },
      {
        label: '⏱ Báo cáo đúng hạn',
        value: `${rates.onTime}/${rates.expected} đơn vị (${formatPercentVi(rates.onTimeRate)})`,
      },
    ],
  };
}

const STATUS_GROUPS: [DigestUnitStatus, string][] = [
  ['reported', '✅ Đúng hạn'],
  ['nil', '➖ Không phát sinh'],
  ['late', '⏰ Nộp muộn'],
  ['missing', '❌ Chưa báo cáo'],
];

function unitStatusBlock(d: DigestInput): MessageBlock {
  const lines: string[] = [];
  for (const [status, label] of STATUS_GROUPS) {
    const names = unitList(d.units, status);
    if (names.length > 0) lines.push(`${label} (${names.length}): ${names.join('; ')}`);
  }
  if (d.units.length === 0) lines.push('Khối chưa có đơn vị thành viên trong kỳ này.');
  if (d.onTimeUntil && unitList(d.units, 'missing').length > 0) {
    lines.push(`(Các đơn vị chưa báo cáo vẫn được tính đúng hạn nếu gửi trong ngày ${d.onTimeUntil}.)`);
  }
  return paragraph(lines.join('\n'));
}

function criterionFigure(c: DigestCriterion, word: string): MessageFigure {
  const ytd =
    c.ytdTarget > 0 ? ratioWithUnit(c.ytdTotal, c.ytdTarget, c) : `${withUnit(c.ytdTotal, c)} (chưa giao chỉ tiêu)`;
  const ytdWord = c.valueType === 'percent' ? 'Bình quân năm' : 'Lũy kế';
  return {
    label: `${c.code}. ${c.title}`,
    value: `${word[0]!.toUpperCase()}${word.slice(1)} này: ${withUnit(c.periodTotal, c)} · ${ytdWord}: ${ytd}`,
    ...(c.ytdTarget > 0 ? { progress: c.ytdTotal / c.ytdTarget } : {}),
  };
}

function criteriaBlock(d: DigestInput, word: string): MessageBlock {
  const heading = `📈 KẾT QUẢ ${word.toUpperCase()} VÀ LŨY KẾ NĂM ${d.year}`;
  if (d.criteria.length === 0)
    return paragraph(`${heading}\nGiao ước thi đua năm ${d.year} chưa có chỉ tiêu định lượng.`);
  return { kind: 'figures', heading, labelsAbove: true, figures: d.criteria.map((c) => criterionFigure(c, word)) };
}

function notableBlock(d: DigestInput): MessageBlock {
  const quotes = d.notable.map((n) => `• ${n.unitName}: “${truncate(n.text, NOTABLE_MAX_CHARS)}”`);
  return paragraph(['🌟 KẾT QUẢ NỔI BẬT', ...quotes].join('\n'));
}

/** The digest as a neutral message: header, rates, units by status, criteria, notable results. */
export function digestMessage(d: DigestInput): OutboundMessage {
  const word = periodWord(d.periodKind);
  return {
    topic: 'digest',
    title: `📊 BẢN TIN THI ĐUA ${word.toUpperCase()} – ${d.blocName.toUpperCase()}`,
    subject: `[${d.blocName}] Bản tin thi đua ${shortPeriodLabel(d.periodLabel)}`,
    blocks: [
      paragraph(d.periodLabel),
      ratesBlock(d),
      unitStatusBlock(d),
      criteriaBlock(d, word),
      ...(d.notable.length > 0 ? [notableBlock(d)] : []),
    ],
    actions: [],
  };
}

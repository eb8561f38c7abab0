// The text of a bloc's period digest (bản tin thi đua), in Vietnamese, and its splitting into
// messages under Telegram's 4096-character limit. Pure.

import { formatPercentVi } from './reporting-rates.js';

/** Telegram's maximum message length in characters. */
export const TELEGRAM_TEXT_LIMIT = 4096;

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

/** A ten-cell text progress bar with its percentage: 0.52 → '▓▓▓▓▓░░░░░ 52%'; over 100% shows a full bar. */
export function progressBar(ratio: number, width = 10): string {
  const clamped = Math.min(1, Math.max(0, ratio));
  const filled = Math.min(width, Math.floor(clamped * width + 1e-9));
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${formatPercentVi(ratio, 0)}`;
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

/** The whole digest text, before splitting. */
export function digestText(d: DigestInput): string {
  const word = periodWord(d.periodKind);
  const lines: string[] = [];
  lines.push(`📊 BẢN TIN THI ĐUA ${word.toUpperCase()} – ${d.blocName.toUpperCase()}`, d.periodLabel, '');
  const { rates } = d;
  lines.push(
    `📥 Tỷ lệ báo cáo: ${rates.received}/${rates.expected} đơn vị (${formatPercentVi(rates.reportingRate)})`,
    `⏱ Báo cáo đúng hạn: ${rates.onTime}/${rates.expected} đơn vị (${formatPercentVi(rates.onTimeRate)})`,
    '',
  );
  const groups: [DigestUnitStatus, string][] = [
    ['reported', '✅ Đúng hạn'],
    ['nil', '➖ Không phát sinh'],
    ['late', '⏰ Nộp muộn'],
    ['missing', '❌ Chưa báo cáo'],
  ];
  for (const [status, label] of groups) {
    const names = unitList(d.units, status);
    if (names.length > 0) lines.push(`${label} (${names.length}): ${names.join('; ')}`);
  }
  if (d.units.length === 0) lines.push('Khối chưa có đơn vị thành viên trong kỳ này.');
  if (d.onTimeUntil && unitList(d.units, 'missing').length > 0) {
    lines.push(`(Các đơn vị chưa báo cáo vẫn được tính đúng hạn nếu gửi trong ngày ${d.onTimeUntil}.)`);
  }

  lines.push('', `📈 KẾT QUẢ ${word.toUpperCase()} VÀ LŨY KẾ NĂM ${d.year}`);
  if (d.criteria.length === 0) lines.push(`Giao ước thi đua năm ${d.year} chưa có chỉ tiêu định lượng.`);
  for (const c of d.criteria) {
    const ytd =
      c.ytdTarget > 0 ? ratioWithUnit(c.ytdTotal, c.ytdTarget, c) : `${withUnit(c.ytdTotal, c)} (chưa giao chỉ tiêu)`;
    const ytdWord = c.valueType === 'percent' ? 'Bình quân năm' : 'Lũy kế';
    lines.push(
      `${c.code}. ${c.title}`,
      `   ${word[0]!.toUpperCase()}${word.slice(1)} này: ${withUnit(c.periodTotal, c)} · ${ytdWord}: ${ytd}`,
    );
    if (c.ytdTarget > 0) lines.push(`   ${progressBar(c.ytdTotal / c.ytdTarget)}`);
  }

  if (d.notable.length > 0) {
    lines.push('', '🌟 KẾT QUẢ NỔI BẬT');
    for (const n of d.notable) lines.push(`• ${n.unitName}: “${truncate(n.text, NOTABLE_MAX_CHARS)}”`);
  }
  return lines.join('\n');
}

/** Breaks one over-long line at spaces (or anywhere, if it has none) into pieces of at most `limit`. */
function breakLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf(' ', limit);
    const at = cut > limit / 2 ? cut : limit;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/** Packs blocks greedily, joining with `sep`, into chunks of at most `limit` characters. */
function pack(blocks: string[], sep: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const b of blocks) {
    const next = current === '' ? b : `${current}${sep}${b}`;
    if (next.length <= limit) current = next;
    else {
      if (current !== '') chunks.push(current);
      current = b;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitWithin(text: string, limit: number): string[] {
  const sections = text.split('\n\n').flatMap((section) => {
    if (section.length <= limit) return [section];
    const lines = section.split('\n').flatMap((l) => breakLine(l, limit));
    return pack(lines, '\n', limit);
  });
  return pack(sections, '\n\n', limit);
}

/**
 * Splits a text into messages of at most `limit` characters, between sections (blank lines) where
 * possible, else between lines; never inside a line unless the line alone is too long. Several
 * parts are numbered '(Phần 1/3)'.
 */
export function splitMessage(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const header = (i: number, n: number) => `(Phần ${i}/${n})\n`;
  // Room for the longest header this split could need.
  const room = limit - header(999, 999).length;
  const parts = splitWithin(text, room);
  return parts.map((p, i) => `${header(i + 1, parts.length)}${p}`);
}

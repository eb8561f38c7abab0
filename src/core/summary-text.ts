// The chat message announcing a mid-year review or annual summary: headline figures, the
// ranking and the proposal; the full tables go in the .docx/.xlsx. Pure: it takes the part of a
// bloc summary (src/summaries/bloc-summary.ts) it shows, which a BlocSummary is.

import type { SummaryKind } from './digest-schedule.js';
import { formatNumberVi, progressBar, ratioWithUnit } from './digest-text.js';
import { formatPercentVi } from './reporting-rates.js';
import type { ScoreSheet } from './scoring.js';
import { formatDateVi, type IsoDate } from './time.js';

/** The title of a summary, in its documents and its announcement. */
export const summaryTitles: Record<SummaryKind, (year: number) => string> = {
  mid_year: (year) => `Sơ kết công tác thi đua 6 tháng đầu năm ${year}`,
  annual: (year) => `Tổng kết công tác thi đua năm ${year}`,
};

/** What the announcement shows of a bloc summary. */
export interface SummaryNoticeInput {
  kind: SummaryKind;
  year: number;
  bloc: { name: string };
  periods: { count: number; coversUntil: IsoDate | null };
  rates: {
    bloc: {
      expected: number;
      received: number;
      onTime: number;
      reportingRate: number | null;
      onTimeRate: number | null;
    };
  };
  progress: {
    code: string;
    title: string;
    unitOfMeasure: string | null;
    valueType: 'count' | 'decimal' | 'percent' | null;
    total: number;
    target: number;
  }[];
  units: { unitId: number; shortName: string | null }[];
  scores: ScoreSheet;
}

const TIE_NOTE = {
  on_time_rate: 'bằng điểm, xếp theo tỷ lệ báo cáo đúng hạn',
  reporting_rate: 'bằng điểm, xếp theo tỷ lệ báo cáo',
  display_order: 'bằng điểm và tỷ lệ, xếp theo thứ tự đơn vị trong Khối',
} as const;

/** The summary announcement sent to the bloc's chats and the chair's focal points. */
export function summaryNoticeText(s: SummaryNoticeInput): string {
  const lines: string[] = [];
  const title = summaryTitles[s.kind](s.year);
  lines.push(`📋 ${s.bloc.name.toUpperCase()}`, title.toUpperCase());
  if (s.periods.coversUntil) {
    lines.push(`Số liệu ${s.periods.count} kỳ báo cáo, đến hết ngày ${formatDateVi(s.periods.coversUntil)}.`);
  } else {
    lines.push('Chưa có kỳ báo cáo nào kết thúc trong khoảng thời gian này.');
  }
  const r = s.rates.bloc;
  lines.push(
    '',
    `📥 Tỷ lệ báo cáo: ${formatPercentVi(r.reportingRate)} (${r.received}/${r.expected} báo cáo)`,
    `⏱ Đúng hạn: ${formatPercentVi(r.onTimeRate)} (${r.onTime}/${r.expected} báo cáo)`,
    '',
    '📈 KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA',
  );
  for (const p of s.progress) {
    const bar = p.target > 0 ? ` ${progressBar(p.total / p.target)}` : '';
    lines.push(`${p.code}. ${p.title}: ${ratioWithUnit(p.total, p.target, p)}${bar}`);
  }
  lines.push('', `🏅 TỰ CHẤM ĐIỂM VÀ XẾP HẠNG (tối đa ${formatNumberVi(s.scores.maxBase)} điểm, chưa kể điểm thưởng)`);
  for (const row of s.scores.rows) {
    const unit = s.units.find((u) => u.unitId === row.unitId);
    const name = unit?.shortName ?? row.name;
    const note = row.tieBrokenBy ? ` (${TIE_NOTE[row.tieBrokenBy]})` : '';
    lines.push(
      row.rank === null
        ? `– ${name}: ${formatNumberVi(row.total)} điểm (đã rời Khối, không xếp hạng)`
        : `${row.rank}. ${name}: ${formatNumberVi(row.total)} điểm${note}`,
    );
  }
  if (s.kind === 'annual' && s.scores.leaders.length > 0) {
    lines.push('', `🚩 Đề nghị đơn vị dẫn đầu: ${s.scores.leaders.map((l) => l.name).join('; ')}.`);
  }
  lines.push('', 'Báo cáo đầy đủ (Word, Excel) có tại trang quản trị của Khối.');
  return lines.join('\n');
}

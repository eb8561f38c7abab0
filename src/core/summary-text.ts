// The message announcing a mid-year review or annual summary, as a neutral message: headline
// figures, the ranking and the proposal; the full tables go in the .docx/.xlsx. Pure: it takes the
// part of a bloc summary (src/summaries/bloc-summary.ts) it shows, which a BlocSummary is.

import type { SummaryKind } from './digest-schedule.js';
import { formatNumberVi, ratioWithUnit } from './digest-text.js';
import { type MessageBlock, type OutboundMessage, paragraph } from './outbound-message.js';
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

function ratesBlock(s: SummaryNoticeInput): MessageBlock {
  const r = s.rates.bloc;
  return {
    kind: 'figures',
    figures: [
      { label: '📥 Tỷ lệ báo cáo', value: `${formatPercentVi(r.reportingRate)} (${r.received}/${r.expected} báo cáo)` },
      { label: '⏱ Đúng hạn', value: `${formatPercentVi(r.onTimeRate)} (${r.onTime}/${r.expected} báo cáo)` },
    ],
  };
}

function progressBlock(s: SummaryNoticeInput): MessageBlock {
  return {
    kind: 'figures',
    heading: '📈 KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA',
    figures: s.progress.map((p) => ({
      label: `${p.code}. ${p.title}`,
      value: ratioWithUnit(p.total, p.target, p),
      ...(p.target > 0 ? { progress: p.total / p.target } : {}),
    })),
  };
}

function rankingBlock(s: SummaryNoticeInput): MessageBlock {
  return {
    kind: 'figures',
    heading: `🏅 TỰ CHẤM ĐIỂM VÀ XẾP HẠNG (tối đa ${formatNumberVi(s.scores.maxBase)} điểm, chưa kể điểm thưởng)`,
    figures: s.scores.rows.map((row) => {
      const unit = s.units.find((u) => u.unitId === row.unitId);
      const name = unit?.shortName ?? row.name;
      const note = row.tieBrokenBy ? ` (${TIE_NOTE[row.tieBrokenBy]})` : '';
      return row.rank === null
        ? { label: `– ${name}`, value: `${formatNumberVi(row.total)} điểm (đã rời Khối, không xếp hạng)` }
        : { label: `${row.rank}. ${name}`, value: `${formatNumberVi(row.total)} điểm${note}` };
    }),
  };
}

/** The summary announcement sent to the bloc's chats and the chair's focal points. */
export function summaryNoticeMessage(s: SummaryNoticeInput): OutboundMessage {
  const title = summaryTitles[s.kind](s.year);
  const coverage = s.periods.coversUntil
    ? `Số liệu ${s.periods.count} kỳ báo cáo, đến hết ngày ${formatDateVi(s.periods.coversUntil)}.`
    : 'Chưa có kỳ báo cáo nào kết thúc trong khoảng thời gian này.';
  const leaders =
    s.kind === 'annual' && s.scores.leaders.length > 0
      ? [paragraph(`🚩 Đề nghị đơn vị dẫn đầu: ${s.scores.leaders.map((l) => l.name).join('; ')}.`)]
      : [];
  return {
    topic: 'summary',
    title: `📋 ${s.bloc.name.toUpperCase()}`,
    subject: `[${s.bloc.name}] ${title}`,
    blocks: [
      paragraph(`${title.toUpperCase()}\n${coverage}`),
      ratesBlock(s),
      progressBlock(s),
      rankingBlock(s),
      ...leaders,
      paragraph('Báo cáo đầy đủ (Word, Excel) có tại trang quản trị của Khối.'),
    ],
    actions: [],
  };
}

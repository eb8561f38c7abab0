// The chat message announcing a mid-year review or annual summary: headline figures, the
// ranking and the proposal; the full tables go in the .docx/.xlsx. Pure.

import { formatNumberVi, progressBar, ratioWithUnit } from '../core/digest-text.js';
import { formatPercentVi } from '../core/reporting-rates.js';
import { formatDateVi } from '../core/time.js';
import type { BlocSummary } from './bloc-summary.js';
import { summaryTitles } from './messages.js';

const TIE_NOTE = {
  on_time_rate: 'bằng điểm, xếp theo tỷ lệ báo cáo đúng hạn',
  reporting_rate: 'bằng điểm, xếp theo tỷ lệ báo cáo',
  display_order: 'bằng điểm và tỷ lệ, xếp theo thứ tự đơn vị trong Khối',
} as const;

/** The summary announcement sent to the bloc's chats and the chair's focal points. */
export function summaryNoticeText(s: BlocSummary): string {
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

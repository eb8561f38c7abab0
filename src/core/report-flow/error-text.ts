// The wording every channel uses for the report flow's shared facts: why an entry was refused,
// the names of the text fields, and the receipt. The bot's and the web form's catalogues both take
// them from here, so the two can never say different things about the same report.

import { formatValue } from './number-input.js';
import type { FlowError, TextField } from './types.js';

/** The names of the three free-text fields. */
export const FIELD_NAMES: Record<TextField, string> = {
  notableResults: 'Kết quả nổi bật',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Đề xuất, kiến nghị',
};

const ERRORS: { [K in FlowError['code']]: (e: Extract<FlowError, { code: K }>) => string } = {
  not_a_number: () => 'Nội dung vừa nhập không phải là số. Xin đồng chí nhập một số, ví dụ: 12.',
  negative: () => 'Số liệu không thể là số âm. Xin đồng chí nhập số từ 0 trở lên.',
  decimal_not_allowed: () => 'Chỉ tiêu này tính bằng số nguyên. Xin đồng chí nhập số nguyên, ví dụ: 2.',
  thousands_separator: (e) =>
    `Xin đồng chí nhập số không có dấu phân cách hàng nghìn, ví dụ: ${e.suggestion}. (Số thập phân dùng dấu phẩy, tối đa 2 chữ số sau dấu phẩy, ví dụ: 1,5.)`,
  too_many_decimals: (e) => `Số thập phân chỉ được có tối đa ${e.max} chữ số sau dấu phẩy, ví dụ: 12,5.`,
  too_large: (e) => `Số này lớn hơn mức tối đa cho phép (${formatValue(e.max)}). Xin đồng chí kiểm tra lại số liệu.`,
  text_too_long: (e) =>
    `Nội dung dài ${e.length} ký tự, vượt quá giới hạn ${e.max} ký tự. Xin đồng chí rút gọn rồi gửi lại; nội dung chưa được ghi nhận.`,
  empty_text: () => 'Nội dung trống. Xin đồng chí nhập nội dung, hoặc bấm nút bên dưới.',
  too_many_attachments: (e) => `Mỗi lần gửi báo cáo chỉ kèm tối đa ${e.max} ảnh hoặc tệp. Tệp vừa gửi chưa được nhận.`,
  nothing_to_keep: () => 'Mục này chưa có số liệu cũ để giữ nguyên. Xin đồng chí nhập nội dung.',
  unexpected_input: (e) =>
    e.step === 'attachments'
      ? 'Ở bước này, đồng chí gửi ảnh hoặc tệp minh chứng, hoặc bấm nút bên dưới để tiếp tục.'
      : e.step === 'summary' || e.step === 'edit_menu'
        ? 'Xin đồng chí dùng các nút bên dưới để gửi, sửa hoặc hủy báo cáo.'
        : 'Thao tác này không dùng được ở bước hiện tại. Xin đồng chí làm theo hướng dẫn bên dưới.',
};

/** The Vietnamese explanation of a refused entry (without any channel's decoration). */
export function flowErrorText(e: FlowError): string {
  return (ERRORS[e.code] as (x: FlowError) => string)(e);
}

/** How each channel a revision came through is named ("… lúc 10:00 24/11/2026 (qua web)"). */
export const CHANNEL_NAMES: Record<'telegram' | 'web' | 'admin' | 'import' | 'demo' | 'zalo', string> = {
  telegram: 'qua Telegram',
  zalo: 'qua Zalo',
  web: 'qua web',
  admin: 'do Văn phòng Khối nhập',
  import: 'nhập từ tệp',
  demo: 'dữ liệu mẫu',
};

/**
 * Who stored the revision a draft or a form collides with. The same focal point is named as
 * "chính đồng chí": the channel named after the time says where they sent it from (another chat,
 * another browser window, the web link while a Telegram draft was open).
 */
export function conflictAuthorText(a: { focalPointName: string | null; admin: string | null; self: boolean }): string {
  if (a.self) return 'chính đồng chí';
  if (a.focalPointName) return `đồng chí ${a.focalPointName}`;
  return a.admin ? `Văn phòng Khối thi đua (${a.admin})` : 'một cán bộ đầu mối khác của đơn vị';
}

/** What a receipt says about a stored report. */
export interface ReceiptFacts {
  label: string;
  unit: string;
  at: string;
  revision: number;
  onTime: boolean;
  dueDate: string;
  /** The period's lock date (after it only an admin changes the report). */
  lockDate: string;
  /**
   * The last day a channel still takes a revision (lastDayTaken): the lock date, or the end of the
   * next period when that comes first. The receipt promises this day, never a later lock date.
   */
  lastDay: string;
  isNil: boolean;
  attachments: number;
}

/** The receipt's lines, the same in every channel. */
export function receiptLines(r: ReceiptFacts): string[] {
  return [
    `✅ Đã ghi nhận báo cáo ${r.label} của ${r.unit} lúc ${r.at}${r.isNil ? ': kỳ này không có gì mới' : ''}.`,
    r.revision > 1 ? `Đây là bản sửa lần ${r.revision - 1}; các bản trước vẫn được lưu lại.` : null,
    r.attachments > 0 ? `Kèm ${r.attachments} tệp minh chứng.` : null,
    r.onTime ? `Báo cáo đúng hạn (hạn hết ngày ${r.dueDate}).` : `Báo cáo gửi sau hạn (hạn hết ngày ${r.dueDate}).`,
    `Đồng chí có thể sửa báo cáo đến hết ngày ${r.lastDay}.`,
  ].filter((l): l is string => l !== null);
}

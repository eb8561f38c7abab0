// Every text of the personal web report form, in one place: Vietnamese, polite administrative
// register, the focal point addressed as "đồng chí". What the bot must say identically (why an
// entry was refused, the field names, the receipt) comes from src/core/report-flow/error-text.ts.
import {
  CHANNEL_NAMES,
  conflictAuthorText,
  FIELD_NAMES,
  flowErrorText,
  type ReceiptFacts,
  receiptLines,
} from '../core/report-flow/error-text.js';
import { formatValue } from '../core/report-flow/number-input.js';
import type { FlowCriterion, TextField } from '../core/report-flow/types.js';
import type { SubmittedVia } from '../db/schema.js';

export { FIELD_NAMES, flowErrorText };

const MB = 1024 * 1024;
const showMb = (bytes: number) => `${formatValue(Math.round((bytes / MB) * 10) / 10)} MB`;

/** The unit a criterion's figure is counted in, as shown beside it. */
export function unitLabel(c: Pick<FlowCriterion, 'valueType' | 'unitOfMeasure'>): string {
  return c.valueType === 'percent' ? '%' : (c.unitOfMeasure ?? '');
}

const amount = (value: number, c: Pick<FlowCriterion, 'valueType' | 'unitOfMeasure'>) =>
  `${formatValue(value)} ${unitLabel(c)}`.trim();

export const VIAS: Record<SubmittedVia, string> = CHANNEL_NAMES;

/**
 * A receipt's period now: still taken (it can be revised), locked, or no longer taken by the link
 * though its lock date is still to come (a lock longer than a period: lastDayTaken has passed).
 */
export type ReceiptPeriodState = 'taken' | 'locked' | 'notTaken';

const notOfferedText = (label: string) =>
  `Kỳ ${label} không còn nhận báo cáo qua liên kết này: liên kết chỉ nhận báo cáo kỳ hiện tại và kỳ trước. Nếu cần gửi hay điều chỉnh báo cáo kỳ này, xin đồng chí liên hệ Văn phòng Khối thi đua.`;

export const W = {
  appName: 'Báo cáo tiến độ thi đua',
  pageTitle: (unit: string, period: string) => `Báo cáo ${period} · ${unit}`,
  receiptTitle: (unit: string, period: string) => `Đã gửi báo cáo ${period} · ${unit}`,
  greeting: (name: string, unit: string, bloc: string) => `Đồng chí ${name} · cán bộ đầu mối của ${unit} (${bloc})`,
  privateLink: 'Đây là liên kết riêng của đồng chí: xin không chuyển cho người khác.',
  choosePeriod: 'Kỳ báo cáo',
  choosePeriodPrompt: 'Đồng chí báo cáo cho kỳ nào? Bấm vào kỳ để chọn.',
  periodTag: (which: 'current' | 'previous', reported: boolean, overdue: boolean) =>
    `${which === 'current' ? 'Kỳ hiện tại' : 'Kỳ trước'} · ${reported ? 'đã gửi' : overdue ? 'chưa gửi, quá hạn' : 'chưa gửi'}`,
  dueAndLock: (due: string, lock: string) => `Hạn báo cáo: hết ngày ${due}. Nhận và sửa báo cáo đến hết ngày ${lock}.`,
  history: (revisions: number, at: string, via: string) =>
    revisions > 1
      ? `Đơn vị đã gửi báo cáo kỳ này ${revisions} lần (gần nhất lúc ${at}, ${via}). Đồng chí đang sửa báo cáo; mọi lần gửi đều được lưu lại.`
      : `Đơn vị đã gửi báo cáo kỳ này lúc ${at} (${via}). Đồng chí đang sửa báo cáo; mọi lần gửi đều được lưu lại.`,
  historyNil: 'Bản gửi gần nhất: kỳ này không có gì mới.',
  storedAttachments: (n: number) => `Báo cáo đã có ${n} tệp minh chứng từ các lần gửi trước; các tệp đó vẫn được giữ.`,
  criteriaTitle: 'Số liệu các chỉ tiêu giao ước trong kỳ',
  criteriaHint:
    'Nhập số của đơn vị trong kỳ này; nhập 0 nếu không có. Không dùng dấu chấm phân cách hàng nghìn (viết 1200); số thập phân dùng dấu phẩy (12,5).',
  noCriteria: (year: string) =>
    `Giao ước năm ${year} chưa có chỉ tiêu định lượng; đồng chí chỉ cần nhập các nội dung bên dưới.`,
  criterionLabel: (c: FlowCriterion) => `${c.code}. ${c.title}`,
  criterionUnit: (c: FlowCriterion) =>
    c.valueType === 'percent'
      ? 'Tỷ lệ (%)'
      : `Số ${unitLabel(c) || 'lượng'}${c.valueType === 'count' ? ' (số nguyên)' : ''}`,
  targetLine: (c: FlowCriterion, target: number, total: number) => {
    if (c.valueType === 'percent')
      return `Chỉ tiêu năm: ${formatValue(target)}% · bình quân đến nay: ${formatValue(total)}%`;
    const rate = target > 0 ? ` (${Math.round((total / target) * 100)}%)` : '';
    return `Chỉ tiêu năm: ${amount(target, c)} · lũy kế đến nay: ${amount(total, c)}${rate}`;
  },
  textsTitle: 'Nội dung báo cáo',
  textHints: {
    notableResults: 'Mô hình hay, gương điển hình, hoạt động tiêu biểu (nếu có).',
    difficulties: 'Những khó khăn, vướng mắc của đơn vị trong kỳ (nếu có).',
    proposals: 'Đề xuất, kiến nghị với Khối (nếu có).',
  } as Record<TextField, string>,
  filesTitle: 'Ảnh, tài liệu minh chứng (không bắt buộc)',
  filesHint: (maxFiles: number, maxBytes: number, maxTotal: number) =>
    `Ảnh (JPEG, PNG, WebP, HEIC) hoặc tài liệu (PDF, Word, Excel, OpenDocument); mỗi tệp tối đa ${showMb(maxBytes)}, mỗi lần gửi tối đa ${maxFiles} tệp và tổng cộng không quá ${showMb(maxTotal)}.`,
  chooseFiles: 'Chọn ảnh hoặc tệp',
  keptFilesTitle: 'Tệp đã chọn (sẽ gửi kèm báo cáo):',
  keepFile: 'giữ',
  fileSize: (bytes: number) =>
    bytes >= MB ? showMb(bytes) : `${formatValue(Math.max(1, Math.round(bytes / 1024)))} KB`,
  send: 'Gửi báo cáo',
  sendRevision: (n: number) => `Gửi bản sửa (lần ${n})`,
  sendOver: 'Gửi đè lên bản đã gửi',
  nilTitle: 'Kỳ này đơn vị không có gì mới?',
  nilHint: 'Bấm nút dưới đây để gửi ngay báo cáo "không có gì mới" mà không cần nhập số liệu.',
  nilButton: 'Không có gì mới',
  errorSummary: (n: number) =>
    `Báo cáo chưa được gửi: có ${n} chỗ cần sửa. Những gì đồng chí đã nhập vẫn được giữ ở dưới.`,
  errorLink: (label: string) => label,
  missingValue: 'Xin đồng chí nhập số liệu cho chỉ tiêu này (nhập 0 nếu trong kỳ không có).',
  fileTooBig: (name: string, maxBytes: number) => `Tệp "${name}" lớn hơn ${showMb(maxBytes)} nên không được nhận.`,
  fileBadType: (name: string) =>
    `Tệp "${name}" không phải ảnh (JPEG, PNG, WebP, HEIC) hay tài liệu (PDF, Word, Excel, OpenDocument) nên không được nhận. Hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.`,
  fileEmpty: (name: string) => `Tệp "${name}" trống nên không được nhận.`,
  tooManyFiles: (names: string[], max: number) =>
    `Mỗi lần gửi báo cáo chỉ kèm tối đa ${max} ảnh hoặc tệp, nên các tệp sau không được nhận: ${names.map((n) => `"${n}"`).join(', ')}.`,
  filesKeptNote: 'Các tệp hợp lệ đã chọn được giữ lại (xem danh sách ở mục minh chứng), đồng chí không cần chọn lại.',
  conflictTitle: 'Báo cáo chưa được lưu: đã có bản gửi mới hơn',
  conflict: (c: { who: string; at: string; revision: number; created: boolean; via: string }) =>
    c.created
      ? `Trong lúc đồng chí nhập, ${c.who} đã gửi báo cáo kỳ này lúc ${c.at} (${c.via}).`
      : `Trong lúc đồng chí nhập, ${c.who} đã gửi bản sửa lần ${c.revision - 1} lúc ${c.at} (${c.via}).`,
  conflictKept:
    'Để không ghi đè số liệu đồng chí chưa xem, báo cáo chưa được lưu. Biểu mẫu dưới đây lấy bản đã gửi làm nền và giữ những mục đồng chí đã nhập; xin xem lại rồi bấm "Gửi đè lên bản đã gửi".',
  conflictOverrides: 'Khi gửi, những mục sau sẽ thay nội dung đã gửi:',
  conflictNoOverrides: 'Các mục đồng chí đã nhập không khác bản đã gửi.',
  overrideValue: (c: FlowCriterion, mine: number, stored: number | null) =>
    `${c.code}. ${c.title}: ${amount(mine, c)} (bản đã gửi: ${stored === null ? 'chưa có' : amount(stored, c)})`,
  overrideText: (field: TextField) => `${FIELD_NAMES[field]} (nội dung đồng chí đã nhập)`,
  conflictAuthor: conflictAuthorText,
  lockedTitle: 'Kỳ báo cáo đã khóa sổ',
  locked: (label: string, lockDate: string) =>
    `Kỳ ${label} đã khóa sổ từ hết ngày ${lockDate}, nên không thể gửi hay sửa báo cáo kỳ này. Nếu cần điều chỉnh, xin đồng chí liên hệ Văn phòng Khối thi đua.`,
  notOfferedTitle: 'Kỳ báo cáo không còn nhận qua liên kết',
  notOffered: notOfferedText,
  lockedKept: 'Nội dung đồng chí vừa nhập chưa được lưu và được hiển thị lại dưới đây để đồng chí sao lại nếu cần.',
  lockedView: 'Báo cáo đã gửi của kỳ này (chỉ xem):',
  lockedNoReport: 'Đơn vị không gửi báo cáo cho kỳ này.',
  toCurrent: (label: string) => `Báo cáo kỳ hiện tại: ${label}`,
  alreadyReported: (label: string) =>
    `Kỳ ${label} đã có báo cáo của đơn vị, nên không ghi "Không có gì mới" đè lên. Nếu cần, đồng chí sửa báo cáo ở biểu mẫu dưới đây.`,
  receiptHeading: 'Đã gửi báo cáo',
  /** The receipt's lines; its last one (until when it can be revised) only while the period is taken. */
  receipt: (r: ReceiptFacts, state: ReceiptPeriodState) => {
    const lines = receiptLines(r);
    if (state === 'taken') return lines;
    return [
      ...lines.slice(0, -1),
      state === 'locked' ? `Kỳ này đã khóa sổ từ hết ngày ${r.lockDate}.` : notOfferedText(r.label),
    ];
  },
  receiptVia: (via: string) => `Gửi ${via}.`,
  receiptLabels: {
    unit: 'Đơn vị',
    period: 'Kỳ báo cáo',
    revision: 'Lần gửi',
    at: 'Thời gian',
    state: 'Tình trạng',
    onTime: 'Đúng hạn',
    late: 'Sau hạn',
    files: 'Minh chứng',
    filesCount: (n: number, total: number) =>
      total === 0 ? 'Không có' : n === total ? `${n} tệp` : `${n} tệp mới (báo cáo có ${total} tệp)`,
    lock: 'Khóa sổ',
    lockValue: (date: string) => `hết ngày ${date}`,
  },
  editReport: 'Sửa báo cáo',
  backToForm: 'Về biểu mẫu báo cáo',
  // Pages shown instead of the form.
  unknownTitle: 'Liên kết không đúng',
  unknown:
    'Liên kết báo cáo này không đúng hoặc không còn tồn tại. Xin đồng chí kiểm tra lại liên kết (sao chép đầy đủ), hoặc đề nghị Văn phòng Khối thi đua gửi lại liên kết báo cáo.',
  revokedTitle: 'Liên kết đã bị thu hồi',
  revoked: (at: string) =>
    `Liên kết báo cáo này đã được Văn phòng Khối thi đua thu hồi lúc ${at} và không còn dùng được. Xin đồng chí đề nghị Văn phòng Khối gửi liên kết mới.`,
  leftTitle: 'Không còn nhận báo cáo qua liên kết này',
  left: 'Cán bộ đầu mối của liên kết này đã thôi nhiệm vụ, hoặc đơn vị không còn là thành viên của khối thi đua, nên không nhận báo cáo qua liên kết này. Nếu có nhầm lẫn, xin liên hệ Văn phòng Khối thi đua.',
  tooManyTitle: 'Quá nhiều yêu cầu',
  tooMany: (minutes: number) =>
    `Đã có quá nhiều yêu cầu trong thời gian ngắn nên báo cáo chưa được gửi. Xin đồng chí đợi khoảng ${minutes} phút, bấm nút Quay lại của trình duyệt (nội dung đã nhập vẫn còn trên biểu mẫu) rồi gửi lại.`,
  csrfTitle: 'Biểu mẫu không hợp lệ',
  csrf: 'Biểu mẫu gửi lên không hợp lệ hoặc không được gửi từ trang báo cáo này, nên không có nội dung nào được lưu. Xin đồng chí mở lại liên kết báo cáo và gửi lại.',
  bodyTooBigTitle: 'Tệp gửi lên quá lớn',
  bodyTooBig: (maxBytes: number) =>
    `Tổng dung lượng các tệp gửi cùng lúc vượt quá ${showMb(maxBytes)}, nên báo cáo chưa được gửi. Xin đồng chí quay lại (nút Quay lại của trình duyệt giữ nội dung đã nhập), chọn ít tệp hơn hoặc tệp nhỏ hơn, rồi gửi lại.`,
  badPeriodTitle: 'Kỳ báo cáo không hợp lệ',
  badPeriod:
    'Kỳ báo cáo gửi lên không hợp lệ, nên không có nội dung nào được lưu. Xin đồng chí mở lại liên kết báo cáo.',
  notFoundTitle: 'Không tìm thấy trang',
  notFound: 'Không tìm thấy trang này. Xin đồng chí mở liên kết báo cáo đầy đủ do Văn phòng Khối thi đua gửi.',
  errorTitle: 'Có lỗi xảy ra',
  error:
    'Xin lỗi đồng chí, hệ thống gặp lỗi khi xử lý yêu cầu nên chưa lưu được báo cáo. Xin đồng chí thử lại sau ít phút: nút Quay lại của trình duyệt giữ nội dung đã nhập.',
  openForm: 'Mở biểu mẫu báo cáo',
};

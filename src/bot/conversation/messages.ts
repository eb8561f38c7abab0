// Every text the bot shows, in one place: Vietnamese, polite administrative register, the focal
// point addressed as "đồng chí".
import { formatValue } from '../../core/report-flow/number-input.js';
import {
  CHANNEL_NAMES,
  conflictAuthorText,
  FIELD_NAMES,
  flowErrorText,
  type ReceiptFacts,
  receiptLines,
} from '../../core/report-flow/error-text.js';
import type { FlowCriterion, FlowError, ReportDraft, TextField } from '../../core/report-flow/types.js';

export { FIELD_NAMES };

const FIELD_PROMPTS: Record<TextField, string> = {
  notableResults:
    'Đồng chí nhập các kết quả nổi bật của đơn vị trong kỳ (mô hình hay, gương điển hình, hoạt động tiêu biểu).',
  difficulties: 'Đồng chí nhập những khó khăn, vướng mắc của đơn vị trong kỳ (nếu có).',
  proposals: 'Đồng chí nhập các đề xuất, kiến nghị với Khối (nếu có).',
};

export const BUTTONS = {
  zero: '0',
  keep: (shown: string) => `Giữ nguyên (${shown})`,
  keepText: 'Giữ nguyên',
  skip: 'Bỏ qua',
  clear: 'Để trống',
  nil: 'Không có gì mới',
  attachmentsDone: (n: number) => (n === 0 ? 'Không có, tiếp tục' : `Xong (${n} tệp)`),
  send: 'Gửi báo cáo',
  editMenu: 'Sửa một mục',
  cancel: 'Hủy',
  back: '« Quay lại tóm tắt',
  evidence: 'Ảnh, tài liệu minh chứng',
  editReport: 'Sửa báo cáo này',
  move: (label: string) => `Chuyển sang ${label}`,
  reportFor: (label: string) => `Báo cáo ${label}`,
  rebase: 'Nạp lại trên bản đã gửi',
  privateChat: 'Nhắn riêng cho bot',
};

export const COMMAND_MENU = [
  { command: 'baocao', description: 'Gửi hoặc sửa báo cáo tiến độ kỳ này' },
  { command: 'trangthai', description: 'Xem tình hình báo cáo và kết quả so với chỉ tiêu' },
  { command: 'huy', description: 'Hủy báo cáo đang soạn dở' },
  { command: 'trogiup', description: 'Hướng dẫn sử dụng bot' },
];

export const GROUP_COMMAND_MENU = [{ command: 'trogiup', description: 'Hướng dẫn sử dụng bot của Khối thi đua' }];

/** The Vietnamese explanation of a refused input. */
export function flowError(e: FlowError): string {
  return `⚠️ ${flowErrorText(e)}`;
}

function unitLabel(c: FlowCriterion): string {
  return c.valueType === 'percent' ? '%' : (c.unitOfMeasure ?? '');
}

export const M = {
  notLinked:
    'Tài khoản Telegram của đồng chí chưa được liên kết với cán bộ đầu mối nào. Xin đồng chí mở liên kết mời do Văn phòng Khối thi đua gửi để liên kết tài khoản.',
  focalPointLeft: (name: string, unit: string) =>
    `Đồng chí ${name} đã được ghi nhận thôi làm cán bộ đầu mối của ${unit}, nên không thể gửi báo cáo qua bot. Nếu có nhầm lẫn, xin liên hệ Văn phòng Khối thi đua.`,
  unitNotMember: (unit: string) =>
    `${unit} hiện không còn là đơn vị thành viên của khối thi đua nào, nên bot không nhận báo cáo của đơn vị. Nếu có nhầm lẫn, xin liên hệ Văn phòng Khối thi đua.`,
  greeting: (name: string, unit: string, bloc: string) =>
    `Xin chào đồng chí ${name}!\nTài khoản Telegram của đồng chí đã được liên kết với vai trò cán bộ đầu mối của ${unit} (${bloc}).\n\nĐồng chí dùng /baocao để gửi báo cáo tiến độ mỗi kỳ, /trangthai để xem tình hình báo cáo và kết quả so với chỉ tiêu giao ước, /trogiup để xem hướng dẫn.`,
  welcomeBack: (name: string) =>
    `Xin chào đồng chí ${name}. Đồng chí dùng /baocao để gửi báo cáo, /trogiup để xem hướng dẫn.`,
  inviteUnknown:
    'Mã mời không đúng hoặc không còn tồn tại. Xin đồng chí kiểm tra lại liên kết, hoặc đề nghị Văn phòng Khối thi đua cấp liên kết mới.',
  inviteUsed:
    'Liên kết mời này đã được sử dụng. Mỗi liên kết chỉ dùng được một lần; xin đồng chí đề nghị Văn phòng Khối thi đua cấp liên kết mới.',
  inviteExpired: (date: string) =>
    `Liên kết mời đã hết hạn từ ${date}. Xin đồng chí đề nghị Văn phòng Khối thi đua cấp liên kết mới.`,
  inviteForGroup:
    'Liên kết này dùng để thêm bot vào nhóm của Khối, không dùng để liên kết tài khoản cá nhân. Xin đồng chí mở liên kết và chọn nhóm cần thêm bot.',
  inviteForPerson:
    'Liên kết này dùng để liên kết tài khoản cá nhân của cán bộ đầu mối. Xin đồng chí mở liên kết trong cuộc trò chuyện riêng với bot.',
  inviteFocalPointLeft:
    'Cán bộ đầu mối của liên kết này đã thôi nhiệm vụ, nên không thể liên kết. Xin liên hệ Văn phòng Khối thi đua.',
  groupLinked: (title: string, bloc: string) =>
    `Nhóm "${title}" đã được liên kết với ${bloc}. Bot sẽ gửi bản tin tổng hợp tình hình báo cáo của Khối vào nhóm này.`,
  groupNotLinkedHint: 'Để liên kết nhóm với khối thi đua, xin dùng liên kết mời nhóm do Văn phòng Khối thi đua tạo.',
  groupAlreadyLinked: (title: string, bloc: string) =>
    `Nhóm "${title}" đã được liên kết với ${bloc} từ trước, không cần liên kết lại. Bot vẫn gửi bản tin của Khối vào nhóm này.`,
  groupLinkedElsewhere: (bloc: string) =>
    `Nhóm này đang nhận bản tin của ${bloc}, nên không thể liên kết với khối thi đua khác bằng mã mời này; không có gì thay đổi. Muốn chuyển nhóm sang khối khác, Văn phòng ${bloc} cần ngừng gửi tin vào nhóm trên trang quản trị trước.`,
  groupLinkNotAdmin:
    'Chỉ quản trị viên của nhóm mới liên kết được nhóm với khối thi đua; không có gì thay đổi. Xin đồng chí đề nghị quản trị viên nhóm mở liên kết mời.',
  groupLinkAsChannel:
    'Lệnh gửi dưới danh nghĩa một kênh không liên kết được nhóm; không có gì thay đổi. Xin quản trị viên nhóm gửi lệnh bằng tài khoản của mình hoặc ẩn danh với tư cách quản trị viên nhóm.',
  groupAdminCheckFailed:
    'Bot chưa kiểm tra được đồng chí có phải quản trị viên của nhóm hay không, nên chưa liên kết nhóm. Xin đồng chí gửi lại lệnh sau ít phút; nếu vẫn không được, xin đặt bot làm quản trị viên của nhóm rồi gửi lại.',
  inviteAccountLinkedElsewhere: (name: string, unit: string) =>
    `Tài khoản Telegram này đang được liên kết với cán bộ đầu mối ${name} của ${unit}. Mỗi tài khoản chỉ liên kết với một cán bộ đầu mối, nên bot không đổi liên kết; không có gì thay đổi. Nếu đồng chí đã chuyển nhiệm vụ, xin đề nghị Văn phòng Khối thi đua ghi nhận đồng chí thôi làm cán bộ đầu mối cũ, rồi mở lại liên kết mời này.`,
  groupBrief: (username: string) =>
    `Báo cáo tiến độ chỉ gửi trong cuộc trò chuyện riêng với bot. Xin đồng chí nhắn riêng tại https://t.me/${username}`,
  help: [
    'Hướng dẫn sử dụng bot Khối thi đua:',
    '/baocao: gửi báo cáo tiến độ của đơn vị cho kỳ hiện tại (hoặc kỳ trước khi chưa khóa sổ), hoặc sửa báo cáo đã gửi.',
    '/trangthai: xem đơn vị đã báo cáo kỳ này chưa và kết quả lũy kế từ đầu năm so với chỉ tiêu giao ước.',
    '/huy: hủy báo cáo đang soạn dở.',
    '',
    'Khi báo cáo, bot hỏi lần lượt số liệu từng chỉ tiêu (nhập số, ví dụ 12, không dùng dấu chấm phân cách hàng nghìn), kết quả nổi bật, khó khăn, đề xuất và ảnh minh chứng, rồi cho xem lại trước khi gửi. Nếu kỳ này đơn vị không có gì mới, bấm "Không có gì mới".',
    'Báo cáo dở dang được lưu lại, đồng chí có thể tiếp tục sau bằng /baocao.',
  ].join('\n'),
  hint: 'Đồng chí dùng /baocao để gửi báo cáo, /trangthai để xem tình hình báo cáo, /trogiup để xem hướng dẫn.',
  unknownCommand: 'Bot không có lệnh này. Đồng chí dùng /baocao, /trangthai, /huy hoặc /trogiup.',
  unsupportedMessage: 'Bot chỉ nhận chữ, số, ảnh hoặc tệp tài liệu.',
  attachmentWithoutDraft:
    'Ảnh và tệp minh chứng được gửi kèm khi soạn báo cáo. Đồng chí dùng /baocao để bắt đầu, rồi gửi lại ảnh ở bước minh chứng.',
  attachmentReceived: (kind: 'photo' | 'document', n: number) =>
    `Đã nhận ${kind === 'photo' ? 'ảnh' : 'tệp'} minh chứng (${n} tệp sẽ gửi kèm báo cáo).`,
  stale: 'Nút này thuộc một bước đã qua nên không còn hiệu lực. Xin đồng chí dùng tin nhắn mới nhất.',
  noDraftToCancel: 'Đồng chí không có báo cáo nào đang soạn.',
  cancelled: (label: string, revising: boolean) =>
    `Đã hủy báo cáo đang soạn cho ${label}. Chưa có nội dung nào được gửi.${revising ? ' Báo cáo đã gửi trước đó vẫn giữ nguyên.' : ''}`,
  resume: (label: string) =>
    `Đồng chí đang soạn dở báo cáo ${label}. Xin tiếp tục ở bước dưới đây, hoặc dùng /huy để hủy bản đang soạn.`,
  choosePeriod: (lockDate: string) =>
    `Đồng chí báo cáo cho kỳ nào? Kỳ trước vẫn nhận báo cáo và sửa báo cáo đến hết ngày ${lockDate}.`,
  periodButton: (label: string, reported: boolean) => `${label}${reported ? ' · đã gửi, sửa' : ''}`,
  introNew: (label: string, unit: string, criteria: number, year: string) =>
    criteria > 0
      ? `Báo cáo ${label} của ${unit}.\nBot sẽ hỏi lần lượt ${criteria} chỉ tiêu định lượng, rồi kết quả nổi bật, khó khăn, đề xuất và ảnh minh chứng.`
      : `Báo cáo ${label} của ${unit}.\nGiao ước năm ${year} chưa có chỉ tiêu định lượng, bot sẽ hỏi kết quả nổi bật, khó khăn, đề xuất và ảnh minh chứng.`,
  introEdit: (label: string, unit: string, revision: number, at: string) =>
    `${unit} đã gửi báo cáo ${label} (lần ${revision}, lúc ${at}). Đồng chí đang sửa báo cáo: bấm "Giữ nguyên" để giữ số liệu cũ. Mọi lần gửi đều được lưu lại.`,
  valuePrompt: (c: FlowCriterion, index: number, of: number) =>
    `Chỉ tiêu ${index}/${of}: ${c.code}. ${c.title}\nXin đồng chí nhập ${c.valueType === 'percent' ? 'tỷ lệ (%)' : `số ${unitLabel(c) || 'lượng'}`} của đơn vị trong kỳ${c.valueType === 'count' ? ' (số nguyên)' : ''}, ví dụ: ${c.valueType === 'count' ? '3' : '12,5'}.`,
  textPrompt: (field: TextField, current: string | null) =>
    `${FIELD_NAMES[field]}\n${FIELD_PROMPTS[field]}${current ? `\n\nNội dung hiện có:\n${preview(current, 600)}` : '\nNếu không có, bấm "Bỏ qua".'}`,
  attachmentsPrompt: (stored: number) =>
    `Ảnh, tài liệu minh chứng (không bắt buộc)\nĐồng chí gửi ảnh hoặc tệp (tối đa 10 tệp mỗi lần gửi), xong thì bấm nút bên dưới.${stored > 0 ? `\nBáo cáo đã có ${stored} tệp từ các lần gửi trước; các tệp đó vẫn được giữ.` : ''}`,
  summary: (d: ReportDraft, unit: string) => {
    const lines = [`Xin đồng chí xem lại báo cáo ${d.period.label} của ${unit}:`, ''];
    for (const c of d.criteria) {
      const v = d.values[String(c.id)];
      lines.push(
        `• ${c.code}. ${c.title}: ${v === undefined ? 'chưa nhập' : `${formatValue(v)} ${unitLabel(c)}`.trim()}`,
      );
    }
    for (const field of ['notableResults', 'difficulties', 'proposals'] as const) {
      lines.push(`• ${FIELD_NAMES[field]}: ${d.texts[field] ? preview(d.texts[field], 500) : 'không có'}`);
    }
    const stored = d.base?.attachmentCount ?? 0;
    lines.push(`• Minh chứng: ${d.attachments.length} tệp mới${stored > 0 ? `, ${stored} tệp đã gửi trước` : ''}`);
    lines.push(
      '',
      d.base ? `Bấm "Gửi báo cáo" để gửi bản sửa (lần ${d.base.revision + 1}).` : 'Bấm "Gửi báo cáo" để gửi.',
    );
    return lines.join('\n');
  },
  editMenu: 'Đồng chí muốn sửa mục nào?',
  receipt: (r: ReceiptFacts) => receiptLines(r).join('\n'),
  locked: (label: string, lockDate: string) =>
    `Kỳ ${label} đã khóa sổ từ hết ngày ${lockDate}, nên không thể gửi hay sửa báo cáo kỳ này qua bot. Nếu cần điều chỉnh, xin đồng chí liên hệ Văn phòng Khối thi đua.`,
  /** An older period than the previous one whose lock date is still ahead (the web form's notOffered). */
  notOffered: (label: string) =>
    `Kỳ ${label} không còn nhận báo cáo qua bot: bot chỉ nhận báo cáo kỳ hiện tại và kỳ trước. Nếu cần gửi hay điều chỉnh báo cáo kỳ này, xin đồng chí liên hệ Văn phòng Khối thi đua.`,
  openPeriodsHint: (labels: string[]) =>
    `Đồng chí có thể báo cáo ${labels.join(' hoặc ')}: bấm nút bên dưới, hoặc dùng /baocao.`,
  draftPending: (label: string) => `Đồng chí đang soạn dở báo cáo ${label}.`,
  moved: (label: string) => `Đã chuyển nội dung đồng chí đã nhập sang báo cáo ${label}. Xin tiếp tục ở bước dưới đây.`,
  movedOverrides: (overrides: string[]) =>
    `Kỳ này đơn vị đã có báo cáo; khi gửi, những mục sau sẽ thay nội dung đã gửi:\n${overrides.map((o) => `• ${o}`).join('\n')}`,
  lockedKeepDraft: 'Nội dung đồng chí đã nhập vẫn được giữ: có thể chuyển sang kỳ hiện tại, hoặc hủy.',
  alreadyReported: (label: string) =>
    `Kỳ ${label} đã có báo cáo của đơn vị, nên không ghi "Không có gì mới" đè lên. Đồng chí dùng /baocao để sửa báo cáo nếu cần.`,
  baseConflict: (c: {
    label: string;
    unit: string;
    who: string;
    at: string;
    via: string;
    revision: number;
    created: boolean;
  }) =>
    [
      `⚠️ Bản báo cáo ${c.label} đồng chí đang soạn chưa được lưu.`,
      c.created
        ? `Trong lúc đồng chí soạn, ${c.who} đã gửi báo cáo kỳ này của ${c.unit} lúc ${c.at} (${c.via}).`
        : `Trong lúc đồng chí soạn, ${c.who} đã gửi bản sửa lần ${c.revision - 1} báo cáo kỳ này của ${c.unit} lúc ${c.at} (${c.via}).`,
      'Để không ghi đè số liệu đồng chí chưa xem, bot giữ nguyên bản đang soạn. Đồng chí có thể nạp lại: bot lấy báo cáo đã gửi làm nền, giữ những mục đồng chí đã nhập, rồi cho xem lại trước khi gửi. Hoặc hủy bản đang soạn.',
    ].join('\n'),
  conflictAuthor: conflictAuthorText,
  channel: CHANNEL_NAMES,
  rebased: (label: string, revision: number, overrides: string[]) =>
    [
      `Đã nạp lại báo cáo ${label} trên bản đã gửi (lần ${revision}): các mục đồng chí đã nhập được giữ, các mục khác lấy theo bản đã gửi.`,
      overrides.length > 0
        ? `Khi gửi, những mục sau sẽ thay nội dung đã gửi:\n${overrides.map((o) => `• ${o}`).join('\n')}`
        : 'Các mục đồng chí đã nhập không khác bản đã gửi.',
    ].join('\n'),
  overrideValue: (c: FlowCriterion, mine: number, stored: number | null) =>
    `${c.code}. ${c.title}: ${`${formatValue(mine)} ${unitLabel(c)}`.trim()} (bản đã gửi: ${stored === null ? 'chưa có' : `${formatValue(stored)} ${unitLabel(c)}`.trim()})`,
  overrideText: (field: TextField) => `${FIELD_NAMES[field]} (nội dung đồng chí đã nhập)`,
  draftBusy: (label: string) =>
    `Đồng chí đang soạn dở báo cáo ${label}. Xin gửi hoặc hủy (/huy) báo cáo đó trước khi bắt đầu báo cáo khác.`,
  statusHeader: (unit: string, bloc: string, at: string) => `Tình hình báo cáo của ${unit} (${bloc}), lúc ${at}:`,
  statusPeriod: (
    which: 'current' | 'previous',
    label: string,
    r: {
      status: 'reported' | 'nil' | 'late' | 'missing';
      isNil: boolean;
      at: string | null;
      revision: number | null;
      dueDate: string;
    },
  ) => {
    const head = `${which === 'current' ? 'Kỳ hiện tại' : 'Kỳ trước'}: ${label}`;
    const edits = r.revision && r.revision > 1 ? `, đã sửa ${r.revision - 1} lần` : '';
    const what = r.isNil ? ' (không có gì mới)' : '';
    switch (r.status) {
      case 'missing':
        return `${head}
❌ Chưa báo cáo; hạn hết ngày ${r.dueDate}. Đồng chí dùng /baocao để gửi.`;
      case 'late':
        return `${head}
⏰ Đã báo cáo sau hạn, lúc ${r.at}${what}${edits}.`;
      default:
        return `${head}
✅ Đã báo cáo đúng hạn, lúc ${r.at}${what}${edits}.`;
    }
  },
  statusBlocRate: (received: number, expected: number) =>
    `Cả Khối: ${received}/${expected} đơn vị đã gửi báo cáo kỳ hiện tại.`,
  statusYearHeader: (year: string) => `Kết quả lũy kế năm ${year} so với chỉ tiêu giao ước:`,
  statusYearLine: (p: {
    code: string;
    title: string;
    total: number;
    target: number;
    unit: string | null;
    percent: boolean;
  }) => {
    if (p.percent)
      return `• ${p.code}. ${p.title}: bình quân ${formatValue(p.total)}% (chỉ tiêu ${formatValue(p.target)}%)`;
    const amount = [`${formatValue(p.total)}/${formatValue(p.target)}`, p.unit].filter(Boolean).join(' ');
    const rate = p.target > 0 ? ` (${Math.round((p.total / p.target) * 100)}%)` : '';
    return `• ${p.code}. ${p.title}: ${amount}${rate}`;
  },
  statusNoCovenant: (year: string) => `Giao ước thi đua năm ${year} của Khối chưa có chỉ tiêu định lượng.`,
  internalError:
    'Xin lỗi đồng chí, bot gặp lỗi khi xử lý yêu cầu. Nội dung đã nhập vẫn được giữ; xin đồng chí thử lại sau ít phút.',
};

/** At most `max` characters of a text, cut at a word with an ellipsis. */
export function preview(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

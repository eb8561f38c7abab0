// The Zalo bot's own words where Telegram's catalogue (src/bot/conversation/messages.ts) speaks of
// buttons or of Telegram: Zalo has neither, so every choice is typed. Vietnamese, "đồng chí".
import type { FlowError } from '../../../core/report-flow/types.js';
import { flowError, M } from '../../conversation/messages.js';

/** Telegram's 'bấm "X"' (press X) becomes 'gõ "x"' (type x). */
export const typed = (text: string) =>
  text.replace(
    /([Bb])ấm "([^"]+)"/g,
    (_, b: string, label: string) => `${b === 'B' ? 'G' : 'g'}õ "${label.toLowerCase()}"`,
  );

export const Z = {
  notLinked:
    'Tài khoản Zalo của đồng chí chưa được liên kết với cán bộ đầu mối nào. Xin đồng chí gửi cho bot mã liên kết do Văn phòng Khối thi đua cấp (ví dụ: /start ABC123).',
  greeting: (name: string, unit: string, bloc: string) =>
    `Xin chào đồng chí ${name}!\nTài khoản Zalo của đồng chí đã được liên kết với vai trò cán bộ đầu mối của ${unit} (${bloc}).\n\nĐồng chí gõ /baocao để gửi báo cáo tiến độ mỗi kỳ, /trangthai để xem tình hình báo cáo và kết quả so với chỉ tiêu giao ước, /trogiup để xem hướng dẫn.`,
  welcomeBack: (name: string) =>
    `Xin chào đồng chí ${name}. Đồng chí gõ /baocao để gửi báo cáo, /trogiup để xem hướng dẫn.`,
  inviteUnknown:
    'Mã liên kết không đúng hoặc không còn tồn tại. Xin đồng chí kiểm tra lại mã, hoặc đề nghị Văn phòng Khối thi đua cấp mã mới.',
  inviteUsed:
    'Mã liên kết này đã được sử dụng. Mỗi mã chỉ dùng được một lần; xin đồng chí đề nghị Văn phòng Khối thi đua cấp mã mới.',
  inviteExpired: (date: string) =>
    `Mã liên kết đã hết hạn từ ${date}. Xin đồng chí đề nghị Văn phòng Khối thi đua cấp mã mới.`,
  inviteForGroup:
    'Mã này dùng để liên kết nhóm Telegram của Khối; bot Zalo không tham gia nhóm. Xin đồng chí dùng mã liên kết cá nhân.',
  accountLinkedElsewhere: (name: string, unit: string) =>
    `Tài khoản Zalo này đang được liên kết với cán bộ đầu mối ${name} của ${unit}. Mỗi tài khoản chỉ liên kết với một cán bộ đầu mối, nên bot không đổi liên kết; không có gì thay đổi. Nếu đồng chí đã chuyển nhiệm vụ, xin đề nghị Văn phòng Khối thi đua ghi nhận đồng chí thôi làm cán bộ đầu mối cũ, rồi gửi lại mã này.`,
  groupRefused: 'Bot của Khối thi đua chỉ làm việc trong cuộc trò chuyện riêng. Xin đồng chí nhắn riêng cho bot.',
  help: [
    'Hướng dẫn sử dụng bot Khối thi đua trên Zalo:',
    '/baocao: gửi báo cáo tiến độ của đơn vị cho kỳ hiện tại (hoặc kỳ trước khi chưa khóa sổ), hoặc sửa báo cáo đã gửi.',
    '/trangthai: xem đơn vị đã báo cáo kỳ này chưa và kết quả lũy kế từ đầu năm so với chỉ tiêu giao ước.',
    '/khongmoi: báo cáo kỳ này đơn vị không có gì mới.',
    '/huy: hủy báo cáo đang soạn dở.',
    '/bantin: nhận bản tin tổng hợp hằng kỳ của Khối qua Zalo (gõ /bantin tat để thôi nhận).',
    '',
    'Khi báo cáo, bot hỏi lần lượt số liệu từng chỉ tiêu (nhập số, ví dụ 12), kết quả nổi bật, khó khăn, đề xuất và ảnh minh chứng, rồi cho xem lại trước khi gửi. Zalo không có nút bấm: đồng chí gõ số thứ tự hoặc từ được gợi ý (có dấu hay không dấu đều được).',
    'Báo cáo dở dang được lưu lại, đồng chí có thể tiếp tục sau bằng /baocao.',
  ].join('\n'),
  hint: 'Đồng chí gõ /baocao để gửi báo cáo, /trangthai để xem tình hình báo cáo, /trogiup để xem hướng dẫn.',
  unsupported: 'Bot chỉ nhận chữ, số và ảnh.',
  photoWithoutDraft:
    'Ảnh minh chứng được gửi kèm khi soạn báo cáo. Đồng chí gõ /baocao để bắt đầu, rồi gửi lại ảnh ở bước minh chứng.',
  photoNotAtStep: 'Bot chỉ nhận ảnh ở bước minh chứng. Xin đồng chí trả lời câu hỏi dưới đây trước.',
  photoNotYet:
    'Bot Zalo chưa nhận được ảnh minh chứng. Xin đồng chí gửi ảnh qua biểu mẫu báo cáo trên web (liên kết cá nhân do Văn phòng Khối thi đua cấp), hoặc gõ 1 để tiếp tục không có ảnh.',
  photoFailed: 'Bot chưa tải được ảnh này từ Zalo. Xin đồng chí gửi lại ảnh.',
  chooseAgain: 'Bot chưa hiểu lựa chọn này. Xin đồng chí gõ một trong các lựa chọn dưới đây.',
  choosePeriod: (lockDate: string) => typed(M.choosePeriod(lockDate)),
  draftNotTaken: (label: string) =>
    `Báo cáo ${label} đang soạn dở không còn gửi được vì kỳ đã khóa sổ. Nội dung đồng chí đã nhập vẫn được giữ: gõ /chuyenky để chuyển sang kỳ hiện tại, hoặc /huy để hủy bản đang soạn.`,
  conflictHint:
    'Để không ghi đè số liệu đồng chí chưa xem, bot giữ nguyên bản đang soạn. Đồng chí gõ /naplai để nạp lại: bot lấy báo cáo đã gửi làm nền, giữ những mục đồng chí đã nhập, rồi cho xem lại trước khi gửi. Hoặc gõ /huy để hủy bản đang soạn.',
  nothingToReload: 'Không có bản đang soạn để nạp lại. Đồng chí gõ /baocao để bắt đầu.',
  nothingToMove: 'Không có bản đang soạn của kỳ đã khóa sổ để chuyển. Đồng chí gõ /baocao để tiếp tục.',
  digestOn: (bloc: string) =>
    `Đồng chí sẽ nhận bản tin tổng hợp hằng kỳ của ${bloc} qua tin nhắn riêng (bot Zalo không tham gia nhóm). Gõ /bantin tat để thôi nhận.`,
  digestAlreadyOn: 'Đồng chí đã đăng ký nhận bản tin tổng hợp. Gõ /bantin tat để thôi nhận.',
  digestOff: 'Đồng chí đã thôi nhận bản tin tổng hợp qua tin nhắn riêng. Gõ /bantin để nhận lại.',
  digestWasOff: 'Đồng chí chưa đăng ký nhận bản tin tổng hợp. Gõ /bantin để đăng ký.',
  periodUnknown: (typed: string, example: string) =>
    `Bot không nhận ra kỳ báo cáo "${typed}". Xin đồng chí gõ /khongmoi để báo cho kỳ hiện tại, hoặc ghi kỳ như trong lời nhắc (ví dụ: /khongmoi ${example}).`,
  emptyText: '⚠️ Nội dung trống. Xin đồng chí nhập nội dung, hoặc gõ một trong các lựa chọn bên dưới.',
  nilNotOffered:
    'Bản đang soạn đã có nội dung, nên không ghi "Không có gì mới". Đồng chí gõ /huy nếu muốn hủy bản đang soạn.',
};

/** A refused answer, in Zalo's words where Telegram's speak of buttons. */
export function zaloFlowError(e: FlowError): string {
  return e.code === 'empty_text' ? Z.emptyText : flowError(e);
}

/** Something typed by a person not linked yet that looks like an invite code ('fp_…', 'ABC123'), not a word ('Alo'). */
export function looksLikeCode(text: string): boolean {
  return /^[A-Za-z0-9_-]{4,64}$/.test(text) && /[_\d]/.test(text);
}

// The admin's words about e-mail: a focal point's address, the recipient's "no more mail", the test
// mail and each person's delivery state on the "Thư điện tử" tab.

import type { EmailAddressProblem } from '../../core/email-address.js';

export const emailAdminText = {
  sectionTitle: 'Thư điện tử',
  explain:
    'Tin nhắc, bản tin và thông báo được gửi tới địa chỉ này khi thư điện tử đứng đầu thứ tự kênh nhận tin của cán bộ (hoặc cán bộ không có kênh nào khác). Mỗi thư nhắc mang liên kết báo cáo cá nhân của chính cán bộ.',
  address: 'Địa chỉ thư điện tử',
  addressHint: 'Ví dụ: nguyenvanan@hoinongdan.soctrang.gov.vn',
  none: 'Chưa có địa chỉ thư điện tử.',
  save: 'Lưu địa chỉ',
  remove: 'Xóa địa chỉ',
  removeConfirm: 'Xóa địa chỉ thư điện tử của cán bộ? Cán bộ sẽ không nhận thư nữa.',
  problems: {
    empty: 'Chưa nhập địa chỉ thư điện tử.',
    shape: 'Địa chỉ thư điện tử không đúng dạng (ví dụ: nguyenvanan@hoinongdan.soctrang.gov.vn).',
    tooLong: 'Địa chỉ thư điện tử quá dài (tối đa 254 ký tự).',
    domain: 'Tên miền trong địa chỉ không đúng (phần sau dấu @, ví dụ: soctrang.gov.vn).',
  } satisfies Record<EmailAddressProblem, string>,
  taken: (name: string) =>
    `Địa chỉ này đang là địa chỉ nhận thư của đồng chí ${name}. Mỗi địa chỉ chỉ thuộc về một cán bộ, vì thư nhắc mang liên kết báo cáo cá nhân của người nhận. Không có thay đổi nào được lưu.`,
  unsubscribed: (at: string) =>
    `Người nhận đã bấm «Ngừng nhận thư» lúc ${at}: hệ thống không gửi thư tới địa chỉ này nữa. Hãy liên hệ cán bộ; nếu cán bộ đồng ý nhận thư trở lại, chọn «Gửi thư trở lại».`,
  resume: 'Gửi thư trở lại',
  off: 'Máy chủ chưa bật gửi thư (chưa đặt SMTP_URL): địa chỉ được lưu nhưng chưa có thư nào được gửi.',
  // The "Thư điện tử" tab under "Gửi tin".
  tabTitle: 'Thư điện tử',
  tabIntro:
    'Thư được gửi qua máy chủ thư của cơ quan (SMTP). Bảng dưới đây cho biết địa chỉ của từng cán bộ đầu mối, thư cuối cùng đã gửi được và lỗi gần nhất mà máy chủ thư trả lời.',
  sender: (from: string) => `Thư được gửi từ: ${from}`,
  testTitle: 'Gửi thư thử',
  testExplain: 'Gửi ngay một thư thử để kiểm tra cấu hình máy chủ thư. Thư thử không qua hàng đợi.',
  testTo: 'Gửi tới địa chỉ',
  testSend: 'Gửi thư thử',
  testSent: (to: string) => `Máy chủ thư đã nhận thư thử gửi tới ${to}. Xin kiểm tra hộp thư (cả thư mục thư rác).`,
  testFailed: (error: string) => `Không gửi được thư thử. Máy chủ thư trả lời: ${error}`,
  colPerson: 'Cán bộ đầu mối',
  colUnit: 'Đơn vị',
  colAddress: 'Địa chỉ',
  colState: 'Trạng thái',
  colLastSent: 'Thư cuối đã gửi',
  colLastError: 'Lỗi gần nhất',
  noAddress: 'chưa có địa chỉ',
  never: 'chưa có',
  failedForGood: 'không gửi được',
  willRetry: 'sẽ thử lại',
  states: { linked: 'Đang nhận thư', blocked: 'Không nhận thư', unsubscribed: 'Đã yêu cầu ngừng nhận thư' } as Record<
    string,
    string
  >,
};

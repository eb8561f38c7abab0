// Texts of the admin's frame: names, navigation, sign-in, errors and notices.

import type { AdminRole, RotationPolicy } from '../../db/schema.js';

export const appName = 'Khối thi đua';

export const roleNames: Record<AdminRole, string> = {
  province_admin: 'Quản trị cấp tỉnh (Ban Thi đua - Khen thưởng)',
  bloc_admin: 'Quản trị khối (Văn phòng Khối trưởng)',
  viewer: 'Chỉ xem',
};

export const policyNames: Record<RotationPolicy, string> = {
  agreed_order: 'Luân phiên theo thứ tự đã thống nhất',
  deputy_becomes_chair: 'Khối phó năm nay làm Khối trưởng năm sau',
  explicit: 'Hội nghị bầu chọn trực tiếp',
};

export const common = {
  save: 'Lưu',
  cancel: 'Hủy',
  back: 'Quay lại',
  edit: 'Sửa',
  add: 'Thêm',
  yes: 'Có',
  no: 'Không',
  none: '—',
  search: 'Lọc',
  all: 'Tất cả',
  required: 'Vui lòng nhập thông tin này.',
  tooLong: (max: number) => `Tối đa ${max} ký tự.`,
  badDate: 'Ngày phải là một ngày có thật, ghi dạng dd/mm/yyyy, ví dụ 13/03/2024.',
  badInt: (min: number, max: number) => `Vui lòng nhập số nguyên từ ${min} đến ${max}.`,
  badNumber: 'Vui lòng nhập một số không âm, ví dụ 10 hoặc 2,5.',
  groupedNumber: (suggestion: string) =>
    `Xin nhập số không có dấu phân cách hàng nghìn, ví dụ ${suggestion}; số thập phân dùng dấu phẩy, ví dụ 2,5.`,
  badChoice: 'Vui lòng chọn một giá trị trong danh sách.',
  badTime: 'Giờ phải có dạng GG:PP, ví dụ 08:00.',
  formHasErrors: 'Thông tin chưa hợp lệ, xin vui lòng xem các ô được đánh dấu bên dưới.',
  working: 'Đang xử lý, xin vui lòng chờ…',
  demo: 'dữ liệu mẫu',
  datePlaceholder: 'dd/mm/yyyy',
  page: (n: number, of: number) => `Trang ${n}/${of}`,
  prev: '‹ Trước',
  next: 'Sau ›',
};

export const nav = {
  blocs: 'Các khối',
  holidays: 'Ngày nghỉ lễ',
  users: 'Tài khoản',
  audit: 'Nhật ký thay đổi',
  dashboard: 'Tổng quan',
  reports: 'Báo cáo',
  units: 'Đơn vị',
  focalPoints: 'Cán bộ đầu mối',
  import: 'Nhập danh sách',
  chair: 'Khối trưởng',
  covenant: 'Giao ước',
  schedule: 'Lịch báo cáo',
  delivery: 'Gửi tin',
  digests: 'Bản tin',
  summaries: 'Tổng kết',
  password: 'Đổi mật khẩu',
  logout: 'Đăng xuất',
  menu: 'Danh mục',
  signedInAs: 'Đăng nhập:',
};

export const auth = {
  loginTitle: 'Đăng nhập',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  submit: 'Đăng nhập',
  intro: 'Trang quản trị dành cho Văn phòng Khối trưởng và Ban Thi đua - Khen thưởng tỉnh.',
  wrong: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  throttled: (minutes: number) =>
    `Đăng nhập sai quá nhiều lần. Để bảo vệ tài khoản, xin vui lòng thử lại sau ${minutes} phút.`,
  expiredForm: 'Phiên đăng nhập của trang đã hết hạn, xin vui lòng đăng nhập lại.',
  loggedOut: 'Đồng chí đã đăng xuất.',
  passwordTitle: 'Đổi mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  confirmPassword: 'Nhập lại mật khẩu mới',
  passwordHint: 'Ít nhất 10 ký tự.',
  passwordTooShort: 'Mật khẩu mới phải có ít nhất 10 ký tự.',
  passwordTooLong: 'Mật khẩu tối đa 200 ký tự.',
  passwordMismatch: 'Hai lần nhập mật khẩu mới không khớp nhau.',
  passwordSameAsOld: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  currentWrong: 'Mật khẩu hiện tại không đúng.',
  passwordChanged: 'Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã được kết thúc.',
};

export const errors = {
  notFoundTitle: 'Không tìm thấy trang',
  notFound: 'Trang hoặc dữ liệu đồng chí tìm không có, hoặc đồng chí không có quyền xem.',
  forbiddenTitle: 'Không có quyền',
  forbidden: 'Tài khoản của đồng chí không có quyền thực hiện thao tác này.',
  csrf: 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Xin vui lòng tải lại trang và thử lại.',
  serverTitle: 'Có lỗi xảy ra',
  server: 'Hệ thống gặp lỗi khi xử lý yêu cầu. Không có thay đổi nào được lưu. Xin vui lòng thử lại sau ít phút.',
  tooLarge: 'Tệp hoặc biểu mẫu gửi lên quá lớn.',
  home: 'Về trang chủ',
};

/** Notices shown after a redirect; the query string names one by key, never carries text. */

export const notices = {
  saved: 'Đã lưu thay đổi.',
  created: 'Đã thêm mới.',
  loggedOut: auth.loggedOut,
  passwordChanged: auth.passwordChanged,
  unitCreated: 'Đã thêm đơn vị vào Khối.',
  unitLeft: 'Đã ghi nhận ngày đơn vị rời Khối.',
  focalPointCreated:
    'Đã thêm cán bộ đầu mối. Mã mời kết nối Telegram và liên kết báo cáo cá nhân đã được tạo bên dưới.',
  personalLinkIssued: 'Đã cấp liên kết báo cáo cá nhân; liên kết cũ (nếu có) đã ngừng hoạt động.',
  personalLinkRevoked: 'Đã thu hồi liên kết báo cáo cá nhân; liên kết đó không còn dùng được.',
  channelPreferred: 'Đã đổi thứ tự kênh nhận tin: tin mới được gửi qua kênh đứng đầu.',
  emailSaved: 'Đã lưu địa chỉ thư điện tử của cán bộ.',
  emailRemoved: 'Đã xóa địa chỉ thư điện tử của cán bộ.',
  emailResumed: 'Địa chỉ thư điện tử nhận thư trở lại.',
  focalPointDeactivated: 'Đã ngừng theo dõi cán bộ đầu mối này; lịch sử báo cáo vẫn được giữ nguyên.',
  inviteCreated: 'Đã tạo mã mời mới.',
  imported: 'Đã nhập danh sách.',
  handedOver: 'Đã bàn giao Khối trưởng cho năm mới.',
  copied: 'Đã sao chép các chỉ tiêu của năm trước.',
  requeued: 'Tin nhắn đã được đưa lại vào hàng đợi gửi.',
  deleted: 'Đã xóa.',
  holidaysSaved: 'Đã lưu ngày nghỉ lễ.',
  passwordReset: 'Đã đặt lại mật khẩu; các phiên đăng nhập của tài khoản đã được kết thúc.',
  groupInviteCreated:
    'Đã tạo liên kết mời nhóm. Gửi liên kết hoặc mã QR bên dưới cho quản trị viên nhóm Telegram của Khối.',
  groupDeactivated: 'Đã ngừng gửi tin vào nhóm này; các tin đang chờ gửi vào nhóm đã được hủy.',
  groupInviteRevoked: 'Đã thu hồi liên kết mời nhóm; liên kết đó không còn dùng được.',
  broadcastQueued: 'Đã xếp hàng thông báo; tin đang được gửi dần đến từng người nhận.',
  scoreAdjusted: 'Đã ghi điểm; bảng điểm đã được tính lại.',
  scoreRemoved: 'Đã xóa mục điểm; bảng điểm đã được tính lại.',
  assessed: 'Đã lưu đánh giá; bảng điểm đã được tính lại.',
  broadcastDuplicate: 'Thông báo này đã được gửi từ trước (biểu mẫu được gửi hai lần); không gửi lặp lại.',
} as const;

export type NoticeKey = keyof typeof notices;

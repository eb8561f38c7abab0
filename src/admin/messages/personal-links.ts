// Texts of the personal report links: the section on a focal point's page and the list of focal
// points whom the reminders cannot reach by Telegram.

export const personalLinkText = {
  title: 'Liên kết báo cáo cá nhân',
  explain:
    'Cán bộ mở liên kết này bằng trình duyệt trên bất kỳ điện thoại hay máy tính nào để gửi báo cáo tiến độ của đơn vị, không cần Telegram. Có thể gửi liên kết qua Zalo, tin nhắn hoặc thư điện tử.',
  keepPrivate:
    'Ai có liên kết đều gửi được báo cáo dưới tên cán bộ này: chỉ gửi cho chính cán bộ, không đăng lên nhóm chung.',
  field: 'Liên kết',
  copy: 'Sao chép',
  copied: 'Đã sao chép',
  copyFailed: 'Không sao chép được; xin bôi đen và sao chép thủ công.',
  selectHint: 'Bấm vào ô để chọn toàn bộ liên kết rồi sao chép.',
  qrAlt: (name: string) => `Mã QR liên kết báo cáo cá nhân của ${name}`,
  createdAt: (when: string, by: string) => `Cấp lúc ${when} (${by}).`,
  lastUsed: (when: string) => `Dùng lần gần nhất lúc ${when}.`,
  neverUsed: 'Chưa được dùng lần nào.',
  bySystem: 'tự động',
  reissue: 'Cấp lại liên kết',
  reissueWarning: 'Cấp lại: liên kết cũ ngừng hoạt động ngay lập tức; cán bộ phải dùng liên kết mới.',
  reissueConfirm: 'Liên kết cũ sẽ ngừng hoạt động ngay. Cấp liên kết mới cho cán bộ này?',
  revoke: 'Thu hồi liên kết',
  revokeWarning:
    'Thu hồi: liên kết ngừng hoạt động; cho đến khi được cấp liên kết mới, cán bộ chỉ gửi được báo cáo qua ứng dụng nhắn tin đã kết nối (Telegram, Zalo), không qua thư điện tử.',
  revokeConfirm: 'Liên kết sẽ ngừng hoạt động ngay. Thu hồi liên kết của cán bộ này?',
  issue: 'Cấp liên kết',
  none: 'Cán bộ chưa có liên kết báo cáo cá nhân đang hoạt động.',
  revokedAt: (when: string, by: string) => `Liên kết trước đã bị thu hồi lúc ${when} (${by}).`,
  secretChanged:
    'Không hiển thị lại được liên kết hiện tại vì khóa bí mật của máy chủ (PERSONAL_LINK_SECRET) đã thay đổi. Liên kết cũ vẫn hoạt động nếu cán bộ còn giữ; hãy cấp lại liên kết để có liên kết mới hiển thị được.',
  forEditorsOnly:
    'Chỉ quản trị viên của Khối xem được liên kết báo cáo cá nhân, vì ai có liên kết đều gửi được báo cáo dưới tên cán bộ này.',
  left: 'Cán bộ đã nghỉ: liên kết báo cáo cá nhân đã bị thu hồi.',
  leftRefused:
    'Cán bộ này đã nghỉ; không thể cấp liên kết báo cáo cá nhân. Nếu cán bộ trở lại làm đầu mối, xin thêm lại cán bộ trên trang Cán bộ đầu mối.',
  noPublicUrl:
    'Máy chủ chưa đặt PUBLIC_URL nên liên kết dùng địa chỉ trang quản trị đang mở. Nếu cán bộ ở ngoài cơ quan không mở được, xin báo quản trị kỹ thuật đặt PUBLIC_URL.',
};

export const unreachableText = {
  title: 'Chưa nhận được nhắc nhở tự động',
  intro:
    'Cán bộ đầu mối của các đơn vị chưa gửi báo cáo mà nhắc nhở tự động không đến được qua kênh nào của hệ thống (Telegram, thư điện tử…). Xin chuyển cho từng đồng chí tin nhắn bên dưới (kèm liên kết báo cáo cá nhân) qua Zalo, tin nhắn điện thoại hoặc thư điện tử.',
  introViewer:
    'Cán bộ đầu mối của các đơn vị chưa gửi báo cáo mà nhắc nhở tự động không đến được qua kênh nào của hệ thống (Telegram, thư điện tử…). Liên kết báo cáo cá nhân chỉ hiển thị cho quản trị viên của Khối.',
  remindersOff: 'Nhắc nhở tự động của Khối đang tắt; danh sách tính theo lịch nhắc đã đặt.',
  periodFacts: (deadline: string, lock: string) => `Hạn báo cáo: ${deadline}. Khóa kỳ: ${lock}.`,
  nobody: 'Không có ai: mọi đơn vị chưa báo cáo đều nhận được nhắc nhở tự động.',
  noPeriods: 'Hiện chưa có kỳ báo cáo nào đến lúc nhắc nhở.',
  colUnit: 'Đơn vị',
  colPerson: 'Cán bộ đầu mối',
  colPhone: 'Điện thoại',
  colReason: 'Lý do',
  colMessage: 'Tin nhắn để chuyển',
  colLink: 'Liên kết báo cáo cá nhân',
  reasons: {
    not_linked: 'chưa có kênh nhận tin',
    no_focal_point: 'chưa có cán bộ đầu mối',
    blocked: 'đã chặn bot',
    not_started: 'chưa bấm «Bắt đầu» với bot',
    deactivated: 'tài khoản Telegram không còn hoạt động',
    chat_not_found: 'không tìm thấy cuộc trò chuyện Telegram',
    forbidden: 'Telegram không cho gửi tin',
  } as Record<string, string>,
  lastFailed: (when: string) => `tin gần nhất không gửi được lúc ${when}`,
  addFocalPoint: 'Thêm cán bộ đầu mối',
  noLink: 'Chưa có liên kết: cấp liên kết trên trang cán bộ',
  linkUnavailable: 'Không hiển thị được liên kết: cấp lại trên trang cán bộ',
  messageLabel: (name: string) => `Tin nhắn gửi ${name}`,
  openFocalPoint: 'Trang cán bộ',
  dashboardLink:
    'Cán bộ đầu mối chưa nhận được nhắc nhở tự động: liên kết báo cáo cá nhân để chuyển qua Zalo, tin nhắn điện thoại',
};

/** The ready-to-paste message the secretariat passes on by Zalo or e-mail. */
export function personalLinkMessage(m: {
  blocName: string;
  focalPointName: string;
  unitName: string;
  periodLabel: string;
  /** 'hết ngày 01/12/2026': the last day a report is on time. */
  dueDay: string;
  overdue: boolean;
  link: string;
}): string {
  const ask = m.overdue
    ? `Đã quá hạn báo cáo tiến độ ${m.periodLabel} (hạn: ${m.dueDay}) nhưng Khối chưa nhận được báo cáo của ${m.unitName}.`
    : `Đơn vị ${m.unitName} chưa gửi báo cáo tiến độ ${m.periodLabel}. Hạn báo cáo: ${m.dueDay}.`;
  return [
    `[${m.blocName}]`,
    `Kính gửi đồng chí ${m.focalPointName},`,
    ask,
    'Đồng chí có thể gửi báo cáo ngay trên điện thoại qua liên kết cá nhân dưới đây (không cần Telegram). Nếu trong kỳ đơn vị không có kết quả mới, đồng chí bấm nút «Không có gì mới» trên trang báo cáo.',
    m.link,
    'Liên kết này dành riêng cho đồng chí, xin không chuyển cho người khác. Trân trọng cảm ơn đồng chí.',
  ].join('\n');
}

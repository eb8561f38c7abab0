// Texts of the delivery, Telegram group, announcement and digest pages.

export const deliveryText = {
  title: 'Tình hình gửi tin',
  intro: 'Các tin nhắc nhở, chuyển cấp, bản tin và thông báo được xếp hàng rồi gửi dần theo giới hạn của Telegram.',
  queued: 'Đang chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Không gửi được',
  oldestQueued: (when: string) => `Tin chờ lâu nhất được xếp hàng lúc ${when}.`,
  reasonsTitle: 'Lý do không gửi được',
  colReason: 'Lý do',
  colCount: 'Số tin',
  colAction: 'Cách khắc phục',
  failedTitle: 'Các tin không gửi được gần đây',
  noFailed: 'Không có tin nào bị lỗi.',
  colKind: 'Loại tin',
  colTo: 'Người nhận',
  colCreated: 'Xếp hàng lúc',
  colError: 'Chi tiết',
  colAttempts: 'Số lần thử',
  kinds: {
    reminder: 'Nhắc nhở',
    escalation: 'Chuyển cấp',
    digest: 'Bản tin kỳ',
    summary_mid_year: 'Sơ kết 6 tháng',
    summary_annual: 'Tổng kết năm',
    broadcast: 'Thông báo',
  } as Record<string, string>,
  group: 'Nhóm',
  resend: 'Gửi lại',
  resendConfirm: 'Đưa tin này vào hàng đợi gửi lại?',
  notFailedAnymore: 'Tin này không còn ở trạng thái lỗi.',
  resendPeriodClosed: (period: string, lastDay: string) =>
    `Không gửi lại tin này: tin nhắc báo cáo ${period}, nhưng kỳ này đã ngừng nhận báo cáo qua bot và liên kết cá nhân sau ngày ${lastDay}. Tin vẫn được giữ ở trạng thái không gửi được.`,
  resendNoPeriod:
    'Không gửi lại tin này: không xác định được tin nhắc báo cáo kỳ nào, nên không biết kỳ đó còn nhận báo cáo hay không. Tin vẫn được giữ ở trạng thái không gửi được.',
  tabs: {
    status: 'Tình hình gửi',
    broadcasts: 'Gửi thông báo',
    groups: 'Nhóm Telegram',
    unreachable: 'Chưa nhận được tin',
    email: 'Thư điện tử',
  },
  tabsLabel: 'Các trang gửi tin',
};

export const groupsText = {
  title: 'Nhóm Telegram của Khối',
  intro:
    'Bản tin tổng hợp, sơ kết, tổng kết và thông báo của Khối được gửi vào các nhóm Telegram đã liên kết dưới đây.',
  colTitle: 'Tên nhóm',
  colLinked: 'Liên kết lúc',
  colStatus: 'Trạng thái',
  untitled: 'Nhóm chưa có tên',
  active: 'Đang nhận tin',
  inactive: 'Đã ngừng gửi',
  none: 'Khối chưa liên kết nhóm Telegram nào.',
  inactiveHint:
    'Nhóm đã ngừng nhận tin khi quản trị viên bấm ngừng hoặc khi bot bị xóa khỏi nhóm (nhật ký thay đổi ghi rõ). Muốn nhận lại, dùng một liên kết mời nhóm mới. Nhóm đã ngừng cũng có thể được quản trị viên nhóm liên kết sang khối khác.',
  deactivate: 'Ngừng gửi vào nhóm',
  deactivateLabel: (title: string) => `Ngừng gửi tin vào nhóm ${title}`,
  deactivateConfirm:
    'Ngừng gửi bản tin và thông báo vào nhóm này? Muốn gửi lại, cần tạo liên kết mời mới và thêm bot vào nhóm lần nữa. Khi đã ngừng, nhóm có thể được liên kết với khối khác.',
  inviteTitle: 'Liên kết một nhóm',
  inviteSteps: [
    'Bấm “Tạo liên kết mời nhóm”.',
    'Quản trị viên của nhóm Telegram mở liên kết (hoặc quét mã QR) trên điện thoại hay máy tính có Telegram.',
    'Chọn nhóm của Khối để thêm bot vào nhóm; bot xác nhận trong nhóm rằng nhóm đã được liên kết với Khối.',
  ],
  inviteRules:
    'Chỉ quản trị viên của nhóm liên kết được nhóm; thành viên khác dùng liên kết thì bot từ chối và không thay đổi gì. Nhóm đang nhận tin của một khối khác không thể chuyển sang Khối này bằng liên kết mời: khối đó phải ngừng gửi vào nhóm trước.',
  newInvite: 'Tạo liên kết mời nhóm',
  revokeInvite: 'Thu hồi liên kết này',
  revokeConfirm: 'Thu hồi liên kết mời này? Ai giữ liên kết sẽ không dùng được nữa.',
  inviteLink: 'Liên kết mời nhóm',
  qrAlt: (bloc: string) => `Mã QR mời thêm bot vào nhóm Telegram của ${bloc}`,
  inviteCode: 'Mã mời',
  inviteExpires: (when: string) => `Dùng được một lần, hiệu lực đến ${when}.`,
  otherInvites: 'Các liên kết mời nhóm khác còn hiệu lực',
  noInvite: 'Chưa có liên kết mời nhóm nào còn hiệu lực.',
  botNotConnected:
    'Hệ thống chưa kết nối với bot Telegram (chưa đặt TELEGRAM_BOT_TOKEN), nên chưa tạo được liên kết và mã QR. Mã mời bên dưới vẫn được lưu; khi bot hoạt động, quản trị viên nhóm thêm bot vào nhóm rồi gửi trong nhóm lệnh /start kèm mã này.',
  readOnly: 'Văn phòng Khối trưởng và Ban Thi đua - Khen thưởng tạo được liên kết mời nhóm.',
};

export const broadcastText = {
  title: 'Gửi thông báo',
  intro:
    'Gửi một tin nhắn đến tất cả cán bộ đầu mối của các đơn vị thành viên, qua kênh nhận tin đứng đầu của từng người (Telegram, Zalo hoặc thư điện tử), và nếu muốn, vào nhóm Telegram của Khối. Tin được xếp hàng rồi gửi dần theo giới hạn của từng kênh.',
  text: 'Nội dung thông báo',
  textHint: (max: number) => `Tối đa ${max} ký tự. Tin gửi đi có tên Khối ở đầu và tên đồng chí ở cuối.`,
  counter: 'Đã nhập {n}/{max} ký tự',
  textRequired: 'Vui lòng nhập nội dung thông báo.',
  textTooLong: (n: number, max: number) =>
    `Nội dung dài ${n} ký tự, vượt quá ${max} ký tự của một tin nhắn. Xin vui lòng rút gọn.`,
  includeGroups: (n: number) => `Gửi cả vào ${n} nhóm Telegram của Khối`,
  noGroups: 'Khối chưa liên kết nhóm Telegram nào.',
  linkGroups: 'Liên kết nhóm',
  recipientsTitle: 'Người nhận',
  recipients: (n: number) => `${n} cán bộ đầu mối có kênh nhận tin sẽ nhận tin.`,
  unreachableTitle: (n: number) =>
    `${n} người hoặc đơn vị chưa nhận được qua kênh nào (Telegram, Zalo hay thư điện tử)`,
  unreachableHint:
    'Xin báo cho các đồng chí này bằng cách khác (điện thoại) và, từ trang Cán bộ đầu mối, thêm cho họ một kênh nhận tin (mã mời Telegram, Zalo, địa chỉ thư điện tử) hoặc gửi liên kết báo cáo cá nhân.',
  notLinked: 'chưa có kênh nhận tin nào',
  noFocalPoint: 'chưa có cán bộ đầu mối',
  send: 'Gửi thông báo',
  sendConfirm: 'Gửi thông báo này đến tất cả người nhận? Tin đã gửi không thu hồi được.',
  sending: 'Đang xếp hàng tin nhắn…',
  noRecipients:
    'Chưa có người nhận nào: chưa cán bộ đầu mối nào có kênh nhận tin và Khối chưa liên kết nhóm. Xin vui lòng mời cán bộ đầu mối kết nối (Telegram, Zalo hoặc thư điện tử), hoặc liên kết nhóm của Khối, rồi gửi lại.',
  staleForm: 'Biểu mẫu không còn hợp lệ. Nội dung vẫn được giữ bên dưới; xin vui lòng bấm gửi lại.',
  readOnly: 'Tài khoản chỉ xem không gửi được thông báo.',
  historyTitle: 'Các thông báo đã gửi',
  noHistory: 'Chưa gửi thông báo nào.',
  colAt: 'Thời điểm',
  colSender: 'Người gửi',
  colText: 'Nội dung',
  colResult: 'Kết quả',
  resultLine: (sent: number, total: number, failed: number, pending: number) =>
    [`Đã gửi ${sent}/${total}`, failed > 0 ? `lỗi ${failed}` : '', pending > 0 ? `đang chờ ${pending}` : '']
      .filter(Boolean)
      .join(' · '),
  view: 'Xem tiến độ',
  detailTitle: (when: string) => `Thông báo lúc ${when}`,
  back: '‹ Gửi thông báo',
  sentBy: 'Người gửi',
  sentAt: 'Thời điểm',
  message: 'Nội dung đã gửi',
  progressTitle: 'Tiến độ gửi',
  progressLabel: (done: number, total: number) => `Đã xử lý ${done}/${total} tin`,
  stillSending: 'Trang tự cập nhật trong khi còn tin đang chờ gửi.',
  refresh: 'Cập nhật',
  allDone: 'Đã gửi xong.',
  nothingQueued: 'Không có tin nào được xếp hàng cho thông báo này.',
  pending: 'Đang chờ gửi',
  sent: 'Đã gửi',
  failed: 'Không gửi được',
  recipientsListTitle: 'Từng người nhận',
  colRecipient: 'Người nhận',
  colStatus: 'Trạng thái',
  colReason: 'Lý do, cách khắc phục',
  group: 'Nhóm',
  unknownRecipient: (chatId: string) => `Cuộc trò chuyện ${chatId}`,
  groupRecipient: (title: string) => `Nhóm: ${title}`,
};

export const digestsText = {
  title: 'Các bản tin đã gửi',
  none: 'Chưa có bản tin nào.',
  kinds: { period: 'Bản tin kỳ', mid_year: 'Sơ kết 6 tháng', annual: 'Tổng kết năm' },
  line: (kind: string, key: string, when: string, n: number) => `${kind} ${key} · ${when} · ${n} nơi nhận`,
};

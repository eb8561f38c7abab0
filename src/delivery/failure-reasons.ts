// The delivery page's words for each failure reason: what happened and what to do. Vietnamese.

export const failureReasonText: Record<string, { label: string; action: string }> = {
  blocked: {
    label: 'Người nhận đã chặn bot',
    action: 'Đề nghị cán bộ mở lại cuộc trò chuyện với bot, bấm «Bỏ chặn» rồi gửi lại tin.',
  },
  not_started: {
    label: 'Người nhận chưa bấm «Bắt đầu» (Start) với bot',
    action: 'Gửi lại đường dẫn mời cho cán bộ; sau khi cán bộ bấm «Bắt đầu», gửi lại tin.',
  },
  deactivated: {
    label: 'Tài khoản Telegram của người nhận không còn hoạt động',
    action: 'Liên kết lại cán bộ đầu mối với tài khoản Telegram mới.',
  },
  kicked: {
    label: 'Bot không còn trong nhóm',
    action: 'Thêm bot vào nhóm của Khối rồi liên kết lại nhóm.',
  },
  forbidden: {
    label: 'Telegram không cho phép gửi tin đến người nhận này',
    action: 'Kiểm tra lại tài khoản hoặc nhóm nhận tin.',
  },
  chat_not_found: {
    label: 'Không tìm thấy cuộc trò chuyện',
    action: 'Liên kết lại cán bộ đầu mối hoặc nhóm (mã trò chuyện không còn đúng).',
  },
  bad_request: {
    label: 'Telegram từ chối nội dung tin nhắn',
    action: 'Báo cho quản trị kỹ thuật kèm nội dung lỗi.',
  },
  address_rejected: {
    label: 'Máy chủ thư từ chối địa chỉ người nhận',
    action: 'Kiểm tra lại địa chỉ thư điện tử của cán bộ (xem trả lời của máy chủ), sửa rồi gửi lại tin.',
  },
  mail_refused: {
    label: 'Máy chủ thư từ chối nhận thư',
    action: 'Xem trả lời của máy chủ thư; báo cho quản trị kỹ thuật nếu thư bị coi là thư rác.',
  },
  too_many_attempts: {
    label: 'Không gửi được sau nhiều lần thử (lỗi mạng hoặc máy chủ Telegram)',
    action: 'Kiểm tra kết nối tới Telegram rồi gửi lại tin.',
  },
  expired: {
    label: 'Quá thời hạn gửi (không gửi được trong khung giờ gửi tin của ngày)',
    action: 'Tin nhắc đã lỗi thời; lần nhắc kế tiếp sẽ được gửi theo lịch. Chỉ gửi lại nếu thật cần.',
  },
  chat_stopped: {
    label: 'Nhóm đã được ngừng nhận tin trước khi tin được gửi',
    action: 'Không cần làm gì; nếu nhóm cần nhận tin trở lại, liên kết lại nhóm rồi gửi lại tin.',
  },
  unknown: { label: 'Không rõ lý do', action: 'Báo cho quản trị kỹ thuật.' },
};

// Every word the e-mail channel adds around a neutral message: the personal link's call to action,
// the footer, the test mail and the unsubscribe page. Vietnamese, the administrative register.

export const emailText = {
  /** A reminder's way to report: the recipient's own link (never another person's). */
  reportLinkLead: 'Đồng chí gửi báo cáo tại liên kết báo cáo cá nhân dưới đây:',
  reportButton: 'Mở biểu mẫu báo cáo',
  nilHint: 'Nếu trong kỳ đơn vị không có kết quả mới, đồng chí mở liên kết và bấm «Không có gì mới».',
  linkIsPersonal: 'Liên kết này dành riêng cho đồng chí; xin không chuyển tiếp thư này cho người khác.',
  noLink:
    'Xin liên hệ văn phòng Khối để được cấp liên kết báo cáo cá nhân, hoặc gửi báo cáo qua ứng dụng nhắn tin đồng chí đã kết nối với hệ thống (nếu có).',
  footer:
    'Thư được gửi tự động từ hệ thống theo dõi thi đua của Khối tới cán bộ đầu mối của đơn vị. Nếu đồng chí không còn phụ trách việc này, xin trả lời thư này hoặc báo văn phòng Khối.',
  /** Fallback subjects for messages queued before subjects existed. */
  topicSubject: {
    reminder: 'Nhắc báo cáo tiến độ',
    escalation: 'Đôn đốc báo cáo tiến độ',
    digest: 'Bản tin thi đua',
    announcement: 'Thông báo',
    summary: 'Sơ kết, tổng kết thi đua',
  },
  testSubject: 'Thư thử từ hệ thống theo dõi thi đua',
  testBody: (at: string) =>
    `Đây là thư thử gửi lúc ${at} để kiểm tra cấu hình gửi thư (SMTP) của hệ thống theo dõi thi đua. Đồng chí không cần trả lời thư này.`,
  unsubscribe: {
    title: 'Ngừng nhận thư',
    ask: (address: string) =>
      `Địa chỉ ${address} sẽ không nhận thư nhắc báo cáo, bản tin và thông báo của Khối nữa. Văn phòng Khối sẽ thấy yêu cầu này và liên hệ để thống nhất kênh nhận tin khác.`,
    confirm: 'Ngừng nhận thư',
    done: (address: string) =>
      `Đã ghi nhận: địa chỉ ${address} không nhận thư của hệ thống nữa. Văn phòng Khối sẽ thấy điều này trên trang cán bộ đầu mối của đồng chí và có thể liên hệ để thống nhất cách nhận tin khác.`,
    invalid: 'Liên kết ngừng nhận thư không đúng hoặc đã hết hiệu lực.',
  },
} as const;

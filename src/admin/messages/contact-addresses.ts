// The focal point's channels on their page: where the product reaches them, in their order.

/** Channel names as the admin shows them; a channel not listed shows its own name. */
const CHANNEL_LABELS: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', email: 'Thư điện tử' };

export const contactAddressText = {
  title: 'Kênh nhận tin',
  explain:
    'Tin nhắc, bản tin và thông báo được gửi qua kênh đầu tiên còn liên kết theo thứ tự dưới đây. Chọn «Ưu tiên» để đưa một kênh lên đầu.',
  none: 'Cán bộ chưa liên kết kênh nhận tin nào: tin nhắc không đến được, hãy gửi liên kết mời hoặc liên kết báo cáo cá nhân.',
  channel: 'Kênh',
  address: 'Địa chỉ',
  state: 'Trạng thái',
  linkedAt: 'Liên kết từ',
  states: {
    linked: 'Đang nhận tin',
    blocked: 'Đã chặn, không nhận tin',
    unsubscribed: 'Đã yêu cầu ngừng nhận thư',
  } as Record<string, string>,
  neverLinked: 'Chưa liên kết',
  blockedExplain:
    'Cán bộ đã chặn bot trên kênh ghi «Đã chặn» (lần gửi gần nhất bị từ chối). Trong thời gian đó tin nhắc, bản tin và thông báo mới được gửi qua kênh còn liên kết tiếp theo theo thứ tự; tin đã lỗi không được gửi lại. Khi cán bộ bỏ chặn và nhắn cho bot trên kênh đó, kênh được dùng lại theo thứ tự. Nếu không còn kênh nào liên kết, cán bộ có tên trong danh sách «Chưa nhận được nhắc nhở».',
  failedExplain:
    'Lần gửi gần nhất không tới được (không còn cuộc trò chuyện hoặc tài khoản không còn hoạt động): tin nhắc vẫn được gửi tới kênh này và vẫn lỗi cho đến khi cán bộ nhắn lại cho bot hoặc đưa kênh khác lên đầu.',
  zaloTitle: 'Liên kết Zalo',
  zaloHow: (code: string) =>
    `Cán bộ mở Zalo, tìm bot của Khối thi đua (đường dẫn hoặc mã QR bên dưới, nếu có) và gửi cho bot tin nhắn: /start ${code}. Bot Zalo không có đường dẫn mời kèm mã, nên cán bộ gõ mã; mỗi mã chỉ dùng một lần.`,
  zaloNoCode: 'Tạo mã mời (mục «Mời kết nối» ở trên), rồi đề nghị cán bộ gửi cho bot Zalo tin nhắn /start kèm mã đó.',
  zaloBotLink: 'Đường dẫn bot Zalo',
  zaloQrAlt: 'Mã QR mở bot Zalo của Khối thi đua',
  zaloNoBotLink: 'Chưa đặt ZALO_BOT_URL nên trang không hiện được đường dẫn bot; cán bộ tìm bot theo tên trong Zalo.',
  first: 'Dùng trước tiên',
  prefer: 'Ưu tiên',
  preferred: (channel: string) => `Đã đưa kênh ${channel} lên đầu thứ tự nhận tin.`,
  channelLabel: (channel: string) => CHANNEL_LABELS[channel] ?? channel,
} as const;

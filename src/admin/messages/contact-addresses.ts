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
  first: 'Dùng trước tiên',
  prefer: 'Ưu tiên',
  preferred: (channel: string) => `Đã đưa kênh ${channel} lên đầu thứ tự nhận tin.`,
  channelLabel: (channel: string) => CHANNEL_LABELS[channel] ?? channel,
} as const;

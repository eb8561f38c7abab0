// The operator's words (Vietnamese) for what /readyz finds wrong and for refused /metrics requests.

/** The ledger's status of a late slot, as the operator reads it. */
const LATE_STATUS: Record<string, string> = {
  missing: 'chưa hề bắt đầu',
  failed: 'lần chạy gần nhất bị lỗi, đang chờ chạy lại',
  running: 'đang chạy quá thời gian cho phép',
};

export const OPS = {
  databaseNotWritable: (error: string) => `Cơ sở dữ liệu không ghi được: ${error}`,
  botError: 'Bot Telegram không kết nối được với Telegram (máy chủ đang thử lại).',
  botStarting: 'Bot Telegram đang khởi động, chưa kết nối xong.',
  outboxOverdue: (count: number, minutes: number) =>
    `${count} tin nhắn đến hạn gửi từ hơn ${minutes} phút trước vẫn nằm trong hàng đợi.`,
  outboxStaleSending: (count: number) => `${count} tin nhắn ở trạng thái «đang gửi» quá thời hạn mà không được ghi nhận kết quả.`,
  outboxCheckFailed: (error: string) => `Không kiểm tra được hàng đợi tin nhắn: ${error}`,
  jobLate: (job: string, scope: string, slot: string, status: string) =>
    `Việc định kỳ "${job}" (${scope}) chưa chạy xong lượt ${slot}: ${LATE_STATUS[status] ?? status}.`,
  jobCheckFailed: (job: string, error: string) => `Không kiểm tra được việc định kỳ "${job}": ${error}`,
  metricsTokenRequired: 'Cần mã truy cập (Authorization: Bearer …) để xem số liệu giám sát.',
  metricsLocalOnly: 'Số liệu giám sát chỉ xem được từ chính máy chủ (chưa đặt METRICS_TOKEN).',
  serverError: 'Máy chủ gặp lỗi khi xử lý yêu cầu; vui lòng thử lại sau.',
  metricsFailed: 'Không đọc được số liệu giám sát; xem nhật ký máy chủ.',
} as const;

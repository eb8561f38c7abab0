// The operator's words (Vietnamese) for what /readyz finds wrong and for refused /metrics requests.

import type { AttemptFailure } from './telegram-channels.js';

/** The ledger's status of a late slot, as the operator reads it. */
const LATE_STATUS: Record<string, string> = {
  missing: 'chưa hề bắt đầu',
  failed: 'lần chạy gần nhất bị lỗi, đang chờ chạy lại',
  running: 'đang chạy quá thời gian cho phép',
};

/** Bytes as the operator reads them: "85,3 MB". */
const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** Why a channel to Telegram fails, as the operator reads it. */
export const ATTEMPT_FAILURE_TEXT: Record<AttemptFailure, string> = {
  network: 'lỗi mạng, không kết nối được',
  timeout: 'quá thời gian chờ trả lời',
  server_error: 'máy chủ Telegram báo lỗi',
  rate_limited: 'Telegram yêu cầu gửi chậm lại',
  unauthorized: 'Telegram từ chối mã bot',
  conflict: 'một tiến trình khác đang nhận tin của cùng bot',
  bad_answer: 'câu trả lời không đọc được, có thể do proxy',
};

// Each problem says what is wrong and what to do (the same advice as docs/operations.md's table).
export const OPS = {
  databaseNotWritable: (error: string) =>
    `Cơ sở dữ liệu không ghi được (${error}): báo cáo gửi đến sẽ không được lưu. Xin kiểm tra chỗ trống và quyền ghi của thư mục chứa DATABASE_PATH, và xem có tiến trình nào khác đang mở tệp này không.`,
  diskLow: (folder: string, free: number, needed: number) =>
    `Ổ đĩa chứa cơ sở dữ liệu (${folder}) chỉ còn trống ${megabytes(free)}, dưới mức cần giữ ${megabytes(needed)}: khi ổ đầy, báo cáo gửi đến không lưu được và bản sao lưu hằng đêm bị lỗi. Xin giải phóng chỗ trống (ví dụ chép các bản sao lưu cũ sang máy khác rồi xóa bớt) hoặc mở rộng ổ đĩa.`,
  diskCheckFailed: (error: string) =>
    `Không đọc được chỗ trống của ổ đĩa chứa cơ sở dữ liệu (${error}). Xin kiểm tra thư mục chứa DATABASE_PATH.`,
  botError: (failing: string | null) =>
    `Bot Telegram không kết nối được với Telegram${failing ? ` ${failing}` : ''}; máy chủ đang tự thử lại, trong lúc đó tin nhắn và báo cáo của cán bộ đầu mối chưa đến được bot. Xin kiểm tra mạng từ máy chủ đến api.telegram.org (tường lửa, DNS, proxy) và mã TELEGRAM_BOT_TOKEN: dòng nhật ký «telegram unreachable: bot failing» hoặc «Telegram unreachable or refused the bot» cho biết lý do («401: Unauthorized» nghĩa là mã bot sai hoặc đã bị thu hồi, cần lấy mã mới ở BotFather).`,
  deliveryError: (failing: string) =>
    `Bộ gửi tin không gửi được tin nhắn đến Telegram ${failing}; tin nhắc, bản tin và thông báo đang chờ trong hàng đợi và sẽ được gửi lại tự động khi kết nối trở lại. Xin kiểm tra mạng từ máy chủ đến api.telegram.org (tường lửa, DNS, proxy) và mã TELEGRAM_BOT_TOKEN; dòng nhật ký «telegram unreachable: delivery failing» cho biết lỗi.`,
  /** Since when a channel fails and why: "từ 10:02 03/12/2026 (lỗi mạng, 7 lần thử không thành công)". */
  failingSince: (since: string, reason: string, failures: number) =>
    `từ ${since} (${reason}, ${failures} lần thử không thành công)`,
  messengerError: (name: string) =>
    `Kết nối ${name === 'zalo' ? 'Zalo' : name} đang lỗi (nhận tin hoặc gửi tin): xem /healthz và nhật ký; tin nhắn chờ gửi vẫn nằm trong hàng đợi.`,
  botStarting:
    'Bot Telegram đang khởi động, chưa kết nối xong. Nếu tình trạng này kéo dài quá vài phút, xin xem nhật ký máy chủ.',
  outboxOverdue: (count: number, minutes: number) =>
    `${count} tin nhắn đến hạn gửi từ hơn ${minutes} phút trước vẫn chưa gửi được (đang chờ gửi, chờ gửi lại sau lỗi hoặc đang gửi). Xin xem kết nối đến Telegram (mục «bot» và «delivery» của /readyz), trang «Gửi tin» của trang quản trị và nhật ký của bộ gửi tin; nếu bộ gửi tin bị treo, xin khởi động lại dịch vụ.`,
  outboxStaleSending: (count: number) =>
    `${count} tin nhắn ở trạng thái «đang gửi» quá thời hạn mà không được ghi nhận kết quả. Xin xem nhật ký của bộ gửi tin và khởi động lại dịch vụ nếu tình trạng này kéo dài.`,
  outboxCheckFailed: (error: string) => `Không kiểm tra được hàng đợi tin nhắn (${error}). Xin xem nhật ký máy chủ.`,
  jobLate: (job: string, scope: string, slot: string, status: string) =>
    `Việc định kỳ "${job}" (${scope}) chưa chạy xong lượt ${slot}: ${LATE_STATUS[status] ?? status}. Xin xem lệnh «job list» (deploy/cli.sh job list) và nhật ký máy chủ; chạy bù bằng «job run ${job}».`,
  jobCheckFailed: (job: string, error: string) =>
    `Không kiểm tra được việc định kỳ "${job}" (${error}). Xin xem nhật ký máy chủ.`,
  metricsTokenRequired: 'Cần mã truy cập (Authorization: Bearer …) để xem số liệu giám sát.',
  metricsLocalOnly: 'Số liệu giám sát chỉ xem được từ chính máy chủ (chưa đặt METRICS_TOKEN).',
  serverError: 'Máy chủ gặp lỗi khi xử lý yêu cầu; vui lòng thử lại sau.',
  metricsFailed: 'Không đọc được số liệu giám sát; xem nhật ký máy chủ.',
} as const;

// The command line's own Vietnamese texts (the summary command's are in src/summaries/messages.ts).

const digestOption = (periodKey: string) => (periodKey.includes('W') ? `--week ${periodKey}` : `--period ${periodKey}`);

/** What a digest or summary run did, for `job run` and `summary digest --send`. */
export const publishText = {
  subject: (kind: 'period' | 'mid_year' | 'annual', label: string) =>
    kind === 'period'
      ? `Bản tin ${label}`
      : kind === 'mid_year'
        ? `Thông báo sơ kết ${label.toLowerCase()}`
        : `Thông báo tổng kết ${label.toLowerCase()}`,
  replaced: (subject: string, computedAt: string, withdrawn: number) =>
    `Đã tính lại ${subject} (bản tính cho thời điểm ${computedAt} chưa gửi cho ai; ${withdrawn} tin nhắn của bản đó đã được rút khỏi hàng đợi).`,
  queued: (subject: string, messages: number, chats: number) =>
    `${subject}: đã lưu và xếp ${messages} tin nhắn cho ${chats} nơi nhận vào hàng đợi gửi.`,
  sendsNow: 'Máy chủ đang chạy (npm start) sẽ gửi ngay; nếu máy chủ đang tắt, tin nhắn được gửi khi máy chủ chạy lại.',
  sendsAt: (when: string) =>
    `Tin nhắn nằm chờ trong hàng đợi và chỉ được gửi từ ${when}; đến lúc đó, số liệu trong bản tin vẫn là số liệu lúc tính.`,
  noRecipients: (subject: string) =>
    `${subject}: đã lưu nhưng chưa có nơi nhận (Khối chưa liên kết nhóm Telegram và cán bộ đầu mối của đơn vị Khối trưởng chưa có kênh nhận tin nào), nên không có tin nhắn nào được xếp hàng.`,
  stored: (subject: string, computedAt: string) => `${subject} đã được tính cho thời điểm ${computedAt} và lưu lại`,
  nothingLeft: (queued: number) =>
    queued === 0 ? 'chưa có tin nhắn nào gửi đi' : `chưa gửi cho ai (${queued} tin nhắn đang chờ trong hàng đợi)`,
  goneOut: (d: { sent: number; sending: number; partlySent: number; failed: number; total: number }) =>
    `đã gửi ${d.sent}, đang gửi ${d.sending}${
      d.partlySent > 0 ? ` (trong đó ${d.partlySent} tin nhắn đã gửi được một phần, phần còn lại đang chờ gửi)` : ''
    }, gửi lỗi ${d.failed} trong ${d.total} tin nhắn`,
  notAgain: 'không tính lại, không gửi lại.',
  recomputeHint: (blocId: number, periodKey: string) =>
    `Để tính lại với số liệu mới nhất và gửi ngay: npm run cli -- summary digest --bloc ${blocId} ${digestOption(periodKey)} --send`,
  resendHint: 'Tin nhắn không gửi được thì gửi lại trên trang quản trị: Gửi tin → Tình hình gửi → Gửi lại.',
  disabled: (blocId: number) =>
    `Khối đã tắt lịch gửi bản tin và thông báo; không gửi. Bật lại: npm run cli -- summary schedule --bloc ${blocId} --enabled bật`,
  noMembers: 'Khối không có đơn vị thành viên trong kỳ này; không có gì để gửi.',
  noCovenant: (year: string) => `Khối chưa có giao ước thi đua năm ${year}; không có thông báo.`,
};

/** `job list` and `job run`. */
export const jobText = {
  usage:
    'Dùng: job list | job run <tên việc> [--now <thời điểm ISO> [--allow-future]] [--bloc <mã hoặc tên khối>] [--force]',
  commandUsage:
    'job list | job run <tên> [--now ISO [--allow-future]] [--bloc ID] [--force]   xem / chạy tay việc định kỳ (nhắc báo cáo...)',
  futureMoment: (value: string, moment: string, now: string) =>
    [
      `--now ${value} (${moment}) là thời điểm chưa đến: bây giờ mới là ${now}.`,
      'Chạy cho thời điểm chưa đến thì số liệu được tính ngay bây giờ, tin nhắn nằm chờ đến thời điểm đó mới gửi,',
      'và kỳ đó được ghi là đã chạy nên việc định kỳ sẽ không chạy lại đúng giờ. Không chạy gì.',
      'Nếu thật sự muốn vậy, thêm --allow-future.',
    ].join('\n'),
  waitsUntil: (when: string) => `; tin nhắn nằm chờ đến ${when} mới được gửi`,
  notPerBloc: (name: string) => `Việc "${name}" chạy chung cho cả hệ thống, không theo từng khối: bỏ --bloc.`,
};

const listBlocs = 'Xem mã và tên các khối: npm run cli -- bloc list';

/** `--bloc`, read by every command that takes it. */
export const blocOptionText = {
  missing: `--bloc: cần mã khối (số) hoặc tên khối. ${listBlocs}`,
  noId: (id: number, numbered: readonly { id: number; name: string }[]) =>
    [
      `Không có khối thi đua mã ${id}.`,
      ...numbered.map((b) => `${b.name} có mã ${b.id}: dùng --bloc ${b.id}.`),
      listBlocs,
    ].join(' '),
  noName: (name: string) => `Không có khối thi đua tên "${name}". ${listBlocs}`,
  ambiguous: (name: string, blocs: readonly { id: number; name: string }[]) =>
    `Có ${blocs.length} khối mang tên "${name}" (mã ${blocs.map((b) => b.id).join(', ')}): dùng --bloc <mã>.`,
};

/** `bloc list` and `focal-point list`: the ids the other commands take. */
export const rosterText = {
  blocUsage: 'bloc list                     danh sách khối thi đua và mã khối (--bloc)',
  blocCommand: 'Dùng: bloc list',
  noBlocs: 'Chưa có khối thi đua nào (npm run cli -- seed-demo nạp khối mẫu).',
  blocHeaders: ['Mã', 'Tên khối', 'Tỉnh', 'Số đơn vị', 'Khối trưởng', 'Nhóm Telegram'],
  groups: (n: number) => (n === 0 ? 'chưa liên kết' : n === 1 ? 'đã liên kết' : `đã liên kết ${n} nhóm`),
  demo: ' (dữ liệu mẫu)',
  blocHint: 'Dùng mã ở cột Mã (hoặc tên khối) cho --bloc; cán bộ đầu mối: npm run cli -- focal-point list --bloc <mã>',
  fpUsage: 'focal-point list --bloc ID    cán bộ đầu mối của khối, mã cán bộ (--id) và mã đơn vị (--unit)',
  fpCommand: 'Dùng: focal-point list --bloc <mã hoặc tên khối>',
  fpTitle: (blocName: string, blocId: number) => `Cán bộ đầu mối của ${blocName} (mã khối ${blocId}):`,
  fpHeaders: ['Mã', 'Họ và tên', 'Mã ĐV', 'Đơn vị', 'Telegram'],
  linked: (username: string | null) => (username ? `đã kết nối (@${username})` : 'đã kết nối'),
  notLinked: 'chưa kết nối',
  left: 'đã nghỉ',
  unitHead: ' (thủ trưởng)',
  unitLeft: ' (đã rời khối)',
  noFocalPoint: '(chưa có cán bộ đầu mối)',
  noUnits: 'Khối chưa có đơn vị nào.',
  fpHint:
    'Mã cán bộ dùng cho: npm run cli -- invite focal-point --id <mã>; mã đơn vị cho --unit của summary adjust / assess.',
};

/** `invite focal-point --channel zalo`: Zalo gives no deep link with a code, so the person types it to the bot. */
export const zaloInviteText = {
  created: (heading: string, until: string) => `Đã tạo mã mời ${heading} để liên kết Zalo, hiệu lực đến ${until}:`,
  typed: (code: string) => `/start ${code}`,
  advice: (name: string) =>
    `Gửi mã này riêng cho đồng chí ${name}; đồng chí mở Zalo, tìm bot của Khối thi đua và gửi cho bot đúng dòng trên (hoặc chỉ mã). Mỗi mã chỉ dùng một lần.`,
  botLink: (url: string) => `Đường dẫn bot Zalo: ${url}`,
  noBotLink:
    'Chưa đặt ZALO_BOT_URL: đồng chí tìm bot theo tên trong Zalo (Zalo Bot Creator cho xem đường dẫn và mã QR của bot).',
  noGroups:
    'Bot Zalo không tham gia nhóm (bot cơ bản của Zalo không vào được nhóm): --channel zalo chỉ dùng cho cán bộ đầu mối.',
  badChannel: '--channel: telegram hoặc zalo',
};

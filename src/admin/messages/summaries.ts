// Texts of the scoring and downloads pages.

export const downloadsText = {
  title: 'Tải về báo cáo sơ kết, tổng kết',
  intro:
    'Tạo báo cáo từ số liệu đã nhận đến hôm nay: văn bản Word (.docx) theo thể thức văn bản hành chính, bảng tính Excel (.xlsx) gồm số liệu, tỷ lệ báo cáo và điểm, hoặc toàn bộ báo cáo của năm dạng CSV.',
  kind: 'Loại báo cáo',
  kinds: { mid_year: 'Sơ kết 6 tháng đầu năm', annual: 'Tổng kết năm' },
  year: 'Năm',
  format: 'Định dạng',
  formats: { docx: 'Văn bản Word (.docx)', xlsx: 'Bảng tính Excel (.xlsx)', csv: 'Báo cáo từng kỳ (.csv)' },
  download: 'Tạo và tải về',
  preparing: 'Đang tạo tệp…',
  failed: 'Không tạo được tệp',
};

/** The "Tổng kết" menu entry: the scoring page and the downloads, as two tabs. */

export const summaryTabsText = {
  label: 'Các trang tổng kết',
  tabs: { scoring: 'Chấm điểm', downloads: 'Tải về' },
};

export const scoringText = {
  title: (year: number) => `Chấm điểm thi đua năm ${year}`,
  year: 'Năm',
  asOfToday: (last: string) =>
    `Điểm tự chấm tính đến hôm nay, theo số liệu các kỳ báo cáo đã kết thúc (đến hết ${last}).`,
  noPeriodYet: 'Chưa có kỳ báo cáo nào của năm kết thúc: các chỉ tiêu định lượng chưa có số liệu.',
  pastYear: (year: number) => `Số liệu tổng kết năm ${year}, như trong báo cáo tổng kết tải về.`,
  noCovenant:
    'Chưa có giao ước thi đua của năm này nên chưa chấm điểm được. Xin vui lòng nhập các chỉ tiêu ở trang Giao ước.',
  toCovenant: 'Mở trang Giao ước',
  leaders: 'Đơn vị dẫn đầu đề nghị',
  leaderLine: (name: string, total: string) => `${name}: ${total} điểm`,
  noLeader: 'Chưa có đơn vị nào được xếp hạng.',
  leadersHint: 'Khối đề nghị, Hội đồng Thi đua - Khen thưởng tỉnh quyết định.',
  tableTitle: 'Bảng tự chấm điểm',
  maxBase: (points: string) => `Tối đa ${points} điểm theo bảng chấm điểm, chưa kể điểm thưởng.`,
  colRank: 'Hạng',
  colUnit: 'Đơn vị',
  colCriterion: (code: string) => `TC ${code}`,
  colMaxPoints: (max: string) => `${max} điểm`,
  colBase: 'Điểm tiêu chí',
  colBonus: 'Thưởng',
  colDeduction: 'Trừ',
  colTotal: 'Tổng',
  /** Under the unit's name on a phone, where the total column is off-screen until scrolled to. */
  phoneTotal: (total: string) => `Tổng: ${total} điểm`,
  colNote: 'Ghi chú',
  legend: 'TC: chỉ tiêu giao ước (điểm chuẩn); di chuột hoặc chạm vào tiêu đề cột để xem tên chỉ tiêu.',
  tieRule:
    'Xếp hạng: tổng điểm cao hơn xếp trên; nếu bằng điểm thì xét tỷ lệ báo cáo đúng hạn, rồi tỷ lệ báo cáo; nếu vẫn bằng nhau thì theo thứ tự đơn vị trong Khối.',
  tieNote: {
    on_time_rate: 'Bằng điểm, xếp sau theo tỷ lệ báo cáo đúng hạn',
    reporting_rate: 'Bằng điểm, xếp sau theo tỷ lệ báo cáo',
    display_order: 'Bằng điểm và tỷ lệ, xếp theo thứ tự trong Khối',
  },
  leftBloc: 'Đã rời Khối, không xếp hạng',
  notMetMark: 'không đạt',
  qualitativeDefault: 'Chỉ tiêu định tính chưa được đánh giá được tính là đạt (đủ điểm).',
  adjustmentsTitle: 'Điểm thưởng, điểm trừ',
  addAdjustment: 'Thêm điểm thưởng hoặc điểm trừ',
  unit: 'Đơn vị',
  chooseUnit: '— Chọn đơn vị —',
  kind: 'Loại',
  kinds: { bonus: 'Điểm thưởng', deduction: 'Điểm trừ' },
  points: 'Số điểm',
  pointsHint: 'Ví dụ 2 hoặc 1,5 (tối đa hai chữ số thập phân).',
  reason: 'Lý do',
  reasonHint: 'Bắt buộc, ví dụ: Đăng cai Hội thi nghiệp vụ của Khối.',
  pointsPositive: 'Số điểm phải lớn hơn 0.',
  pointsTooMany: 'Số điểm tối đa là 1000.',
  unitNotMember: (year: number) => `Đơn vị này không phải thành viên của Khối trong năm ${year}.`,
  noAdjustments: 'Chưa có điểm thưởng, điểm trừ nào trong năm.',
  colKind: 'Loại',
  colPoints: 'Điểm',
  colReason: 'Lý do',
  colBy: 'Người nhập',
  colAt: 'Thời điểm',
  remove: 'Xóa',
  removeConfirm: 'Xóa mục điểm này? Bảng điểm sẽ được tính lại.',
  assessmentsTitle: 'Đánh giá chỉ tiêu định tính',
  assessmentsIntro:
    'Với mỗi chỉ tiêu định tính, Khối đánh giá từng đơn vị đạt hay không đạt. Đơn vị chưa được đánh giá được tính là đạt (đủ điểm).',
  noQualitative: 'Giao ước năm này không có chỉ tiêu định tính.',
  criterionHeading: (code: string, title: string, max: string) => `${code}. ${title} (${max} điểm)`,
  result: 'Kết quả',
  met: 'Đạt',
  notMet: 'Không đạt',
  unassessed: 'Chưa đánh giá (tính là đạt)',
  assessedBy: (who: string, when: string) => `${who}, ${when}`,
  note: 'Ghi chú',
  notePlaceholder: 'Ghi chú (không bắt buộc)',
  readOnly: 'Tài khoản chỉ xem: đồng chí xem được bảng điểm nhưng không sửa được.',
};

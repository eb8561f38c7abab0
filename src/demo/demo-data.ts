// Khối thi đua số 6, tỉnh Sóc Trăng, as described in the seed article (shared/domain/seed-article.txt).
// Everything here is demonstration data: names of people and weekly figures are invented.

export const DEMO_BLOC = {
  name: 'Khối thi đua số 6',
  province: 'Sóc Trăng',
  description:
    'Dữ liệu mẫu: Khối thi đua các cơ quan Mặt trận và đoàn thể tỉnh Sóc Trăng, theo bài viết về Hội nghị tổng kết công tác thi đua năm 2023.',
};

/** The seven member units, in the order the article lists them (also the agreed rotation order). */
export const DEMO_UNITS = [
  { key: 'mttq', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', short: 'UBMTTQ tỉnh' },
  { key: 'nongdan', name: 'Hội Nông dân tỉnh', short: 'Hội Nông dân' },
  { key: 'ccb', name: 'Hội Cựu chiến binh tỉnh', short: 'Hội CCB' },
  { key: 'phunu', name: 'Hội Liên hiệp Phụ nữ Việt Nam tỉnh', short: 'Hội LHPN' },
  { key: 'tinhdoan', name: 'Tỉnh đoàn', short: 'Tỉnh đoàn' },
  { key: 'ldld', name: 'Liên đoàn Lao động tỉnh', short: 'LĐLĐ tỉnh' },
  { key: 'chuthapdo', name: 'Hội Chữ thập đỏ tỉnh', short: 'Hội CTĐ' },
] as const;

export const DEMO_FOCAL_POINTS = [
  { name: 'Trần Thị Minh Thư', position: 'Chuyên viên Văn phòng' },
  { name: 'Lâm Văn Phúc', position: 'Phó Chánh Văn phòng' },
  { name: 'Nguyễn Hoàng Sơn', position: 'Chuyên viên Ban Tổ chức - Kiểm tra' },
  { name: 'Thạch Thị Sa Rây', position: 'Chuyên viên Văn phòng' },
  { name: 'Lê Minh Khang', position: 'Chánh Văn phòng Tỉnh đoàn' },
  { name: 'Phạm Thị Kim Ngân', position: 'Chuyên viên Ban Tổ chức' },
  { name: 'Võ Thanh Tùng', position: 'Chuyên viên Văn phòng' },
];

/** 2023: exemplary models publicised per unit, in the units' order; they add up to the article's 78. */
export const EXEMPLARY_MODELS_2023 = [12, 11, 13, 10, 14, 9, 9];

export interface DemoCriterion {
  code: string;
  title: string;
  kind: 'quantitative' | 'qualitative';
  valueType: 'count' | null;
  unitOfMeasure: string | null;
  defaultTarget: number | null;
  maxPoints: number;
  /** Mean weekly figure per unit used to invent reports (quantitative only). */
  weeklyMean: number;
}

export const DEMO_CRITERIA: DemoCriterion[] = [
  {
    code: '1',
    title: 'Tuyên truyền gương điển hình tiên tiến, người tốt, việc tốt',
    kind: 'quantitative',
    valueType: 'count',
    unitOfMeasure: 'gương',
    defaultTarget: 10,
    maxPoints: 20,
    weeklyMean: 0.22,
  },
  {
    code: '2',
    title: 'Mô hình, sáng kiến kinh nghiệm được phổ biến, nhân rộng',
    kind: 'quantitative',
    valueType: 'count',
    unitOfMeasure: 'mô hình',
    defaultTarget: 30,
    maxPoints: 20,
    weeklyMean: 0.7,
  },
  {
    code: '3',
    title: 'Hoạt động thông tin, tuyên truyền phong trào thi đua yêu nước',
    kind: 'quantitative',
    valueType: 'count',
    unitOfMeasure: 'hoạt động',
    defaultTarget: 40,
    maxPoints: 15,
    weeklyMean: 1,
  },
  {
    code: '4',
    title: 'Khen thưởng người lao động trực tiếp có thành tích xuất sắc',
    kind: 'quantitative',
    valueType: 'count',
    unitOfMeasure: 'lượt',
    defaultTarget: 15,
    maxPoints: 15,
    weeklyMean: 0.35,
  },
  {
    code: '5',
    title: 'Cơ quan đạt chuẩn văn hóa; không có cán bộ vi phạm pháp luật',
    kind: 'qualitative',
    valueType: null,
    unitOfMeasure: null,
    defaultTarget: null,
    maxPoints: 15,
    weeklyMean: 0,
  },
  {
    code: '6',
    title: 'Thực hiện đầy đủ, đúng hạn chế độ thông tin, báo cáo của Khối',
    kind: 'qualitative',
    valueType: null,
    unitOfMeasure: null,
    defaultTarget: null,
    maxPoints: 15,
    weeklyMean: 0,
  },
];

export const DEMO_NOTABLE_RESULTS = [
  'Phối hợp Báo Sóc Trăng giới thiệu gương điển hình tiên tiến trong phong trào thi đua yêu nước.',
  'Tổ chức tọa đàm biểu dương người tốt, việc tốt ở cơ sở.',
  'Nhân rộng mô hình "Dân vận khéo" tại các huyện, thị xã.',
  'Trao tặng giấy khen cho đoàn viên, hội viên có thành tích xuất sắc.',
  'Phát động đợt thi đua cao điểm chào mừng các ngày lễ lớn.',
  'Đăng tải tin, bài trên trang thông tin điện tử của đơn vị về phong trào thi đua.',
];

export const DEMO_DIFFICULTIES = [
  'Một số cơ sở gửi báo cáo chậm, số liệu chưa đầy đủ.',
  'Kinh phí cho hoạt động tuyên truyền còn hạn chế.',
];

export const DEMO_PROPOSALS = ['Đề nghị Khối tổ chức tập huấn nghiệp vụ thi đua, khen thưởng cho cán bộ đầu mối.'];

/** Public holidays (Vietnam) for the years the demo covers; admins edit this table in real use. */
export const DEMO_HOLIDAYS: { date: string; name: string }[] = [
  { date: '2026-01-01', name: 'Tết Dương lịch' },
  ...[
    '2026-02-14',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
  ].map((date) => ({ date, name: 'Tết Nguyên đán Bính Ngọ' })),
  { date: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)' },
  { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
  { date: '2026-09-01', name: 'Quốc khánh' },
  { date: '2026-09-02', name: 'Quốc khánh' },
  { date: '2027-01-01', name: 'Tết Dương lịch' },
  ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({
    date,
    name: 'Tết Nguyên đán Đinh Mùi',
  })),
];

export const DEMO_ADMIN = { username: 'admin', password: 'khoithidua6' };

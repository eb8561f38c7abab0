// Vietnamese text of the summaries surface: documents, CLI. One catalogue (a schedule's validation
// messages and the summaries' titles are with their rules, in src/core/digest-schedule.ts and
// src/core/summary-text.ts).

export const WEEKDAY_NAMES = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'] as const;

/** The date line of an administrative document (Nghị định 30/2020): days below 10 and months 1–2 take a leading zero. */
export function documentDateLine(place: string, isoDate: string): string {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = mo <= 2 ? String(mo).padStart(2, '0') : String(mo);
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

export const documentText = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  number: (blocCode: string) => `Số:        /BC-${blocCode}`,
  reportWord: 'BÁO CÁO',
  sections: {
    results: 'I. KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA',
    rates: 'II. TỶ LỆ BÁO CÁO',
    scores: 'III. TỰ CHẤM ĐIỂM VÀ XẾP HẠNG',
    proposal: 'IV. ĐỀ NGHỊ KHEN THƯỞNG',
  },
  coverage: (count: number, until: string | null, kindWord: string) =>
    until
      ? `Báo cáo tổng hợp số liệu ${count} kỳ báo cáo của các đơn vị thành viên, tính đến hết ngày ${until}, phục vụ ${kindWord}.`
      : `Chưa có kỳ báo cáo nào kết thúc trong khoảng thời gian ${kindWord}.`,
  kindWord: { mid_year: 'sơ kết công tác thi đua 6 tháng đầu năm', annual: 'tổng kết công tác thi đua năm' },
  criterionLine: (code: string, title: string, result: string, percent: string | null) =>
    `${code}. ${title}: ${result}${percent ? `, đạt ${percent} chỉ tiêu giao ước` : ''}.`,
  resultsTableIntro: 'Kết quả của từng đơn vị (thực hiện/chỉ tiêu, tỷ lệ đạt):',
  ratesIntro: (
    periods: number,
    reportingRate: string,
    received: number,
    expected: number,
    onTimeRate: string,
    onTime: number,
  ) =>
    `Trong ${periods} kỳ báo cáo, các đơn vị đã gửi ${received}/${expected} báo cáo theo quy định, đạt tỷ lệ ${reportingRate}; trong đó ${onTime} báo cáo đúng hạn, đạt ${onTimeRate}. Báo cáo "không có phát sinh" được tính là đã báo cáo; báo cáo gửi sau hạn được tính là đã báo cáo nhưng không đúng hạn.`,
  scoresIntro: (maxBase: string) =>
    `Các đơn vị tự chấm điểm theo bảng chấm điểm của Khối (tối đa ${maxBase} điểm), cộng điểm thưởng và trừ điểm trừ theo quy định. Chỉ tiêu định lượng được tính điểm theo tỷ lệ thực hiện so với chỉ tiêu, tối đa bằng điểm chuẩn; chỉ tiêu định tính được tính đủ điểm khi đạt.`,
  tieRule:
    'Quy tắc xếp hạng: tổng điểm cao hơn xếp trên; nếu bằng điểm thì xét tỷ lệ báo cáo đúng hạn, rồi tỷ lệ báo cáo; nếu vẫn bằng nhau thì theo thứ tự đơn vị trong Khối.',
  tieNote: {
    on_time_rate: 'Bằng điểm, xếp sau theo tỷ lệ báo cáo đúng hạn',
    reporting_rate: 'Bằng điểm, xếp sau theo tỷ lệ báo cáo',
    display_order: 'Bằng điểm và tỷ lệ, xếp theo thứ tự trong Khối',
  },
  leftBloc: 'Đã rời Khối, không xếp hạng',
  qualitativeDefault: 'Chỉ tiêu định tính chưa được Khối đánh giá được tính là đạt.',
  notMet: (unit: string, codes: string) => `- ${unit}: không đạt chỉ tiêu ${codes}.`,
  criterionLegend: 'TC: chỉ tiêu giao ước, đánh số như tại mục I, kèm điểm chuẩn của chỉ tiêu.',
  joined: (date: string) => `tham gia từ ${date}`,
  left: (date: string) => `rời Khối ngày ${date}`,
  flag: (blocName: string, leaders: string) =>
    `Căn cứ kết quả tự chấm điểm và xếp hạng, ${blocName} thống nhất đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua cho đơn vị dẫn đầu Khối: ${leaders}.`,
  merit: (units: string) => `Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho: ${units}.`,
  noLeader: 'Khối chưa có đủ số liệu để đề nghị đơn vị dẫn đầu.',
  council: 'Kính đề nghị Hội đồng Thi đua - Khen thưởng tỉnh xem xét, quyết định.',
  recipients: ['Nơi nhận:', '- Ban Thi đua - Khen thưởng tỉnh;', '- Các đơn vị thành viên Khối;', '- Lưu: VT.'],
  signFor: (blocName: string) => `TM. ${blocName.toUpperCase()}`,
  chairTitle: 'KHỐI TRƯỞNG',
  col: {
    no: 'TT',
    rank: 'Hạng',
    unit: 'Đơn vị',
    blocTotal: 'Toàn Khối',
    expected: 'Số kỳ phải báo cáo',
    received: 'Đã báo cáo',
    onTime: 'Đúng hạn',
    nil: 'Không phát sinh',
    reportingRate: 'Tỷ lệ báo cáo',
    onTimeRate: 'Tỷ lệ đúng hạn',
    criterion: (code: string) => `Chỉ tiêu ${code}`,
    criterionShort: (code: string) => `TC ${code}`,
    points: (max: string) => `${max}đ`,
    bonus: ['Điểm', 'thưởng'],
    deduction: ['Điểm', 'trừ'],
    total: ['Tổng', 'điểm'],
    note: 'Ghi chú',
  },
};

export const exportText = {
  reportColumns: [
    'Kỳ báo cáo',
    'Từ ngày',
    'Đến ngày',
    'Đơn vị',
    'Loại báo cáo',
    'Thời hạn',
    'Tính vào tổng hợp',
    'Gửi lần đầu lúc',
    'Cập nhật lúc',
    'Lần sửa',
    'Kênh gửi',
  ],
  reportTextColumns: ['Kết quả nổi bật', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị'],
  nil: 'Không phát sinh',
  withFigures: 'Có số liệu',
  onTime: 'Đúng hạn',
  late: 'Muộn',
  yes: 'Có',
  notMember: 'Không (ngoài thời gian là thành viên)',
  via: {
    telegram: 'Telegram',
    web: 'Đường dẫn web',
    admin: 'Quản trị viên',
    import: 'Nhập dữ liệu',
    demo: 'Dữ liệu mẫu',
  },
  sheets: { reports: 'Báo cáo', totals: 'Tổng hợp', rates: 'Tỷ lệ báo cáo', scores: 'Chấm điểm' },
  done: 'Thực hiện',
  target: 'Chỉ tiêu',
  percent: 'Tỷ lệ đạt (%)',
};

export const entryMessages = {
  badYear: (v: string) => `Năm "${v}" không hợp lệ; đồng chí vui lòng nhập năm dạng 2023.`,
  noBloc: (id: number) => `Không tìm thấy khối thi đua mã ${id}.`,
  notMember: (unitId: number, year: number) => `Đơn vị mã ${unitId} không phải thành viên của Khối trong năm ${year}.`,
  badPoints: (v: string) =>
    `Số điểm "${v}" không hợp lệ; đồng chí vui lòng nhập số dương đến 1000, tối đa hai chữ số thập phân (ví dụ 2 hoặc 1,5).`,
  noReason: 'Đồng chí vui lòng ghi lý do cộng hoặc trừ điểm.',
  longReason: 'Lý do dài quá 500 ký tự; đồng chí vui lòng rút gọn.',
  noCriterion: (code: string, year: number) => `Giao ước thi đua năm ${year} không có chỉ tiêu số "${code}".`,
  notQualitative: (code: string) =>
    `Chỉ tiêu "${code}" là chỉ tiêu định lượng, được chấm theo số liệu báo cáo, không đánh giá đạt/không đạt.`,
  badMet: (v: string) => `Kết quả đánh giá "${v}" không hợp lệ; đồng chí vui lòng nhập "đạt" hoặc "không đạt".`,
};

export const cliText = {
  usage: [
    'summary annual|mid-year --bloc ID --year N [--out tệp.docx|tệp.xlsx|tệp.csv] [--date YYYY-MM-DD]',
    '    summary digest --bloc ID --week 2026-W47 (hoặc --period 2026-11) [--send]',
    '    summary adjust --bloc ID --year N --unit ID (--bonus 2 | --deduction 1,5) --reason "lý do"',
    '    summary assess --bloc ID --year N --unit ID --criterion MÃ --met đạt|"không đạt" [--note "ghi chú"]',
    '    summary schedule --bloc ID [--weekday 1-7] [--time 08:00] [--mid-year 05/07] [--annual 05/12] [--summary-time 08:00] [--enabled bật|tắt]',
  ].join('\n'),
  needInt: (name: string) => `--${name}: cần một số nguyên dương.`,
  badDate: (v: string) => `--date "${v}" không phải một ngày có thật; cần dạng YYYY-MM-DD, ví dụ 2024-01-15.`,
  badExt: (out: string) => `Không rõ định dạng của "${out}": tệp cần đuôi .docx, .xlsx hoặc .csv.`,
  written: (out: string) => `Đã ghi ${out}.`,
  needPeriod: '--week (ví dụ 2026-W47) hoặc --period (ví dụ 2026-11): cần kỳ báo cáo.',
  wrongCadence: (key: string, cadence: string) =>
    `Kỳ "${key}" không khớp chu kỳ báo cáo của Khối (${cadence === 'week' ? 'hằng tuần, ví dụ 2026-W47' : 'hằng tháng, ví dụ 2026-11'}).`,
  needPoints: 'Cần --bonus <điểm> hoặc --deduction <điểm>.',
  adjusted: (kind: string, points: number, id: number) =>
    `Đã ghi ${kind === 'bonus' ? 'điểm thưởng' : 'điểm trừ'} ${String(points).replace('.', ',')} điểm (mục #${id}).`,
  assessed: (met: boolean) => `Đã ghi kết quả: ${met ? 'đạt' : 'không đạt'}.`,
  schedule: (
    blocName: string,
    s: { enabled: boolean; digestTime: string; midYearOn: string; annualOn: string; summaryTime: string },
    weekday: string,
  ) =>
    [
      `Lịch gửi của ${blocName}${s.enabled ? '' : ' (đang tắt)'}:`,
      `  Bản tin định kỳ: ${weekday}, ${s.digestTime}`,
      `  Sơ kết 6 tháng: ngày ${s.midYearOn.split('-').reverse().join('/')}, ${s.summaryTime}`,
      `  Tổng kết năm: ngày ${s.annualOn.split('-').reverse().join('/')}, ${s.summaryTime}`,
    ].join('\n'),
};

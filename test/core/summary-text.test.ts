import { describe, expect, it } from 'vitest';
import { scoreSheet, type UnitScoringInput } from '../../src/core/scoring.js';
import { plainText } from '../../src/core/plain-text.js';
import { type SummaryNoticeInput, summaryNoticeMessage } from '../../src/core/summary-text.js';

const summaryNoticeText = (s: SummaryNoticeInput) => plainText(summaryNoticeMessage(s));

const criteria = [
  { criterionId: 1, code: '1', title: 'Mô hình điểm', kind: 'quantitative' as const, maxPoints: 60 },
  { criterionId: 2, code: '2', title: 'Chấp hành chế độ báo cáo', kind: 'qualitative' as const, maxPoints: 40 },
];

const unit = (unitId: number, name: string, total: number, eligible = true): UnitScoringInput => ({
  unitId,
  name,
  displayOrder: unitId,
  achievements: new Map([[1, { total, target: 10 }]]),
  assessments: new Map(),
  adjustments: [],
  reportingRate: 1,
  onTimeRate: 1,
  eligible,
});

function notice(over: Partial<SummaryNoticeInput> = {}): SummaryNoticeInput {
  return {
    kind: 'annual',
    year: 2026,
    bloc: { name: 'Khối thi đua số 6' },
    periods: { count: 48, coversUntil: '2026-11-29' },
    rates: { bloc: { expected: 96, received: 90, onTime: 81, reportingRate: 90 / 96, onTimeRate: 81 / 96 } },
    progress: [
      { code: '1', title: 'Mô hình điểm', unitOfMeasure: 'mô hình', valueType: 'count', total: 15, target: 20 },
    ],
    units: [
      { unitId: 1, shortName: 'Tỉnh đoàn' },
      { unitId: 2, shortName: null },
      { unitId: 3, shortName: 'Hội CCB' },
    ],
    scores: scoreSheet(criteria, [
      unit(1, 'Tỉnh đoàn Sóc Trăng', 10),
      unit(2, 'Hội Nông dân tỉnh', 5),
      unit(3, 'Hội Cựu chiến binh tỉnh', 10, false),
    ]),
    ...over,
  };
}

describe('summaryNoticeMessage', () => {
  it('announces the annual summary: periods, rates, progress, ranking by short name and the proposed leader', () => {
    const lines = summaryNoticeText(notice()).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '📋 KHỐI THI ĐUA SỐ 6',
      'TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2026',
      'Số liệu 48 kỳ báo cáo, đến hết ngày 29/11/2026.',
    ]);
    expect(lines).toContain('🏅 TỰ CHẤM ĐIỂM VÀ XẾP HẠNG (tối đa 100 điểm, chưa kể điểm thưởng)');
    expect(lines).toContain('1. Tỉnh đoàn: 100 điểm');
    expect(lines).toContain('2. Hội Nông dân tỉnh: 70 điểm');
    expect(lines).toContain('– Hội CCB: 100 điểm (đã rời Khối, không xếp hạng)');
    expect(lines).toContain('🚩 Đề nghị đơn vị dẫn đầu: Tỉnh đoàn Sóc Trăng.');
    expect(lines.at(-1)).toBe('Báo cáo đầy đủ (Word, Excel) có tại trang quản trị của Khối.');
  });

  it('proposes no leader in a mid-year review, and says when no period has ended yet', () => {
    const text = summaryNoticeText(notice({ kind: 'mid_year', periods: { count: 0, coversUntil: null } }));
    expect(text).toContain('SƠ KẾT CÔNG TÁC THI ĐUA 6 THÁNG ĐẦU NĂM 2026');
    expect(text).toContain('Chưa có kỳ báo cáo nào kết thúc trong khoảng thời gian này.');
    expect(text).not.toContain('Đề nghị đơn vị dẫn đầu');
  });

  it('gives the figures as blocks, each progress with its ratio, the text set apart by blank lines', () => {
    const m = summaryNoticeMessage(notice());
    expect(m).toMatchObject({ topic: 'summary', title: '📋 KHỐI THI ĐUA SỐ 6', actions: [] });
    expect(m.blocks[2]).toEqual({
      kind: 'figures',
      heading: '📈 KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA',
      figures: [{ label: '1. Mô hình điểm', value: '15/20 mô hình', progress: 0.75 }],
    });
    expect(plainText(m).split('\n\n')[2]).toBe(
      '📈 KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA\n1. Mô hình điểm: 15/20 mô hình ▓▓▓▓▓▓▓░░░ 75%',
    );
  });
});

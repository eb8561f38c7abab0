import { describe, expect, it } from 'vitest';
import {
  compareForRanking,
  quantitativePoints,
  scoreSheet,
  scoreUnit,
  type ScoringCriterion,
  type UnitScoringInput,
} from '../../src/core/scoring.js';

const criteria: ScoringCriterion[] = [
  { criterionId: 1, code: '1', title: 'Gương điển hình', kind: 'quantitative', maxPoints: 40 },
  { criterionId: 2, code: '2', title: 'Mô hình', kind: 'quantitative', maxPoints: 40 },
  { criterionId: 3, code: '3', title: 'Cơ quan văn hóa', kind: 'qualitative', maxPoints: 20 },
];

function unit(id: number, over: Partial<UnitScoringInput> & { a?: [number, number][] } = {}): UnitScoringInput {
  const a = over.a ?? [
    [10, 10],
    [20, 20],
  ];
  return {
    unitId: id,
    name: `Đơn vị ${id}`,
    displayOrder: id,
    achievements: new Map([
      [1, { total: a[0]![0], target: a[0]![1] }],
      [2, { total: a[1]![0], target: a[1]![1] }],
    ]),
    assessments: new Map(),
    adjustments: [],
    reportingRate: 1,
    onTimeRate: 1,
    eligible: true,
    ...over,
  };
}

describe('quantitativePoints', () => {
  it('is proportional to achievement, capped at the criterion maximum', () => {
    expect(quantitativePoints(40, 5, 10)).toBe(20);
    expect(quantitativePoints(40, 13, 10)).toBe(40);
    expect(quantitativePoints(15, 27, 40)).toBe(10.13); // 15 × 27/40 = 10.125, to hundredths
    expect(quantitativePoints(40, 0, 10)).toBe(0);
  });

  it('gives full points when no target was set and none for a criterion worth nothing', () => {
    expect(quantitativePoints(20, 0, 0)).toBe(20);
    expect(quantitativePoints(0, 5, 10)).toBe(0);
  });
});

describe('scoreUnit', () => {
  it('adds quantitative points, qualitative points and the bonus, minus the deduction', () => {
    const s = scoreUnit(
      criteria,
      unit(1, {
        a: [
          [5, 10],
          [30, 20],
        ],
        adjustments: [
          { kind: 'bonus', points: 2, reason: 'Tổ chức hội thi' },
          { kind: 'bonus', points: 0.5, reason: 'Sáng kiến' },
          { kind: 'deduction', points: 1, reason: 'Nộp báo cáo muộn' },
        ],
      }),
    );
    expect(s.criteria.map((c) => [c.points, c.basis])).toEqual([
      [20, 'achievement'],
      [40, 'achievement'],
      [20, 'default'],
    ]);
    expect([s.base, s.bonus, s.deduction, s.total]).toEqual([80, 2.5, 1, 81.5]);
  });

  it('scores a qualitative criterion by the admin entry, else by the default', () => {
    const notMet = scoreUnit(criteria, unit(1, { assessments: new Map([[3, false]]) }));
    expect(notMet.criteria[2]).toMatchObject({ points: 0, basis: 'assessed' });
    const defaultNotMet = scoreUnit(criteria, unit(1), { qualitativeDefault: false });
    expect(defaultNotMet.criteria[2]).toMatchObject({ points: 0, basis: 'default' });
    const met = scoreUnit(criteria, unit(1, { assessments: new Map([[3, true]]) }), { qualitativeDefault: false });
    expect(met.criteria[2]).toMatchObject({ points: 20, basis: 'assessed' });
  });

  it('never gives a total below zero', () => {
    const s = scoreUnit(
      criteria,
      unit(1, {
        a: [
          [0, 10],
          [0, 20],
        ],
        assessments: new Map([[3, false]]),
        adjustments: [{ kind: 'deduction', points: 5, reason: 'Vi phạm' }],
      }),
    );
    expect(s.total).toBe(0);
  });
});

describe('ranking', () => {
  it('ranks by total, then on-time rate, then reporting rate, then display order', () => {
    const sheet = scoreSheet(criteria, [
      unit(1, { onTimeRate: 0.8, reportingRate: 0.9 }), // 100
      unit(2, { onTimeRate: 0.9, reportingRate: 0.9 }), // 100, better on time
      unit(3, { onTimeRate: 0.8, reportingRate: 0.95 }), // 100, same on time as 1, more reports
      unit(4, { onTimeRate: 0.8, reportingRate: 0.9 }), // 100, identical to 1: display order
      unit(5, {
        a: [
          [9, 10],
          [20, 20],
        ],
        onTimeRate: 1,
        reportingRate: 1,
      }), // 96
    ]);
    expect(sheet.rows.map((r) => [r.unitId, r.rank, r.total, r.tieBrokenBy])).toEqual([
      [2, 1, 100, null],
      [3, 2, 100, 'on_time_rate'],
      [1, 3, 100, 'reporting_rate'],
      [4, 4, 100, 'display_order'],
      [5, 5, 96, null],
    ]);
    expect(sheet.leaders.map((l) => l.unitId)).toEqual([2]);
    expect(sheet.maxBase).toBe(100);
  });

  it('puts units that left the bloc after the ranked ones, unranked and never proposed', () => {
    const sheet = scoreSheet(
      criteria,
      [
        unit(1, { eligible: false }),
        unit(2, {
          a: [
            [1, 10],
            [1, 20],
          ],
        }),
      ],
      { leaderCount: 2 },
    );
    expect(sheet.rows.map((r) => [r.unitId, r.rank])).toEqual([
      [2, 1],
      [1, null],
    ]);
    expect(sheet.leaders.map((l) => l.unitId)).toEqual([2]);
  });

  it('treats a unit with no expected reports (rate unknown) as below any known rate', () => {
    const a = { total: 50, onTimeRate: null, reportingRate: null, displayOrder: 1, unitId: 1 };
    const b = { total: 50, onTimeRate: 0, reportingRate: 0, displayOrder: 2, unitId: 2 };
    expect(compareForRanking(a, b)).toBeGreaterThan(0);
  });

  it('proposes the requested number of leading units', () => {
    const sheet = scoreSheet(
      criteria,
      [
        unit(1),
        unit(2, {
          a: [
            [5, 10],
            [20, 20],
          ],
        }),
        unit(3, {
          a: [
            [8, 10],
            [20, 20],
          ],
        }),
      ],
      { leaderCount: 2 },
    );
    expect(sheet.leaders.map((l) => l.unitId)).toEqual([1, 3]);
  });
});

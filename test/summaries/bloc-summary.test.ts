import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createUnit, endMembership } from '../../src/db/units.js';
import {
  type BlocSummary,
  computeBlocSummary,
  SummaryError,
  summaryPeriods,
} from '../../src/summaries/bloc-summary.js';
import { recordAssessment, recordScoreAdjustment } from '../../src/summaries/score-entries.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from './helpers.js';

// Units A, B, C (members since 2025) and D, which joins on 01/07/2026; C leaves on 31/03/2026.
// 2026 has 53 ISO weeks: A and B are expected 53 times, C 14 times (W01–W14, as W14 is
// 30/03–05/04), D 27 times (W27 = 29/06–05/07 to W53).
let t: TestDb;
let b: SmallBloc;
let d: number;
const asOf = new Date('2027-02-01T01:00:00Z');
const admin = { name: 'quantri' };

beforeAll(async () => {
  t = await createTestDb();
  b = await createSmallBloc(t.db, { units: 3, year: 2026 });
  await endMembership(t.db, b.blocId, b.unitIds[2]!, '2026-03-31');
  d = (await createUnit(t.db, { name: 'Đơn vị D', shortName: 'ĐVD' })).id;
  await addMembership(t.db, { blocId: b.blocId, unitId: d, joinedOn: '2026-07-01', displayOrder: 4 });
  await fileReport(t.db, b, 0, '2026-W01', '2026-01-04T03:00:00Z', [4, 10]);
  await fileReport(t.db, b, 0, '2026-W02', '2026-01-11T03:00:00Z', null); // nil, on time
  await fileReport(t.db, b, 0, '2026-W03', '2026-01-25T03:00:00Z', [6, 10]); // late (deadline 2026-01-19T17:00Z)
  await fileReport(t.db, b, 1, '2026-W01', '2026-01-04T03:00:00Z', [10, 20]);
  await fileReport(t.db, b, 2, '2026-W10', '2026-03-08T03:00:00Z', [3, 5]);
  await fileReport(t.db, b, 2, '2026-W20', '2026-05-17T03:00:00Z', [50, 50]); // after leaving: not counted
  await fileReport(t.db, b, 3, '2026-W05', '2026-02-01T03:00:00Z', [7, 7], null, d); // before joining: not counted
  await fileReport(t.db, b, 3, '2026-W30', '2026-07-26T03:00:00Z', [2, 2], null, d);
});
afterAll(async () => {
  await t.close();
});

const row = (s: BlocSummary, unitId: number) => s.scores.rows.find((r) => r.unitId === unitId)!;

describe('annual summary (tổng kết năm)', () => {
  let s: BlocSummary;
  beforeAll(async () => {
    s = await computeBlocSummary(t.db, b.blocId, { kind: 'annual', year: 2026, asOf, timeZone: TZ });
  });

  it('covers the 53 weeks of 2026', () => {
    expect(s.periods).toMatchObject({
      count: 53,
      firstKey: '2026-W01',
      lastKey: '2026-W53',
      coversUntil: '2027-01-03',
    });
  });

  it('counts reports and expected reports only while each unit was a member', () => {
    const [a, bb, c] = b.unitIds;
    expect(s.rates.byUnit.map((r) => [r.unitId, r.expected, r.received, r.onTime, r.late, r.nil])).toEqual(
      expect.arrayContaining([
        [a, 53, 3, 2, 1, 1],
        [bb, 53, 1, 1, 0, 0],
        [c, 14, 1, 1, 0, 0],
        [d, 27, 1, 1, 0, 0],
      ]),
    );
    expect(s.rates.bloc).toMatchObject({ expected: 147, received: 6, onTime: 5, late: 1, nil: 1 });
    expect(s.rates.bloc.reportingRate).toBeCloseTo(6 / 147);
    expect(s.progress.map((p) => [p.code, p.total, p.target])).toEqual([
      ['1', 25, 40],
      ['2', 47, 80],
    ]);
    expect(s.progress[0]!.byUnit.map((u) => u.total)).toEqual([10, 10, 3, 2]);
  });

  it('scores each unit and breaks the tie between A and B by the on-time rate', () => {
    const [a, bb, c] = b.unitIds;
    expect(s.scores.rows.map((r) => [r.unitId, r.rank, r.total, r.tieBrokenBy])).toEqual([
      [a, 1, 100, null],
      [bb, 2, 100, 'on_time_rate'],
      [d, 3, 32, null], // 40 × 2/10 + 40 × 2/20 + 20
      [c, null, 42, null], // left the bloc: 40 × 3/10 + 40 × 5/20 + 20, not ranked
    ]);
    expect(s.scores.leaders.map((l) => l.unitId)).toEqual([a]);
    expect(s.units.find((u) => u.unitId === c)?.memberAtEnd).toBe(false);
    expect(s.chair?.name).toBe('Đơn vị 1');
  });

  it('takes bonus, deduction and qualitative entries into the score', async () => {
    const [a, bb] = b.unitIds;
    const now = new Date('2027-01-10T03:00:00Z');
    expect(
      (
        await recordScoreAdjustment(
          t.db,
          { blocId: b.blocId, unitId: a!, year: 2026, kind: 'deduction', points: '0,5', reason: 'Gửi báo cáo muộn' },
          admin,
          now,
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await recordAssessment(
          t.db,
          { blocId: b.blocId, unitId: d, year: 2026, criterionCode: '3', met: 'không đạt' },
          admin,
          now,
        )
      ).ok,
    ).toBe(true);
    const after = await computeBlocSummary(t.db, b.blocId, { kind: 'annual', year: 2026, asOf, timeZone: TZ });
    expect(after.scores.rows.map((r) => [r.unitId, r.rank, r.total, r.tieBrokenBy])).toEqual([
      [bb, 1, 100, null],
      [a, 2, 99.5, null],
      [d, 3, 12, null],
      [b.unitIds[2], null, 42, null],
    ]);
    expect(row(after, a!)).toMatchObject({ base: 100, deduction: 0.5 });
    expect(row(after, d).criteria[2]).toMatchObject({ points: 0, basis: 'assessed' });
    expect(after.adjustments).toHaveLength(1);
  });
});

describe('mid-year review (sơ kết 6 tháng)', () => {
  it('covers the weeks whose Thursday is in the first half, and the units that were members then', async () => {
    const s = await computeBlocSummary(t.db, b.blocId, { kind: 'mid_year', year: 2026, asOf, timeZone: TZ });
    expect(s.periods).toMatchObject({ count: 26, lastKey: '2026-W26', coversUntil: '2026-06-28' });
    expect(s.units.map((u) => u.unitId)).toEqual(b.unitIds); // D joined on 01/07
    expect(s.rates.bloc).toMatchObject({ expected: 26 + 26 + 14, received: 5, onTime: 4 });
    expect(s.progress.map((p) => [p.total, p.target])).toEqual([
      [23, 30],
      [45, 60],
    ]);
  });

  it('computed on 05/07 at 08:00, counts only the weeks already over', async () => {
    const s = await computeBlocSummary(t.db, b.blocId, {
      kind: 'mid_year',
      year: 2026,
      asOf: new Date('2026-07-05T01:00:00Z'),
      timeZone: TZ,
    });
    expect(s.periods.lastKey).toBe('2026-W26');
  });
});

describe('summary periods and errors', () => {
  it('takes January to June for a monthly bloc’s mid-year review', () => {
    expect(summaryPeriods('month', 'mid_year', 2026, '2026-07-05').map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(summaryPeriods('month', 'annual', 2026, '2026-12-05')).toHaveLength(11);
  });

  it('refuses a year without a covenant and an unknown bloc, in Vietnamese', async () => {
    await expect(
      computeBlocSummary(t.db, b.blocId, { kind: 'annual', year: 2019, asOf, timeZone: TZ }),
    ).rejects.toThrow(new SummaryError('Khối thi đua thử nghiệm chưa có giao ước thi đua năm 2019.'));
    await expect(computeBlocSummary(t.db, 999, { kind: 'annual', year: 2026, asOf, timeZone: TZ })).rejects.toThrow(
      'Không tìm thấy khối thi đua mã 999.',
    );
  });
});

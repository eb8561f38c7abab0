import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/core/periods.js';
import { getBloc } from '../../src/db/blocs.js';
import { periodStatus, yearToDate } from '../../src/db/figures.js';
import { submitReport } from '../../src/db/reports.js';
import { addMembership, createUnit, endMembership } from '../../src/db/units.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';

let t: TestDb;
let b: SmallBloc;
beforeEach(async () => {
  t = await createTestDb();
  b = await createSmallBloc(t.db, { units: 4, year: 2026 });
});
afterEach(async () => {
  await t.close();
});

async function report(unitIndex: number, key: string, at: string, values: [number, number] | null) {
  const p = periodFromKey(key);
  await t.db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId: b.blocId,
      unitId: b.unitIds[unitIndex]!,
      period: { kind: 'week', key, start: p.start, end: p.end },
      isNil: values === null,
      values: values
        ? [
            { criterionId: b.criterionIds[0]!, value: values[0] },
            { criterionId: b.criterionIds[1]!, value: values[1] },
          ]
        : [],
      notableResults: null,
      difficulties: null,
      proposals: null,
      submittedBy: { focalPointId: b.focalPointIds[unitIndex]! },
      via: 'telegram',
      at: new Date(at),
    }),
  );
}

describe('periodStatus', () => {
  it('classifies each expected unit as reported, nil, late or missing with the rates', async () => {
    // 2026-W47 = 16–22/11/2026; grace 1 day: deadline 24/11 00:00 +07 = 2026-11-23T17:00Z.
    await report(0, '2026-W47', '2026-11-21T03:00:00Z', [1, 2]);
    await report(1, '2026-W47', '2026-11-23T16:59:59Z', null);
    await report(2, '2026-W47', '2026-11-23T17:00:00Z', [0, 1]);
    const bloc = (await getBloc(t.db, b.blocId))!;
    const s = await periodStatus(t.db, bloc, periodFromKey('2026-W47'), 'Asia/Ho_Chi_Minh');
    expect(s.units.map((u) => u.status)).toEqual(['reported', 'nil', 'late', 'missing']);
    expect(s.rates).toMatchObject({ expected: 4, received: 3, onTime: 2, late: 1, nil: 1, missing: [b.unitIds[3]] });
    expect(s.rates.reportingRate).toBeCloseTo(0.75);
    expect(s.rates.onTimeRate).toBeCloseTo(0.5);
    expect(s.deadlines.deadline.toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });

  it('expects only units that were members during the period', async () => {
    const newcomer = await createUnit(t.db, { name: 'Đơn vị mới' });
    await addMembership(t.db, { blocId: b.blocId, unitId: newcomer.id, joinedOn: '2026-11-20', displayOrder: 5 });
    await endMembership(t.db, b.blocId, b.unitIds[3]!, '2026-11-08');
    const bloc = (await getBloc(t.db, b.blocId))!;
    const before = await periodStatus(t.db, bloc, periodFromKey('2026-W46'), 'Asia/Ho_Chi_Minh');
    expect(before.units.map((u) => u.unitId)).toEqual(b.unitIds.slice(0, 3));
    const during = await periodStatus(t.db, bloc, periodFromKey('2026-W47'), 'Asia/Ho_Chi_Minh');
    expect(during.units.map((u) => u.unitId)).toEqual([...b.unitIds.slice(0, 3), newcomer.id]);
  });
});

describe('yearToDate', () => {
  it('sums each criterion per unit against the targets, by ISO-week year and membership', async () => {
    await report(0, '2026-W01', '2026-01-03T03:00:00Z', [1, 2]); // 29/12/2025–04/01/2026 belongs to 2026
    await report(0, '2026-W02', '2026-01-10T03:00:00Z', [2, 3]);
    await report(1, '2026-W02', '2026-01-10T03:00:00Z', [4, 0]);
    await report(1, '2025-W52', '2025-12-27T03:00:00Z', [9, 9]); // previous year: not counted
    await report(2, '2026-W10', '2026-03-07T03:00:00Z', [5, 5]);
    await endMembership(t.db, b.blocId, b.unitIds[2]!, '2026-02-28'); // a report after leaving is not counted
    const ytd = await yearToDate(t.db, b.blocId, 2026);
    expect(ytd.map((c) => c.code)).toEqual(['1', '2']); // qualitative criteria have no totals
    const [c1, c2] = ytd;
    expect(c1!.byUnit.map((u) => u.total)).toEqual([3, 4, 0, 0]);
    expect(c1!.total).toBe(7);
    expect(c1!.target).toBe(40);
    expect(c2!.total).toBe(5);
    const upToJan5 = await yearToDate(t.db, b.blocId, 2026, '2026-01-04');
    expect(upToJan5[0]!.total).toBe(1);
  });
});

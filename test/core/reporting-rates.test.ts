import { describe, expect, it } from 'vitest';
import { periodDeadlines, periodFromKey, periodsOfYear } from '../../src/core/periods.js';
import {
  expectedUnits,
  formatPercentVi,
  isMemberDuring,
  type Membership,
  type ReceivedReport,
  reportingRates,
} from '../../src/core/reporting-rates.js';

const HCM = 'Asia/Ho_Chi_Minh';
const w09 = periodFromKey('2024-W09'); // 26/02 – 03/03/2024
const w10 = periodFromKey('2024-W10'); // 04/03 – 10/03/2024
const w11 = periodFromKey('2024-W11'); // 11/03 – 17/03/2024

describe('isMemberDuring', () => {
  const m = (joinedOn: string, leftOn: string | null): Membership => ({
    unitId: 1,
    joinedOn,
    leftOn,
  });

  it('counts a unit that joined on any day of the week', () => {
    expect(isMemberDuring(m('2024-03-04', null), w10)).toBe(true); // Monday
    expect(isMemberDuring(m('2024-03-06', null), w10)).toBe(true); // Wednesday
    expect(isMemberDuring(m('2024-03-10', null), w10)).toBe(true); // Sunday
    expect(isMemberDuring(m('2024-03-11', null), w10)).toBe(false); // next Monday
  });

  it('counts a unit whose last day falls in the period, but not one that left before it', () => {
    expect(isMemberDuring(m('2020-01-01', '2024-03-04'), w10)).toBe(true); // last day Monday
    expect(isMemberDuring(m('2020-01-01', '2024-03-10'), w10)).toBe(true);
    expect(isMemberDuring(m('2020-01-01', '2024-03-03'), w10)).toBe(false); // left the Sunday before
    expect(isMemberDuring(m('2020-01-01', '2024-03-04'), w11)).toBe(false);
  });

  it('counts a one-day membership inside the period', () => {
    expect(isMemberDuring(m('2024-03-07', '2024-03-07'), w10)).toBe(true);
    expect(isMemberDuring(m('2024-03-07', '2024-03-07'), w11)).toBe(false);
  });
});

describe('expectedUnits', () => {
  const memberships: Membership[] = [
    { unitId: 7, joinedOn: '2020-01-01', leftOn: null },
    { unitId: 3, joinedOn: '2020-01-01', leftOn: null },
    { unitId: 1, joinedOn: '2020-01-01', leftOn: null },
    { unitId: 4, joinedOn: '2020-01-01', leftOn: '2024-03-04' }, // left on Monday of W10
    { unitId: 5, joinedOn: '2020-01-01', leftOn: '2024-03-03' }, // left on Sunday of W09
    { unitId: 8, joinedOn: '2024-03-06', leftOn: null }, // joined on Wednesday of W10
    // Unit 3 also has an older spell: it must not be listed twice.
    { unitId: 3, joinedOn: '2018-01-01', leftOn: '2019-06-30' },
  ];

  it('lists sorted unique ids of the members during the period', () => {
    expect(expectedUnits(memberships, w09)).toEqual([1, 3, 4, 5, 7]);
    expect(expectedUnits(memberships, w10)).toEqual([1, 3, 4, 7, 8]);
    expect(expectedUnits(memberships, w11)).toEqual([1, 3, 7, 8]);
    expect(expectedUnits([], w10)).toEqual([]);
  });

  it('expects a unit that joined mid-year only from its join week', () => {
    const weeks = periodsOfYear('week', 2024);
    const weeksExpectingUnit8 = weeks.filter((w) => expectedUnits(memberships, w).includes(8));
    expect(weeksExpectingUnit8[0]?.key).toBe('2024-W10');
    expect(weeksExpectingUnit8).toHaveLength(43); // W10..W52
    const months = periodsOfYear('month', 2024);
    expect(months.filter((p) => expectedUnits(memberships, p).includes(8)).map((p) => p.key)[0]).toBe('2024-03');
    expect(expectedUnits(memberships, periodFromKey('2024-H1'))).toEqual([1, 3, 4, 5, 7, 8]);
    expect(expectedUnits(memberships, periodFromKey('2024-H2'))).toEqual([1, 3, 7, 8]);
  });
});

describe('reportingRates', () => {
  // Deadline of W10 with one grace day: 00:00 12/03/2024 +07 = 2024-03-11T17:00Z.
  const { deadline } = periodDeadlines(w10, { graceDays: 1, lockDays: 7 }, HCM);
  const r = (unitId: number, iso: string, isNil = false, periodKey = '2024-W10'): ReceivedReport => ({
    unitId,
    periodKey,
    submittedAt: new Date(iso),
    isNil,
  });

  it('counts received, on time, late, nil and missing for a seven-unit bloc', () => {
    expect(deadline.toISOString()).toBe('2024-03-11T17:00:00.000Z');
    const result = reportingRates({
      expected: [1, 2, 3, 4, 5, 6, 7],
      deadline,
      reports: [
        r(1, '2024-03-08T03:00:00Z'), // on time
        r(2, '2024-03-11T17:00:00.000Z'), // exactly at the deadline: late
        r(3, '2024-03-11T16:59:59.999Z', true), // nil, on time
        r(4, '2024-03-12T02:00:00Z', true), // nil, late
        r(5, '2024-03-12T01:00:00Z', false), // resubmitted late with figures …
        r(5, '2024-03-09T01:00:00Z', true), // … after a nil report on time
        r(99, '2024-03-08T03:00:00Z'), // not a member: ignored
      ],
    });
    expect(result).toEqual({
      expected: 7,
      received: 5,
      onTime: 3,
      late: 2,
      nil: 2,
      missing: [6, 7],
      reportingRate: 5 / 7,
      onTimeRate: 3 / 7,
    });
    expect(formatPercentVi(result.reportingRate)).toBe('71,4%');
    expect(formatPercentVi(result.onTimeRate)).toBe('42,9%');
  });

  it('counts a unit with a nil report followed by a later nil as one nil report', () => {
    const result = reportingRates({
      expected: [1],
      deadline,
      reports: [r(1, '2024-03-12T00:00:00Z', true), r(1, '2024-03-13T00:00:00Z', true)],
    });
    expect(result).toMatchObject({ received: 1, onTime: 0, late: 1, nil: 1, reportingRate: 1 });
  });

  it('counts a figures report replaced by a later nil report as nil', () => {
    const result = reportingRates({
      expected: [1, 2],
      deadline,
      reports: [r(1, '2024-03-05T00:00:00Z', false), r(1, '2024-03-06T00:00:00Z', true)],
    });
    expect(result).toMatchObject({ received: 1, onTime: 1, nil: 1, missing: [2] });
    expect(result.reportingRate).toBe(0.5);
  });

  it('returns null rates when no unit is expected', () => {
    const result = reportingRates({
      expected: [],
      deadline,
      reports: [r(1, '2024-03-08T03:00:00Z')],
    });
    expect(result).toEqual({
      expected: 0,
      received: 0,
      onTime: 0,
      late: 0,
      nil: 0,
      missing: [],
      reportingRate: null,
      onTimeRate: null,
    });
  });

  it('ignores duplicate expected ids and sorts missing ids', () => {
    const result = reportingRates({ expected: [7, 3, 7, 1], deadline, reports: [] });
    expect(result).toMatchObject({
      expected: 3,
      received: 0,
      missing: [1, 3, 7],
      reportingRate: 0,
    });
  });

  it('keeps only the reports of periodKey when given', () => {
    const result = reportingRates({
      expected: [1, 2],
      deadline,
      periodKey: '2024-W10',
      reports: [r(1, '2024-03-08T03:00:00Z'), r(2, '2024-03-15T03:00:00Z', false, '2024-W11')],
    });
    expect(result).toMatchObject({ received: 1, onTime: 1, missing: [2], reportingRate: 0.5 });
  });

  it('refuses reports of several periods without periodKey', () => {
    expect(() =>
      reportingRates({
        expected: [1, 2],
        deadline,
        reports: [r(1, '2024-03-08T03:00:00Z'), r(2, '2024-03-15T03:00:00Z', false, '2024-W11')],
      }),
    ).toThrow(/periodKey/);
  });

  it('reaches 100% when every expected unit reports on time', () => {
    const result = reportingRates({
      expected: [1, 2, 3],
      deadline,
      reports: [1, 2, 3].map((id) => r(id, '2024-03-10T10:00:00Z')),
    });
    expect(result.reportingRate).toBe(1);
    expect(result.onTimeRate).toBe(1);
    expect(formatPercentVi(result.onTimeRate)).toBe('100%');
  });
});

describe('formatPercentVi', () => {
  it.each([
    [0.857, '85,7%'],
    [1, '100%'],
    [0, '0%'],
    [0.5, '50%'],
    [1 / 3, '33,3%'],
    [2 / 3, '66,7%'],
    [6 / 7, '85,7%'],
    [0.8565, '85,7%'],
    [0.9999, '100%'],
    [0.0004, '0%'],
    [0.105, '10,5%'],
    [1.5, '150%'],
  ])('formats %f as %s', (rate, text) => {
    expect(formatPercentVi(rate)).toBe(text);
  });

  it('shows a dash for no rate', () => {
    expect(formatPercentVi(null)).toBe('—');
    expect(formatPercentVi(Number.NaN)).toBe('—');
    expect(formatPercentVi(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('takes the number of decimals', () => {
    expect(formatPercentVi(0.857, 0)).toBe('86%');
    expect(formatPercentVi(1, 0)).toBe('100%');
    expect(formatPercentVi(0.1, 0)).toBe('10%');
    expect(formatPercentVi(2 / 3, 2)).toBe('66,67%');
    expect(formatPercentVi(0.5, 2)).toBe('50%');
    expect(formatPercentVi(0.125, 2)).toBe('12,5%');
    expect(() => formatPercentVi(0.5, -1)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import {
  isLocked,
  isOnTime,
  isoWeekOf,
  isoWeeksInYear,
  nextPeriod,
  openPeriodsForReporting,
  type PeriodKind,
  periodContaining,
  periodDeadlines,
  periodFromKey,
  periodKindOfKey,
  periodsBetween,
  periodsOfYear,
  previousPeriod,
} from '../../src/core/periods.js';
import { addDays } from '../../src/core/time.js';

const HCM = 'Asia/Ho_Chi_Minh';

describe('ISO weeks', () => {
  it('labels and bounds a week in Vietnamese', () => {
    expect(periodContaining('week', '2023-02-01')).toEqual({
      kind: 'week',
      key: '2023-W05',
      start: '2023-01-30',
      end: '2023-02-05',
      label: 'Tuần 05/2023 (30/01/2023 – 05/02/2023)',
    });
  });

  it('puts every day Monday..Sunday in the same week', () => {
    for (let i = 0; i < 7; i++) {
      expect(periodContaining('week', addDays('2024-03-04', i)).key).toBe('2024-W10');
    }
    expect(periodContaining('week', '2024-03-03').key).toBe('2024-W09');
    expect(periodContaining('week', '2024-03-11').key).toBe('2024-W11');
  });

  it('2020-W53 runs 28/12/2020 – 03/01/2021 and 2021-W01 starts 04/01/2021', () => {
    const w53 = periodFromKey('2020-W53');
    expect(w53.start).toBe('2020-12-28');
    expect(w53.end).toBe('2021-01-03');
    expect(w53.label).toBe('Tuần 53/2020 (28/12/2020 – 03/01/2021)');
    expect(periodContaining('week', '2021-01-01').key).toBe('2020-W53');
    expect(periodContaining('week', '2021-01-03').key).toBe('2020-W53');
    expect(periodContaining('week', '2021-01-04')).toMatchObject({
      key: '2021-W01',
      start: '2021-01-04',
      end: '2021-01-10',
    });
    expect(nextPeriod(w53).key).toBe('2021-W01');
    expect(previousPeriod(periodFromKey('2021-W01')).key).toBe('2020-W53');
  });

  it('2025-12-29 is in 2026-W01; 2026-W53 exists; 2027-W01 starts 04/01/2027', () => {
    expect(periodContaining('week', '2025-12-29')).toMatchObject({
      key: '2026-W01',
      start: '2025-12-29',
      end: '2026-01-04',
    });
    expect(periodContaining('week', '2025-12-28').key).toBe('2025-W52');
    expect(periodFromKey('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodContaining('week', '2027-01-03').key).toBe('2026-W53');
    expect(periodFromKey('2027-W01')).toMatchObject({ start: '2027-01-04', end: '2027-01-10' });
    expect(nextPeriod(periodFromKey('2026-W53')).key).toBe('2027-W01');
  });

  it('assigns early-January and late-December days to the neighbouring ISO year', () => {
    expect(periodContaining('week', '2022-01-01').key).toBe('2021-W52');
    expect(periodFromKey('2021-W52')).toMatchObject({ start: '2021-12-27', end: '2022-01-02' });
    expect(periodContaining('week', '2024-12-30').key).toBe('2025-W01');
    expect(periodContaining('week', '2024-01-01').key).toBe('2024-W01');
    expect(periodContaining('week', '2023-01-01').key).toBe('2022-W52');
    expect(isoWeekOf('2023-01-01')).toEqual({ isoYear: 2022, week: 52 });
  });

  it('counts 52 or 53 weeks per ISO year', () => {
    expect(isoWeeksInYear(2015)).toBe(53); // 1 January is a Thursday
    expect(isoWeeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2032)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2023)).toBe(52);
    expect(isoWeeksInYear(2024)).toBe(52); // leap year starting on a Monday
    expect(isoWeeksInYear(2025)).toBe(52);
  });

  it('lists the ISO weeks of a year (weeks whose Thursday is in that year)', () => {
    const w2020 = periodsOfYear('week', 2020);
    expect(w2020).toHaveLength(53);
    expect(w2020[0]).toMatchObject({ key: '2020-W01', start: '2019-12-30' });
    expect(w2020.at(-1)).toMatchObject({ key: '2020-W53', end: '2021-01-03' });

    const w2023 = periodsOfYear('week', 2023);
    expect(w2023).toHaveLength(52);
    expect(w2023[0]).toMatchObject({ key: '2023-W01', start: '2023-01-02' });
    expect(w2023.at(-1)).toMatchObject({ key: '2023-W52', start: '2023-12-25', end: '2023-12-31' });

    const w2026 = periodsOfYear('week', 2026);
    expect(w2026).toHaveLength(53);
    expect(w2026[0]?.start).toBe('2025-12-29');
    expect(w2026.at(-1)?.end).toBe('2027-01-03');

    for (const w of w2026) expect(addDays(w.start, 3).startsWith('2026-')).toBe(true);
  });
});

describe('months, half years and years', () => {
  it('builds month periods with their real last day', () => {
    expect(periodContaining('month', '2023-05-17')).toEqual({
      kind: 'month',
      key: '2023-05',
      start: '2023-05-01',
      end: '2023-05-31',
      label: 'Tháng 05/2023',
    });
    expect(periodFromKey('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodFromKey('2023-02')).toMatchObject({ start: '2023-02-01', end: '2023-02-28' });
    expect(periodFromKey('2023-04').end).toBe('2023-04-30');
    expect(periodFromKey('2023-12').label).toBe('Tháng 12/2023');
  });

  it('steps months across the year', () => {
    expect(previousPeriod(periodFromKey('2024-01')).key).toBe('2023-12');
    expect(nextPeriod(periodFromKey('2023-12')).key).toBe('2024-01');
    expect(nextPeriod(periodFromKey('2024-01')).key).toBe('2024-02');
  });

  it('builds half years', () => {
    expect(periodContaining('half_year', '2023-06-30')).toEqual({
      kind: 'half_year',
      key: '2023-H1',
      start: '2023-01-01',
      end: '2023-06-30',
      label: '6 tháng đầu năm 2023',
    });
    expect(periodContaining('half_year', '2023-07-01')).toEqual({
      kind: 'half_year',
      key: '2023-H2',
      start: '2023-07-01',
      end: '2023-12-31',
      label: '6 tháng cuối năm 2023',
    });
    expect(previousPeriod(periodFromKey('2024-H1')).key).toBe('2023-H2');
    expect(nextPeriod(periodFromKey('2023-H2')).key).toBe('2024-H1');
    expect(nextPeriod(periodFromKey('2023-H1')).key).toBe('2023-H2');
  });

  it('builds years', () => {
    expect(periodContaining('year', '2024-03-13')).toEqual({
      kind: 'year',
      key: '2024',
      start: '2024-01-01',
      end: '2024-12-31',
      label: 'Năm 2024',
    });
    expect(previousPeriod(periodFromKey('2024')).key).toBe('2023');
    expect(nextPeriod(periodFromKey('2024')).key).toBe('2025');
  });

  it('lists the periods of a year', () => {
    expect(periodsOfYear('month', 2024).map((p) => p.key)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    expect(periodsOfYear('half_year', 2024).map((p) => p.key)).toEqual(['2024-H1', '2024-H2']);
    expect(periodsOfYear('year', 2024).map((p) => p.key)).toEqual(['2024']);
    expect(() => periodsOfYear('month', 2024.5)).toThrow(/Năm không hợp lệ/);
  });
});

describe('periodFromKey', () => {
  it('recognises the kind of a key', () => {
    expect(periodKindOfKey('2023-W05')).toBe('week');
    expect(periodKindOfKey('2023-05')).toBe('month');
    expect(periodKindOfKey('2023-H2')).toBe('half_year');
    expect(periodKindOfKey('2023')).toBe('year');
    expect(periodKindOfKey('2023-Q1')).toBeNull();
  });

  it.each([
    ['2023-W54', /năm 2023 có 52 tuần/],
    ['2023-W53', /năm 2023 có 52 tuần/],
    ['2026-W54', /năm 2026 có 53 tuần/],
    ['2023-W00', /có 52 tuần/],
    ['2023-13', /tháng phải từ 01 đến 12/],
    ['2023-00', /tháng phải từ 01 đến 12/],
    ['2023-H3', /cần dạng/],
    ['2023-H0', /cần dạng/],
    ['2023-w05', /cần dạng/],
    ['2023-W5', /cần dạng/],
    ['2023-5', /cần dạng/],
    ['23', /cần dạng/],
    [' 2023', /cần dạng/],
    ['', /cần dạng/],
    ['0000', /năm phải từ 0001/],
  ])('rejects %j', (key, message) => {
    expect(() => periodFromKey(key)).toThrow(message);
    expect(() => periodFromKey(key)).toThrow(/Mã kỳ báo cáo không hợp lệ/);
  });

  it('round-trips every key of several years', () => {
    const kinds: PeriodKind[] = ['week', 'month', 'half_year', 'year'];
    for (const year of [2020, 2021, 2023, 2024, 2026, 2027]) {
      for (const kind of kinds) {
        const periods = periodsOfYear(kind, year);
        for (const p of periods) {
          expect(periodFromKey(p.key)).toEqual(p);
          expect(periodContaining(kind, p.start)).toEqual(p);
          expect(periodContaining(kind, p.end)).toEqual(p);
        }
        // Consecutive and gap-free.
        for (let i = 1; i < periods.length; i++) {
          expect(periods[i]?.start).toBe(addDays(periods[i - 1]?.end ?? '', 1));
        }
      }
    }
  });
});

describe('periodsBetween', () => {
  it('lists the weeks overlapping a range that crosses the year', () => {
    expect(periodsBetween('week', '2023-12-27', '2024-01-10').map((p) => p.key)).toEqual([
      '2023-W52',
      '2024-W01',
      '2024-W02',
    ]);
    expect(periodsBetween('week', '2020-12-31', '2021-01-04').map((p) => p.key)).toEqual(['2020-W53', '2021-W01']);
  });

  it('lists months, half years and years', () => {
    expect(periodsBetween('month', '2023-11-15', '2024-02-01').map((p) => p.key)).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(periodsBetween('half_year', '2023-06-30', '2023-07-01').map((p) => p.key)).toEqual(['2023-H1', '2023-H2']);
    expect(periodsBetween('year', '2022-12-31', '2024-01-01').map((p) => p.key)).toEqual(['2022', '2023', '2024']);
  });

  it('returns one period for a single day and none for an inverted range', () => {
    expect(periodsBetween('week', '2024-03-10', '2024-03-10').map((p) => p.key)).toEqual(['2024-W10']);
    expect(periodsBetween('month', '2024-03-10', '2024-03-09')).toEqual([]);
  });

  it('rejects bad dates', () => {
    expect(() => periodsBetween('week', '2024-02-30', '2024-03-09')).toThrow(/Ngày không hợp lệ/);
  });
});

describe('deadlines', () => {
  const w10 = periodFromKey('2024-W10'); // Monday 04/03/2024 – Sunday 10/03/2024

  it('puts the deadline at local midnight (UTC+7) graceDays after the period', () => {
    expect(w10).toMatchObject({ start: '2024-03-04', end: '2024-03-10' });
    const d = periodDeadlines(w10, { graceDays: 1, lockDays: 7 }, HCM);
    expect(d.endsAt.toISOString()).toBe('2024-03-10T17:00:00.000Z'); // 00:00 11/03 +07
    expect(d.deadline.toISOString()).toBe('2024-03-11T17:00:00.000Z'); // 00:00 12/03 +07
    expect(d.lockAt.toISOString()).toBe('2024-03-17T17:00:00.000Z'); // 00:00 18/03 +07
  });

  it('is on time strictly before the deadline; exactly at the deadline is late', () => {
    const d = periodDeadlines(w10, { graceDays: 1, lockDays: 7 }, HCM);
    expect(isOnTime(new Date('2024-03-11T16:59:59.999Z'), d)).toBe(true);
    expect(isOnTime(new Date('2024-03-11T17:00:00.000Z'), d)).toBe(false);
    expect(isOnTime(new Date('2024-03-11T17:00:00.001Z'), d)).toBe(false);
    // A report during the week itself is on time.
    expect(isOnTime(new Date('2024-03-06T03:00:00Z'), d)).toBe(true);
  });

  it('locks from lockAt inclusive', () => {
    const d = periodDeadlines(w10, { graceDays: 1, lockDays: 7 }, HCM);
    expect(isLocked(new Date('2024-03-17T16:59:59.999Z'), d)).toBe(false);
    expect(isLocked(new Date('2024-03-17T17:00:00.000Z'), d)).toBe(true);
  });

  it('with graceDays 0 the deadline is the end of the period', () => {
    const d = periodDeadlines(w10, { graceDays: 0, lockDays: 0 }, HCM);
    expect(d.deadline.getTime()).toBe(d.endsAt.getTime());
    expect(d.lockAt.getTime()).toBe(d.endsAt.getTime());
    expect(isOnTime(new Date('2024-03-10T16:59:59.999Z'), d)).toBe(true);
    expect(isOnTime(new Date('2024-03-10T17:00:00.000Z'), d)).toBe(false);
  });

  it('handles months (leap February) and years crossing into the next year', () => {
    const feb = periodDeadlines(periodFromKey('2024-02'), { graceDays: 5, lockDays: 10 }, HCM);
    expect(feb.endsAt.toISOString()).toBe('2024-02-29T17:00:00.000Z'); // 00:00 01/03 +07
    expect(feb.deadline.toISOString()).toBe('2024-03-05T17:00:00.000Z'); // 00:00 06/03 +07
    expect(feb.lockAt.toISOString()).toBe('2024-03-10T17:00:00.000Z'); // 00:00 11/03 +07

    const y2023 = periodDeadlines(periodFromKey('2023'), { graceDays: 15, lockDays: 31 }, HCM);
    expect(y2023.endsAt.toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(y2023.deadline.toISOString()).toBe('2024-01-15T17:00:00.000Z'); // 00:00 16/01 +07
    expect(y2023.lockAt.toISOString()).toBe('2024-01-31T17:00:00.000Z'); // 00:00 01/02 +07
  });

  it('uses the given zone', () => {
    const d = periodDeadlines(w10, { graceDays: 1, lockDays: 7 }, 'UTC');
    expect(d.deadline.toISOString()).toBe('2024-03-12T00:00:00.000Z');
  });

  it('rejects invalid rules', () => {
    expect(() => periodDeadlines(w10, { graceDays: -1, lockDays: 7 }, HCM)).toThrow(/gia hạn/);
    expect(() => periodDeadlines(w10, { graceDays: 1.5, lockDays: 7 }, HCM)).toThrow(/gia hạn/);
    expect(() => periodDeadlines(w10, { graceDays: 3, lockDays: 2 }, HCM)).toThrow(/khóa/);
    expect(() => periodDeadlines(w10, { graceDays: 0, lockDays: Number.NaN }, HCM)).toThrow(/khóa/);
  });
});

describe('openPeriodsForReporting', () => {
  const rules = { graceDays: 1, lockDays: 3 };

  it('offers the current and previous week until the previous one locks', () => {
    // 00:30 Monday 11/03/2024 local.
    expect(openPeriodsForReporting('week', new Date('2024-03-10T17:30:00Z'), rules, HCM).map((p) => p.key)).toEqual([
      '2024-W11',
      '2024-W10',
    ]);
    // 23:59:59.999 Wednesday 13/03/2024 local: W10 locks at 00:00 14/03.
    expect(openPeriodsForReporting('week', new Date('2024-03-13T16:59:59.999Z'), rules, HCM).map((p) => p.key)).toEqual(
      ['2024-W11', '2024-W10'],
    );
    expect(openPeriodsForReporting('week', new Date('2024-03-13T17:00:00Z'), rules, HCM).map((p) => p.key)).toEqual([
      '2024-W11',
    ]);
  });

  it('uses the local date, not the UTC date', () => {
    // 16:59Z Sunday 10/03 is 23:59 Sunday local: still W10.
    expect(openPeriodsForReporting('week', new Date('2024-03-10T16:59:00Z'), rules, HCM)[0]?.key).toBe('2024-W10');
    // 17:00Z Sunday 10/03 is 00:00 Monday 11/03 local: W11.
    expect(openPeriodsForReporting('week', new Date('2024-03-10T17:00:00Z'), rules, HCM)[0]?.key).toBe('2024-W11');
  });

  it('offers the previous month across the new year', () => {
    const monthly = { graceDays: 5, lockDays: 10 };
    // 09:00 01/01/2024 local.
    expect(openPeriodsForReporting('month', new Date('2024-01-01T02:00:00Z'), monthly, HCM).map((p) => p.key)).toEqual([
      '2024-01',
      '2023-12',
    ]);
    // 00:00 11/01/2024 local: December locked.
    expect(openPeriodsForReporting('month', new Date('2024-01-10T17:00:00Z'), monthly, HCM).map((p) => p.key)).toEqual([
      '2024-01',
    ]);
  });

  it('offers only the current period when lockDays is 0', () => {
    expect(
      openPeriodsForReporting('week', new Date('2024-03-10T17:00:00Z'), { graceDays: 0, lockDays: 0 }, HCM).map(
        (p) => p.key,
      ),
    ).toEqual(['2024-W11']);
  });

  it('offers at most two periods even with a long lock', () => {
    expect(
      openPeriodsForReporting('week', new Date('2024-03-20T03:00:00Z'), { graceDays: 7, lockDays: 30 }, HCM).map(
        (p) => p.key,
      ),
    ).toEqual(['2024-W12', '2024-W11']);
  });
});

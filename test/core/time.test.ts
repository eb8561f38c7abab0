import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDate,
  daysBetween,
  daysInMonth,
  formatDateTimeVi,
  formatDateVi,
  isoWeekday,
  isValidIsoDate,
  isValidTimeZone,
  localDateOf,
  localPartsOf,
  zonedInstant,
} from '../../src/core/time.js';

const HCM = 'Asia/Ho_Chi_Minh';

describe('localDateOf / localPartsOf', () => {
  it('moves to the next day in UTC+7 from 17:00Z', () => {
    expect(localDateOf(new Date('2024-03-10T16:59:59.999Z'), HCM)).toBe('2024-03-10');
    expect(localDateOf(new Date('2024-03-10T17:00:00.000Z'), HCM)).toBe('2024-03-11');
    expect(localDateOf(new Date('2024-03-10T17:00:00.000Z'), 'UTC')).toBe('2024-03-10');
  });

  it('crosses the year at 17:00Z on 31 December', () => {
    expect(localDateOf(new Date('2023-12-31T17:00:00Z'), HCM)).toBe('2024-01-01');
    expect(localDateOf(new Date('2023-12-31T16:59:59Z'), HCM)).toBe('2023-12-31');
  });

  it('returns all wall-clock fields and the ISO weekday', () => {
    // 2024-03-10T17:00:00Z = Monday 11/03/2024 00:00:00 in Hồ Chí Minh City.
    expect(localPartsOf(new Date('2024-03-10T17:00:00Z'), HCM)).toEqual({
      year: 2024,
      month: 3,
      day: 11,
      hour: 0,
      minute: 0,
      second: 0,
      weekday: 1,
    });
    // 2024-03-10T16:59:59Z = Sunday 10/03/2024 23:59:59.
    expect(localPartsOf(new Date('2024-03-10T16:59:59Z'), HCM)).toEqual({
      year: 2024,
      month: 3,
      day: 10,
      hour: 23,
      minute: 59,
      second: 59,
      weekday: 7,
    });
  });

  it('uses hour 0, never 24, at midnight', () => {
    expect(localPartsOf(new Date('2024-01-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });

  it('handles other zones, including half-hour and DST zones', () => {
    // India is UTC+5:30.
    expect(localPartsOf(new Date('2024-06-01T18:29:00Z'), 'Asia/Kolkata')).toMatchObject({
      day: 1,
      hour: 23,
      minute: 59,
    });
    // New York in July is UTC-4 (EDT).
    expect(localPartsOf(new Date('2024-07-04T03:30:00Z'), 'America/New_York')).toMatchObject({
      day: 3,
      hour: 23,
      minute: 30,
      weekday: 3,
    });
  });

  it('rejects an invalid Date', () => {
    expect(() => localDateOf(new Date('nope'), HCM)).toThrow(/không hợp lệ/);
  });
});

describe('zonedInstant', () => {
  it('gives local midnight in UTC+7 as 17:00Z the day before', () => {
    expect(zonedInstant('2024-03-12', '00:00', HCM).toISOString()).toBe('2024-03-11T17:00:00.000Z');
    expect(zonedInstant('2024-01-01', '00:00', HCM).toISOString()).toBe('2023-12-31T17:00:00.000Z');
  });

  it('accepts seconds', () => {
    expect(zonedInstant('2024-03-11', '23:59:59', HCM).toISOString()).toBe('2024-03-11T16:59:59.000Z');
    expect(zonedInstant('2024-03-11', '08:30', HCM).toISOString()).toBe('2024-03-11T01:30:00.000Z');
  });

  it('is the inverse of localPartsOf in UTC+7', () => {
    const instant = zonedInstant('2025-12-29', '07:45:10', HCM);
    expect(localPartsOf(instant, HCM)).toEqual({
      year: 2025,
      month: 12,
      day: 29,
      hour: 7,
      minute: 45,
      second: 10,
      weekday: 1,
    });
  });

  it('handles UTC and half-hour offsets', () => {
    expect(zonedInstant('2024-06-01', '00:00', 'UTC').toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(zonedInstant('2024-06-01', '00:00', 'Asia/Kolkata').toISOString()).toBe('2024-05-31T18:30:00.000Z');
  });

  it('handles both sides of a DST change in New York', () => {
    // Winter: EST = UTC-5; summer: EDT = UTC-4. DST began 2024-03-10 02:00 local.
    expect(zonedInstant('2024-03-09', '12:00', 'America/New_York').toISOString()).toBe('2024-03-09T17:00:00.000Z');
    expect(zonedInstant('2024-03-10', '12:00', 'America/New_York').toISOString()).toBe('2024-03-10T16:00:00.000Z');
    expect(zonedInstant('2024-03-10', '00:00', 'America/New_York').toISOString()).toBe('2024-03-10T05:00:00.000Z');
  });

  it('moves a skipped wall time forward and picks the earlier of an ambiguous one', () => {
    // 02:30 did not exist on 2024-03-10 in New York: read with EST it is 07:30Z = 03:30 EDT.
    expect(zonedInstant('2024-03-10', '02:30', 'America/New_York').toISOString()).toBe('2024-03-10T07:30:00.000Z');
    // 01:30 happened twice on 2024-11-03 (EDT then EST): the earlier is 05:30Z.
    expect(zonedInstant('2024-11-03', '01:30', 'America/New_York').toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });

  it('rejects malformed dates and times', () => {
    expect(() => zonedInstant('2024-02-30', '00:00', HCM)).toThrow(/Ngày không hợp lệ/);
    expect(() => zonedInstant('2024-03-01', '24:00', HCM)).toThrow(/Giờ không hợp lệ/);
    expect(() => zonedInstant('2024-03-01', '7:00', HCM)).toThrow(/Giờ không hợp lệ/);
    expect(() => zonedInstant('2024-03-01', '07:60', HCM)).toThrow(/Giờ không hợp lệ/);
    expect(() => zonedInstant('2024-03-01', '07:00:60', HCM)).toThrow(/Giờ không hợp lệ/);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-10', 0)).toBe('2024-03-10');
    expect(addDays('2020-12-28', 6)).toBe('2021-01-03');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('rejects a fractional day count or a bad date', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow();
    expect(() => addDays('2024-13-01', 1)).toThrow(/Ngày không hợp lệ/);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2024-03-04', '2024-03-10')).toBe(6);
    expect(daysBetween('2024-03-10', '2024-03-04')).toBe(-6);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('gives ISO weekdays (Monday = 1, Sunday = 7)', () => {
    expect(isoWeekday('2024-03-04')).toBe(1);
    expect(isoWeekday('2024-03-10')).toBe(7);
    expect(isoWeekday('2021-01-01')).toBe(5);
    expect(isoWeekday('2026-01-01')).toBe(4);
    expect(isoWeekday('2025-12-29')).toBe(1);
  });
});

describe('validation and comparison', () => {
  it('validates ISO dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-04-31')).toBe(false);
    expect(isValidIsoDate('2024-00-10')).toBe(false);
    expect(isValidIsoDate('2024-01-00')).toBe(false);
    expect(isValidIsoDate('2024-1-01')).toBe(false);
    expect(isValidIsoDate('2024-01-01T00:00')).toBe(false);
    expect(isValidIsoDate(' 2024-01-01')).toBe(false);
    expect(isValidIsoDate('0000-01-01')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('compares ISO dates', () => {
    expect(compareIsoDate('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareIsoDate('2024-01-02', '2024-01-01')).toBe(1);
    expect(compareIsoDate('2024-01-01', '2024-01-01')).toBe(0);
    expect(['2024-03-01', '2023-12-31', '2024-01-15'].sort(compareIsoDate)).toEqual([
      '2023-12-31',
      '2024-01-15',
      '2024-03-01',
    ]);
    expect(() => compareIsoDate('2024-1-1', '2024-01-01')).toThrow();
  });

  it('validates time-zone names', () => {
    expect(isValidTimeZone(HCM)).toBe(true);
    expect(isValidTimeZone('Asia/Saigon')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Hanoi')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('   ')).toBe(false);
  });
});

describe('Vietnamese formatting', () => {
  it('formats dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2024-03-13')).toBe('13/03/2024');
    expect(formatDateVi('2023-01-30')).toBe('30/01/2023');
  });

  it('formats instants as HH:MM dd/mm/yyyy in the zone', () => {
    expect(formatDateTimeVi(new Date('2024-03-11T17:00:00Z'), HCM)).toBe('00:00 12/03/2024');
    expect(formatDateTimeVi(new Date('2024-03-13T01:05:59Z'), HCM)).toBe('08:05 13/03/2024');
    expect(formatDateTimeVi(new Date('2024-03-13T01:05:59Z'), 'UTC')).toBe('01:05 13/03/2024');
  });
});

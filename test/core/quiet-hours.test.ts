import { describe, expect, it } from 'vitest';
import {
  isSendingAllowed,
  isSendingDay,
  nextSendingMoment,
  type SendingWindow,
  sendingWindowEnd,
} from '../../src/core/quiet-hours.js';
import { addDays, zonedInstant } from '../../src/core/time.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (date: string, time: string) => zonedInstant(date, time, TZ);
// Tết Bính Ngọ 2026 (the lunar new year is 17/02/2026): nine days off.
const TET = new Set(Array.from({ length: 9 }, (_, i) => addDays('2026-02-14', i)));
const window = (over: Partial<SendingWindow> = {}): SendingWindow => ({
  timeZone: TZ,
  from: '07:30',
  until: '17:30',
  weekends: false,
  holidays: TET,
  ...over,
});

describe('sending window', () => {
  it('allows working hours on working days only, start inclusive and end exclusive', () => {
    const w = window();
    expect(isSendingAllowed(at('2026-12-01', '08:00'), w)).toBe(true); // Tuesday
    expect(isSendingAllowed(at('2026-12-01', '07:30'), w)).toBe(true);
    expect(isSendingAllowed(at('2026-12-01', '07:29'), w)).toBe(false);
    expect(isSendingAllowed(at('2026-12-01', '17:29'), w)).toBe(true);
    expect(isSendingAllowed(at('2026-12-01', '17:30'), w)).toBe(false);
    expect(isSendingAllowed(at('2026-12-01', '23:00'), w)).toBe(false);
    expect(isSendingAllowed(at('2026-12-05', '10:00'), w)).toBe(false); // Saturday
    expect(isSendingAllowed(at('2026-12-05', '10:00'), window({ weekends: true }))).toBe(true);
  });

  it('never allows a public holiday, at any hour, even with weekends on', () => {
    const w = window({ weekends: true });
    expect(isSendingDay('2026-02-17', w)).toBe(false);
    expect(isSendingAllowed(at('2026-02-17', '10:00'), w)).toBe(false);
    expect(isSendingAllowed(at('2026-02-16', '23:00'), w)).toBe(false);
  });

  it('defers to the start of the next allowed window', () => {
    const w = window();
    expect(nextSendingMoment(at('2026-12-01', '06:00'), w)).toEqual(at('2026-12-01', '07:30'));
    expect(nextSendingMoment(at('2026-12-01', '18:00'), w)).toEqual(at('2026-12-02', '07:30'));
    expect(nextSendingMoment(at('2026-12-04', '23:00'), w)).toEqual(at('2026-12-07', '07:30')); // Friday night → Monday
    expect(nextSendingMoment(at('2026-12-01', '10:15'), w)).toEqual(at('2026-12-01', '10:15'));
  });

  it('defers a moment during Tết to the first working morning after it', () => {
    // 13/02/2026 is a Friday; Tết runs 14–22/02; 23/02 is a Monday.
    expect(nextSendingMoment(at('2026-02-13', '17:45'), window())).toEqual(at('2026-02-23', '07:30'));
    expect(nextSendingMoment(at('2026-02-16', '23:00'), window({ weekends: true }))).toEqual(at('2026-02-23', '07:30'));
  });

  it('gives up (null) when no day in a year can take a message', () => {
    const everyDay = new Set(Array.from({ length: 450 }, (_, i) => addDays('2026-01-01', i)));
    expect(nextSendingMoment(at('2026-01-01', '09:00'), window({ holidays: everyDay }))).toBeNull();
  });

  it('ends the window at the local closing time of the same day', () => {
    expect(sendingWindowEnd(at('2026-12-01', '09:00'), window())).toEqual(at('2026-12-01', '17:30'));
  });
});

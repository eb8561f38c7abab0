import { describe, expect, it } from 'vitest';
import { parseMonthDay } from '../../src/core/month-day.js';

describe('parseMonthDay', () => {
  it('reads dd/mm as typed and MM-DD as stored', () => {
    expect(parseMonthDay('5/7')).toBe('07-05');
    expect(parseMonthDay(' 05/12 ')).toBe('12-05');
    expect(parseMonthDay('07-05')).toBe('07-05');
  });
  it('refuses days that do not exist every year, and anything else', () => {
    for (const v of ['29/02', '31/04', '0/1', '12', '2026-07-05', 'ngày 5', '']) expect(parseMonthDay(v), v).toBeNull();
  });
});

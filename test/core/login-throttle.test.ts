import { describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS, waitAfterFailures } from '../../src/core/login-throttle.js';

const NOW = new Date('2026-12-01T02:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe('waitAfterFailures', () => {
  it('lets an attempt through while the failures in the window are fewer than the limit', () => {
    expect(waitAfterFailures([], 5, NOW)).toBe(0);
    expect(waitAfterFailures([minutesAgo(4), minutesAgo(3), minutesAgo(2), minutesAgo(1)], 5, NOW)).toBe(0);
  });

  it('at the limit, waits until the failure that reached it leaves the window', () => {
    const failures = [minutesAgo(10), minutesAgo(4), minutesAgo(3), minutesAgo(2), minutesAgo(1)];
    expect(waitAfterFailures(failures, 5, NOW)).toBe(LOGIN_WINDOW_MS - 10 * 60_000);
  });

  it('past the limit, counts from the failure that is the limit-th most recent', () => {
    const failures = [minutesAgo(14), minutesAgo(12), minutesAgo(6), minutesAgo(5)];
    expect(waitAfterFailures(failures, 3, NOW)).toBe(LOGIN_WINDOW_MS - 12 * 60_000);
  });

  it('never answers a negative wait, and takes another window', () => {
    expect(waitAfterFailures([minutesAgo(20)], 1, NOW)).toBe(0);
    expect(waitAfterFailures([minutesAgo(2)], 1, NOW, 10 * 60_000)).toBe(8 * 60_000);
  });
});

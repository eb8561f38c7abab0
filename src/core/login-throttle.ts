// Throttling of failed logins: after too many failures in a window the account (or the client
// address) must wait, whatever password is tried (docs/decisions/0041). The arithmetic only; the
// failures are read from the database by src/admin/auth/throttle.ts.

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account within the window (since its last successful login). */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures allowed per client address within the window, across accounts. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Milliseconds until another attempt is allowed, given the failures' instants (oldest first); 0 if allowed now. */
export function waitAfterFailures(failures: Date[], max: number, now: Date, windowMs = LOGIN_WINDOW_MS): number {
  if (failures.length < max) return 0;
  const decisive = failures[failures.length - max]!;
  return Math.max(0, decisive.getTime() + windowMs - now.getTime());
}

// When a failed job slot is tried again by the scheduler's ticks. A transient failure (e.g.
// 'database is locked') must not cost a week's digest, but a slot that keeps failing must not
// hammer the database every minute either: the delay doubles from 5 minutes up to an hour, and
// after MAX_JOB_ATTEMPTS the slot stays failed in the ledger for an operator (`job run`).

/** Attempts (first run included) after which ticks stop retrying a slot. */
export const MAX_JOB_ATTEMPTS = 8;
const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** What a failed ledger entry's detail column holds. */
export interface FailureDetail {
  error: string;
  attempts: number;
}

/** The number of failed attempts recorded in a ledger detail (1 for entries written before it was counted). */
export function failedAttempts(detail: string | null): number {
  if (detail === null) return 0;
  try {
    const parsed = JSON.parse(detail) as Partial<FailureDetail> | null;
    const n = parsed?.attempts;
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 1;
  } catch {
    return 1;
  }
}

/** The delay before the next try after `attempts` failures: 5, 10, 20, 40, then 60 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/** Whether a slot that failed `attempts` times, last at `failedAt`, may be tried again at `now`. */
export function retryIsDue(attempts: number, failedAt: Date, now: Date): boolean {
  if (attempts >= MAX_JOB_ATTEMPTS) return false;
  return now.getTime() - failedAt.getTime() >= retryDelayMs(attempts);
}

// The outbox's failure reasons (stored on failed rows, explained in failure-reasons.ts) and the
// delay before a retry. Each channel classifies its platform's answers into these terms
// (src/bot/telegram/send-classification.ts for Telegram). Pure.

/** Why a message failed for good. A channel reports the first seven in its own platform's cases. */
export type FailureReason =
  | 'blocked'
  | 'not_started'
  | 'deactivated'
  | 'kicked'
  | 'forbidden'
  | 'chat_not_found'
  | 'bad_request'
  | 'too_many_attempts'
  | 'expired';

/** Delay before retry number `attempt` (1-based): doubling from base up to max, times jitter (0.8–1.2). */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, jitter: number): number {
  const exp = baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  return Math.round(Math.min(maxMs, exp) * jitter);
}

// The outbox's failure reasons (listed in src/core/failure-reasons.ts, explained in
// failure-reasons.ts here) and the delay before a retry. Each channel classifies its platform's answers into these terms
// (src/bot/telegram/send-classification.ts for Telegram). Pure.

export type { FailureReason } from '../core/failure-reasons.js';

/** Delay before retry number `attempt` (1-based): doubling from base up to max, times jitter (0.8–1.2). */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, jitter: number): number {
  const exp = baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  return Math.round(Math.min(maxMs, exp) * jitter);
}

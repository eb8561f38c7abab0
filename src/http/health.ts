// /healthz: the process is alive and answering. Cheap on purpose (no database query), so a
// supervisor polling it often costs nothing; the deep checks are /readyz (src/observability/readiness.ts).

import type { BotStatus, DeliveryStatus } from '../observability/channel-status.js';

// Re-exported only until src/bot/runner.ts imports them from src/observability/channel-status.ts.
export type { BotStatus, DeliveryStatus };

export interface LivenessReport {
  status: 'ok';
  /** The bot's connection as its runner last saw it (read from memory). */
  bot: BotStatus;
  /** The delivery worker's sends as its last attempt saw them (read from memory). */
  delivery: DeliveryStatus;
  uptimeSeconds: number;
  time: string;
}

/** The liveness answer: the process runs its event loop, so it can answer at all. */
export function liveness(
  status: { bot: () => BotStatus; delivery: () => DeliveryStatus },
  now: Date,
  startedAt: Date,
): LivenessReport {
  return {
    status: 'ok',
    bot: status.bot(),
    delivery: status.delivery(),
    uptimeSeconds: Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000)),
    time: now.toISOString(),
  };
}

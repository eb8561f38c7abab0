// Whether each way the product talks to Telegram works right now, as its last attempts saw it:
// `bot` (getMe, setWebhook, the long polling's getUpdates) and `delivery` (the outbox's
// sendMessage). Every failed attempt is counted by channel and reason for /metrics; a channel
// that fails is 'error' at once (for /healthz and /readyz), and the log warns once when it starts
// failing and once when it works again, never once per message (docs/decisions/0071).

import { scrubSecrets } from '../core/secret-patterns.js';
import type { Logger } from '../logger.js';

export type TelegramChannel = 'bot' | 'delivery';
export const TELEGRAM_CHANNELS: readonly TelegramChannel[] = ['bot', 'delivery'];

/** Why an attempt did not get a usable answer from Telegram. */
export type AttemptFailure =
  | 'network'
  | 'timeout'
  | 'server_error'
  | 'rate_limited'
  | 'unauthorized'
  | 'conflict'
  | 'bad_answer';
/** Every reason (a Record, so a reason added to the type must be listed here). */
export const ATTEMPT_FAILURES = Object.keys({
  network: 1,
  timeout: 1,
  server_error: 1,
  rate_limited: 1,
  unauthorized: 1,
  conflict: 1,
  bad_answer: 1,
} satisfies Record<AttemptFailure, 1>) as AttemptFailure[];

export interface ChannelState {
  status: 'ok' | 'error';
  /** When the current failing stretch began (null while it works). */
  failingSince: Date | null;
  /** The reason and error of the latest failure that made or kept it failing. */
  reason: AttemptFailure | null;
  lastError: string | null;
  /** Failed attempts since it last worked. */
  failuresSinceOk: number;
}

export interface TelegramChannels {
  /** Telegram answered an attempt that began at `startedAt` (any answer but those below); true when the channel was failing until now. */
  succeeded(channel: TelegramChannel, startedAt: Date): boolean;
  failed(channel: TelegramChannel, f: { reason: AttemptFailure; error: string; startedAt: Date }): void;
  state(channel: TelegramChannel): ChannelState;
  /** Failed attempts since the process started, by channel and reason. */
  failureCounts(): { channel: TelegramChannel; reason: AttemptFailure; n: number }[];
}

const working = (): ChannelState => ({
  status: 'ok',
  failingSince: null,
  reason: null,
  lastError: null,
  failuresSinceOk: 0,
});

/** `platform` names the messenger in the log lines: the Zalo channel keeps the same two states (docs/zalo.md). */
export function createTelegramChannels(deps: {
  now: () => Date;
  logger: Pick<Logger, 'warn' | 'info'>;
  platform?: 'telegram' | 'zalo';
}) {
  const platform = deps.platform ?? 'telegram';
  const states = new Map<TelegramChannel, ChannelState>(TELEGRAM_CHANNELS.map((c) => [c, working()]));
  const lastOkAt = new Map<TelegramChannel, Date>();
  const counts = new Map<string, number>();

  const channels: TelegramChannels = {
    succeeded(channel, startedAt) {
      const before = states.get(channel)!;
      const last = lastOkAt.get(channel);
      if (!last || startedAt > last) lastOkAt.set(channel, startedAt);
      if (before.status === 'error') {
        const at = deps.now();
        deps.logger.info(
          {
            channel,
            failingSince: before.failingSince?.toISOString(),
            downSeconds: Math.round((at.getTime() - before.failingSince!.getTime()) / 1000),
            failedAttempts: before.failuresSinceOk,
          },
          `${platform} reachable again: ${channel} recovered`,
        );
      }
      states.set(channel, working());
      return before.status === 'error';
    },
    failed(channel, f) {
      const key = `${channel}\u0000${f.reason}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      // A 429 is an answer: Telegram is reachable and the pacing waits. Counted, not a failure of the channel.
      if (f.reason === 'rate_limited') return;
      // An attempt that began before the channel last worked says nothing new about it now (a
      // request timing out after the network came back).
      const last = lastOkAt.get(channel);
      if (last && f.startedAt < last) return;
      const before = states.get(channel)!;
      const failingSince = before.failingSince ?? deps.now();
      if (before.status === 'ok') {
        deps.logger.warn(
          { channel, reason: f.reason, error: f.error },
          `${platform} unreachable: ${channel} failing; retrying (one line when it recovers)`,
        );
      }
      states.set(channel, {
        status: 'error',
        failingSince,
        reason: f.reason,
        // /readyz shows it to anyone who can reach the server, without the log's scrubbing.
        lastError: scrubSecrets(f.error),
        failuresSinceOk: before.failuresSinceOk + 1,
      });
    },
    state: (channel) => ({ ...states.get(channel)! }),
    failureCounts() {
      return [...counts].map(([key, n]) => {
        const [channel, reason] = key.split('\u0000') as [TelegramChannel, AttemptFailure];
        return { channel, reason, n };
      });
    },
  };
  return channels;
}

// The outbox delivery worker: claims due rows one at a time, sends them under Telegram's limits,
// and records the result. A row is 'sending' only while its request is in flight, so a crash can
// leave at most maxInFlight rows in doubt (docs/decisions/0020-outbox-delivery.md).

import type { Db } from '../db/connection.js';
import {
  claimOutboxMessage,
  type DueOutboxMessage,
  listDueOutbox,
  nextOutboxAttemptAt,
  requeueInterruptedOutbox,
  requeueStaleSendingOutbox,
} from '../db/outbox.js';
import type { OutboxMessage } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { TelegramChannels } from '../observability/telegram-channels.js';
import { type BotApiClient, createBotApiClient } from './bot-api-client.js';
import { type DeliveryLimits, resolveLimits } from './limits.js';
import { DeliveryPacer } from './pacer.js';
import { createSentRecorder } from './sent-recorder.js';
import { createSettler, type DeliveryCounters } from './settle.js';

export type { DeliveryCounters } from './settle.js';

export interface DeliveryWorkerDeps {
  db: Db;
  token: string;
  apiRoot: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  now: () => Date;
  limits?: Partial<DeliveryLimits>;
  forceIpv4?: boolean;
  /** Told of each message Telegram accepted once it is recorded (for the delivery latency metric). */
  onSent?: (m: { kind: string; queuedAt: Date; sentAt: Date }) => void;
  /** Told whether each send reached Telegram, as the 'delivery' channel (/healthz, /metrics, log). */
  channels?: TelegramChannels;
}

export interface DeliveryWorker {
  /** Stops claiming, waits for the requests in flight and records their results. */
  stop(): Promise<void>;
  counters(): DeliveryCounters;
}

const monotonic = () => performance.now();

/** Starts delivering the outbox at once (after requeueing what a crash left in flight). */
export function startDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const limits = resolveLimits(deps.limits);
  const client: BotApiClient = createBotApiClient({
    token: deps.token,
    apiRoot: deps.apiRoot,
    timeoutMs: limits.requestTimeoutMs,
    maxSockets: limits.maxInFlight,
    forceIpv4: deps.forceIpv4,
  });
  const pacer = new DeliveryPacer(limits);
  const recorder = createSentRecorder(deps.db);
  const counters: DeliveryCounters = {
    sent: 0,
    retried: 0,
    rateLimited: 0,
    failed: 0,
    expired: 0,
    resentAfterCrash: 0,
  };
  const inFlight = new Map<number, Promise<void>>();
  const busyChats = new Set<string>();
  let buffer: DueOutboxMessage[] = [];
  let bufferedAt = Number.NEGATIVE_INFINITY;
  let stopping = false;
  let wakeUp: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(finish, Math.max(1, Math.ceil(ms)));
      function finish() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = finish;
    });
  const wake = () => wakeUp?.();

  /** The first buffered row whose chat may be messaged now, or how long until one may. */
  async function pick(): Promise<DueOutboxMessage | { waitMs: number }> {
    const t = monotonic();
    if (buffer.length === 0 || t - bufferedAt >= limits.pollMs) {
      buffer = await listDueOutbox(deps.db, {
        now: deps.now(),
        limit: limits.batchSize,
        skipChats: [...busyChats, ...pacer.coolingChats(t)],
      });
      bufferedAt = t;
    }
    let waitMs = limits.pollMs;
    for (const [i, row] of buffer.entries()) {
      if (busyChats.has(row.chatId)) continue;
      const w = pacer.chatWaitMs(row.chatId, t);
      if (w === 0) {
        buffer.splice(i, 1);
        return row;
      }
      waitMs = Math.min(waitMs, w);
    }
    if (buffer.length === 0) {
      bufferedAt = Number.NEGATIVE_INFINITY;
      const next = await nextOutboxAttemptAt(deps.db);
      const untilNext = next ? next.getTime() - deps.now().getTime() : null;
      // A row due later: sleep until then. Rows due now but all for paced chats: until one is free.
      if (untilNext !== null && untilNext > 0) waitMs = Math.min(waitMs, untilNext);
      else if (untilNext !== null) waitMs = Math.min(waitMs, pacer.soonestChatWaitMs(t) ?? limits.pollMs);
    }
    return { waitMs };
  }

  const settle = createSettler({ ...deps, client, pacer, recorder, limits, counters, monotonic });

  function launch(m: OutboxMessage): void {
    busyChats.add(m.chat_id);
    const p = settle(m)
      .catch((error) => {
        // The row stays 'sending' until its lease ends, then it is queued again (see loop()).
        deps.logger.error({ err: error, outboxId: m.id }, 'could not record a delivery result');
      })
      .finally(() => {
        inFlight.delete(m.id);
        busyChats.delete(m.chat_id);
        wake();
      });
    inFlight.set(m.id, p);
  }

  async function step(): Promise<void> {
    if (inFlight.size >= limits.maxInFlight) {
      await Promise.race(inFlight.values());
      return;
    }
    const globalWait = pacer.globalWaitMs(monotonic());
    if (globalWait > 0) return sleep(globalWait);
    const next = await pick();
    if ('waitMs' in next) return sleep(next.waitMs);
    const claim = await claimOutboxMessage(deps.db, next.id, deps.now());
    if (!claim.claimed) {
      if (claim.why === 'expired') counters.expired++;
      return;
    }
    pacer.record(next.chatId, next.chatType, monotonic());
    launch(claim.message);
  }

  async function loop(): Promise<void> {
    const interrupted = await requeueInterruptedOutbox(deps.db, deps.now());
    counters.resentAfterCrash = interrupted.length;
    if (interrupted.length > 0) {
      deps.logger.warn(
        { count: interrupted.length, outboxIds: interrupted },
        'messages were in flight when the previous process stopped; sending them again (any Telegram had already accepted arrive twice)',
      );
    }
    let leaseCheckedAt = monotonic();
    while (!stopping) {
      try {
        if (monotonic() - leaseCheckedAt >= 60_000) {
          leaseCheckedAt = monotonic();
          const stale = await requeueStaleSendingOutbox(deps.db, deps.now(), [...inFlight.keys()]);
          if (stale.length > 0)
            deps.logger.warn({ outboxIds: stale }, 'results of these sends were never recorded; sending them again');
        }
        await step();
      } catch (error) {
        // A busy or failing database must not end delivery: log, wait, try again.
        deps.logger.error({ err: error }, 'delivery worker step failed; retrying');
        await sleep(limits.pollMs);
      }
    }
    await Promise.allSettled(inFlight.values());
    await recorder.flush();
  }

  const running = loop().catch((error) => {
    deps.logger.error({ err: error }, 'delivery worker stopped on an error');
  });

  return {
    async stop() {
      stopping = true;
      wake();
      await running;
      client.close();
    },
    counters: () => ({ ...counters }),
  };
}

// The outbox delivery worker: claims due rows one at a time, renders each through its channel and
// sends it under that channel's limits, and records the result. A row is 'sending' only while its
// request is in flight, so a crash can leave at most maxInFlight rows in doubt
// (docs/decisions/0020-outbox-delivery.md). The channels come from main.ts (decision 0090).

import type { Db } from '../db/connection.js';
import {
  claimOutboxMessage,
  type DueOutboxMessage,
  listDueOutbox,
  nextOutboxAttemptAt,
  type OutboxMessage,
  requeueInterruptedOutbox,
  requeueStaleSendingOutbox,
} from '../db/outbox.js';
import type { Logger } from '../logger.js';
import type { Channel, ChannelRegistry } from './channel.js';
import { type DeliveryLimits, resolveLimits } from './limits.js';
import { DeliveryPacer } from './pacer.js';
import { createSentRecorder } from './sent-recorder.js';
import { createSettler, type DeliveryCounters, type SettlerDeps } from './settle.js';

export type { DeliveryCounters } from './settle.js';

export interface DeliveryWorkerDeps {
  db: Db;
  /** The channels to deliver through; rows of a channel not given wait in the queue. */
  channels: ChannelRegistry;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  now: () => Date;
  /** The worker's own settings (attempts, retries, in flight, polling); each channel paces itself by its limits. */
  limits?: Partial<DeliveryLimits>;
  /** Told of each message accepted once it is recorded (for the delivery latency metric). */
  onSent?: (m: { kind: string; queuedAt: Date; sentAt: Date }) => void;
  /** The recipient's personal link for each row (src/personal-links/render-contexts.ts); none when not given. */
  renderContext?: SettlerDeps['renderContext'];
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
  const names = [...deps.channels.keys()];
  // One pacer per channel: each platform's limits are its own.
  const pacers = new Map(
    [...deps.channels.values()].map((c) => [
      c.name,
      new DeliveryPacer({ perSecond: c.limits.perSecond, marginMs: limits.marginMs }),
    ]),
  );
  const pacerOf = (channel: string) => pacers.get(channel)!;
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
  // Addresses with a request in flight, as 'channel address' (an address is unique within its channel).
  const busy = new Set<string>();
  const key = (row: { channel: string; address: string }) => `${row.channel} ${row.address}`;
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

  /** The first buffered row whose channel and address may be messaged now, or how long until one may. */
  async function pick(): Promise<DueOutboxMessage | { waitMs: number }> {
    const t = monotonic();
    if (buffer.length === 0 || t - bufferedAt >= limits.pollMs) {
      // Only a hint to keep the batch useful: an address cooling on one channel is skipped on all.
      const cooling = [...pacers.values()].flatMap((p) => p.coolingChats(t));
      buffer = await listDueOutbox(deps.db, {
        now: deps.now(),
        limit: limits.batchSize,
        channels: names,
        skipAddresses: [...[...busy].map((k) => k.slice(k.indexOf(' ') + 1)), ...cooling],
      });
      bufferedAt = t;
    }
    let waitMs = limits.pollMs;
    for (const [i, row] of buffer.entries()) {
      if (busy.has(key(row))) continue;
      const pacer = pacerOf(row.channel);
      const w = Math.max(pacer.globalWaitMs(t), pacer.chatWaitMs(row.address, t));
      if (w === 0) {
        buffer.splice(i, 1);
        return row;
      }
      waitMs = Math.min(waitMs, w);
    }
    if (buffer.length === 0) {
      bufferedAt = Number.NEGATIVE_INFINITY;
      const next = await nextOutboxAttemptAt(deps.db, names);
      const untilNext = next ? next.getTime() - deps.now().getTime() : null;
      // A row due later: sleep until then. Rows due now but all for paced addresses: until one is free.
      if (untilNext !== null && untilNext > 0) waitMs = Math.min(waitMs, untilNext);
      else if (untilNext !== null) {
        const soonest = [...pacers.values()].map((p) => p.soonestChatWaitMs(t)).filter((w) => w !== null);
        waitMs = Math.min(waitMs, soonest.length > 0 ? Math.min(...soonest) : limits.pollMs);
      }
    }
    return { waitMs };
  }

  const settle = createSettler({ ...deps, recorder, limits, counters, monotonic });

  function launch(m: OutboxMessage, channel: Channel): void {
    busy.add(key(m));
    const p = settle(m, channel, pacerOf(channel.name))
      .catch((error) => {
        // The row stays 'sending' until its lease ends, then it is queued again (see loop()).
        deps.logger.error({ err: error, outboxId: m.id }, 'could not record a delivery result');
      })
      .finally(() => {
        inFlight.delete(m.id);
        busy.delete(key(m));
        wake();
      });
    inFlight.set(m.id, p);
  }

  async function step(): Promise<void> {
    if (inFlight.size >= limits.maxInFlight) {
      await Promise.race(inFlight.values());
      return;
    }
    const next = await pick();
    if ('waitMs' in next) return sleep(next.waitMs);
    const claim = await claimOutboxMessage(deps.db, next.id, deps.now());
    if (!claim.claimed) {
      if (claim.why === 'expired') counters.expired++;
      return;
    }
    const channel = deps.channels.get(next.channel)!;
    pacerOf(channel.name).record(next.address, channel.limits.addressWindow(next.address), monotonic());
    launch(claim.message, channel);
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
      for (const channel of deps.channels.values()) channel.close?.();
    },
    counters: () => ({ ...counters }),
  };
}

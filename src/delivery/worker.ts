// The outbox delivery worker: claims due rows one at a time, sends them under Telegram's limits,
// and records the result. A row is 'sending' only while its request is in flight, so a crash can
// leave at most maxInFlight rows in doubt (docs/decisions/0020-outbox-delivery.md).

import type { Db } from '../db/connection.js';
import {
  claimOutboxMessage,
  type DueOutboxMessage,
  failOutbox,
  listDueOutbox,
  markOutboxSent,
  nextOutboxAttemptAt,
  requeueInterruptedOutbox,
  rescheduleOutbox,
} from '../db/outbox.js';
import type { OutboxMessage } from '../db/schema.js';
import type { Logger } from '../logger.js';
import { type BotApiClient, createBotApiClient } from './bot-api-client.js';
import { classifySendResult, retryDelayMs } from './classify.js';
import { type DeliveryLimits, resolveLimits } from './limits.js';
import { DeliveryPacer } from './pacer.js';
import { createSentRecorder } from './sent-recorder.js';

export interface DeliveryWorkerDeps {
  db: Db;
  token: string;
  apiRoot: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  now: () => Date;
  limits?: Partial<DeliveryLimits>;
  forceIpv4?: boolean;
}

export interface DeliveryCounters {
  sent: number;
  retried: number;
  rateLimited: number;
  failed: number;
  expired: number;
  /** Rows found 'sending' at start: in flight when the previous process died; sent again. */
  resentAfterCrash: number;
}

export interface DeliveryWorker {
  /** Stops claiming, waits for the requests in flight and records their results. */
  stop(): Promise<void>;
  counters(): DeliveryCounters;
}

const monotonic = () => performance.now();

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
  const counters: DeliveryCounters = { sent: 0, retried: 0, rateLimited: 0, failed: 0, expired: 0, resentAfterCrash: 0 };
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
      const next = await nextOutboxAttemptAt(deps.db);
      if (next) waitMs = Math.min(waitMs, Math.max(1, next.getTime() - deps.now().getTime()));
      bufferedAt = Number.NEGATIVE_INFINITY;
    }
    return { waitMs };
  }

  async function settle(m: OutboxMessage): Promise<void> {
    const outcome = classifySendResult(await client.sendMessage(m.chat_id, JSON.parse(m.payload)));
    const now = deps.now();
    const log = { outboxId: m.id, chatId: m.chat_id, kind: m.kind, attempt: m.attempts };
    switch (outcome.type) {
      case 'sent':
        await recorder.record({ id: m.id, messageId: outcome.messageId, at: now });
        counters.sent++;
        return;
      case 'rate_limited': {
        counters.rateLimited++;
        const ms = outcome.retryAfterS * 1000;
        pacer.pause(m.chat_id, ms, monotonic());
        deps.logger.warn({ ...log, retryAfterS: outcome.retryAfterS }, 'telegram rate limit: waiting retry_after');
        await rescheduleOutbox(deps.db, m.id, { at: new Date(now.getTime() + ms), error: outcome.error, countAttempt: false });
        return;
      }
      case 'migrated':
        deps.logger.info({ ...log, newChatId: outcome.chatId }, 'group migrated to a supergroup: resending there');
        await rescheduleOutbox(deps.db, m.id, { at: now, error: outcome.error, countAttempt: false, chatId: outcome.chatId });
        return;
      case 'auth':
        // A refused token is a configuration error, not the message's: hold everything a minute.
        deps.logger.error({ ...log, error: outcome.error }, 'the Bot API refused the bot token; delivery paused');
        pacer.pause(m.chat_id, 60_000, monotonic());
        await rescheduleOutbox(deps.db, m.id, { at: new Date(now.getTime() + 60_000), error: outcome.error, countAttempt: false });
        return;
      case 'permanent':
        counters.failed++;
        deps.logger.warn({ ...log, reason: outcome.reason, error: outcome.error }, 'message failed permanently');
        await failOutbox(deps.db, m.id, { reason: outcome.reason, error: outcome.error });
        return;
      case 'retry':
        if (m.attempts >= limits.maxAttempts) {
          counters.failed++;
          deps.logger.warn({ ...log, error: outcome.error }, 'message failed after the last attempt');
          await failOutbox(deps.db, m.id, { reason: 'too_many_attempts', error: outcome.error });
          return;
        }
        counters.retried++;
        deps.logger.info({ ...log, error: outcome.error }, 'send failed; will retry');
        await rescheduleOutbox(deps.db, m.id, {
          at: new Date(now.getTime() + retryDelayMs(m.attempts, limits.retryBaseMs, limits.retryMaxMs, 0.8 + Math.random() * 0.4)),
          error: outcome.error,
          countAttempt: true,
        });
    }
  }

  function launch(m: OutboxMessage): void {
    busyChats.add(m.chat_id);
    const p = settle(m)
      .catch((error) => {
        // The row stays 'sending' and is resent after a restart (logged so it can be traced).
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
    while (!stopping) {
      try {
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

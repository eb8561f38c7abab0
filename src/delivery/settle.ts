// What to do with a claimed outbox row: render its message through its channel, send the next
// part, and record what became of it: sent (or the next part queued), back in the queue for later,
// or failed with a reason the admin can act on.

import type { OutboundMessage } from '../core/outbound-message.js';
import type { Db } from '../db/connection.js';
import {
  advanceOutboxPart,
  failOutbox,
  failOutboxBlockedByPerson,
  type OutboxMessage,
  rescheduleOutbox,
  retryNowAfterOutage,
} from '../db/outbox.js';
import { parseOutboundMessage } from '../db/outbox-message-json.js';
import type { Logger } from '../logger.js';
import type { Channel, RenderContext } from './channel.js';
import { retryDelayMs } from './classify.js';
import type { DeliveryLimits } from './limits.js';
import type { DeliveryPacer } from './pacer.js';
import type { createSentRecorder } from './sent-recorder.js';

export interface DeliveryCounters {
  sent: number;
  retried: number;
  rateLimited: number;
  failed: number;
  expired: number;
  /** Rows found 'sending' at start: in flight when the previous process died; sent again. */
  resentAfterCrash: number;
}

export interface SettlerDeps {
  db: Db;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  now: () => Date;
  recorder: ReturnType<typeof createSentRecorder>;
  limits: DeliveryLimits;
  counters: DeliveryCounters;
  monotonic: () => number;
  onSent?: (m: { kind: string; queuedAt: Date; sentAt: Date }) => void;
  /** What the channel knows of the row's recipient when it renders (their personal link); none when not given. */
  renderContext?: (row: { channel: string; address: string }) => Promise<RenderContext>;
}

/**
 * After the channel's outage, its messages waiting for a retry go now rather than at the end of
 * their backoff; other channels' keep theirs. Best effort: a failure here must not keep this row's own result from being recorded.
 */
async function hurryRetries(deps: SettlerDeps, channel: string): Promise<void> {
  try {
    const due = await retryNowAfterOutage(deps.db, channel, deps.now());
    if (due > 0)
      deps.logger.info({ count: due, channel }, `${channel} answers again: messages waiting for a retry are sent now`);
  } catch (error) {
    deps.logger.error(
      { err: error },
      'could not bring forward the retries after the outage; they go at their own time',
    );
  }
}

/** The part of the row's message to send now, or why there is none. */
function nextPart(
  m: OutboxMessage,
  channel: Channel,
  context: RenderContext,
): { part: unknown; last: boolean } | { error: string } {
  let message: OutboundMessage;
  try {
    message = parseOutboundMessage(m.message);
  } catch {
    return { error: 'message is not a valid outbound message' };
  }
  const parts = channel.render(message, context);
  const part = parts[m.partsSent];
  if (part === undefined) return { error: `part ${m.partsSent + 1} of ${parts.length} does not exist` };
  return { part, last: m.partsSent + 1 >= parts.length };
}

/** Sends the next part of one claimed row through its channel and records what became of it. */
export function createSettler(
  deps: SettlerDeps,
): (m: OutboxMessage, channel: Channel, pacer: DeliveryPacer) => Promise<void> {
  const { counters, limits } = deps;
  return async function settle(m, channel, pacer): Promise<void> {
    const context = {
      ...(await deps.renderContext?.({ channel: m.channel, address: m.address })),
      messageKey: m.dedupeKey,
    };
    const next = nextPart(m, channel, context);
    if ('error' in next) {
      deps.logger.error({ outboxId: m.id, error: next.error }, 'outbox message cannot be rendered');
      counters.failed++;
      await failOutbox(deps.db, m.id, { reason: 'bad_request', error: next.error });
      return;
    }
    const result = await channel.send(m.address, next.part);
    if (result.recovered) await hurryRetries(deps, channel.name);
    const now = deps.now();
    const log = { outboxId: m.id, channel: m.channel, address: m.address, kind: m.kind, attempt: m.attempts };
    switch (result.type) {
      case 'sent': {
        const id = result.platformMessageId === null ? null : Number(result.platformMessageId);
        const messageId = Number.isSafeInteger(id) ? id : null;
        if (!next.last) {
          await advanceOutboxPart(deps.db, m.id, now, messageId);
          return;
        }
        await deps.recorder.record({ id: m.id, messageId, at: now });
        counters.sent++;
        deps.onSent?.({ kind: m.kind, queuedAt: new Date(m.createdAt), sentAt: now });
        return;
      }
      case 'rateLimited': {
        counters.rateLimited++;
        pacer.pause(m.address, result.retryAfterMs, deps.monotonic());
        deps.logger.warn(
          { ...log, retryAfterS: result.retryAfterMs / 1000 },
          `${channel.name} rate limit: waiting retry_after`,
        );
        await rescheduleOutbox(deps.db, m.id, {
          at: new Date(now.getTime() + result.retryAfterMs),
          error: result.error,
          countAttempt: false,
          waitingFor: 'rate_limit',
        });
        return;
      }
      case 'moved':
        deps.logger.info(
          { ...log, newAddress: result.address },
          'the recipient moved (a group became a supergroup): resending there',
        );
        await rescheduleOutbox(deps.db, m.id, {
          at: now,
          error: result.error,
          countAttempt: false,
          address: result.address,
        });
        return;
      case 'unauthorised':
        // Refused credentials are a configuration error, not the message's: hold the channel a minute.
        deps.logger.error(
          { ...log, error: result.error },
          `${channel.name} refused the bot token (the channel's credentials); delivery paused`,
        );
        pacer.pause(m.address, 60_000, deps.monotonic());
        await rescheduleOutbox(deps.db, m.id, {
          at: new Date(now.getTime() + 60_000),
          error: result.error,
          countAttempt: false,
          waitingFor: 'credentials',
        });
        return;
      case 'blockedByPerson':
        // The person cut the bot off at this address: they are reached at their next linked one.
        counters.failed++;
        deps.logger.warn(
          { ...log, reason: result.reason, error: result.error },
          'message failed: the person blocked the bot; their address there is marked blocked',
        );
        await failOutboxBlockedByPerson(deps.db, m, { reason: result.reason, error: result.error });
        return;
      case 'permanent':
        counters.failed++;
        deps.logger.warn({ ...log, reason: result.reason, error: result.error }, 'message failed permanently');
        await failOutbox(deps.db, m.id, { reason: result.reason, error: result.error });
        return;
      case 'retryLater':
        if (m.attempts >= limits.maxAttempts) {
          counters.failed++;
          deps.logger.warn({ ...log, error: result.error }, 'message failed after the last attempt');
          await failOutbox(deps.db, m.id, { reason: 'too_many_attempts', error: result.error });
          return;
        }
        counters.retried++;
        // During an outage the channel's one warning says it all: a line per message and attempt
        // (hundreds a minute) would bury it, so they go to debug then.
        deps.logger[channel.failing?.() ? 'debug' : 'info']({ ...log, error: result.error }, 'send failed; will retry');
        await rescheduleOutbox(deps.db, m.id, {
          at: new Date(
            now.getTime() + retryDelayMs(m.attempts, limits.retryBaseMs, limits.retryMaxMs, 0.8 + Math.random() * 0.4),
          ),
          error: result.error,
          countAttempt: true,
        });
    }
  };
}

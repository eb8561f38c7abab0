// What to do with a claimed outbox row once the Bot API has answered (or not): record it sent, put
// it back in the queue for later, or fail it with a reason the admin can act on.

import type { Db } from '../db/connection.js';
import { failOutbox, rescheduleOutbox, retryNowAfterOutage } from '../db/outbox.js';
import type { OutboxMessage } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { TelegramChannels } from '../observability/telegram-channels.js';
import type { BotApiClient } from './bot-api-client.js';
import { attemptFailureOf, classifySendResult, retryDelayMs } from './classify.js';
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
  client: BotApiClient;
  pacer: DeliveryPacer;
  recorder: ReturnType<typeof createSentRecorder>;
  limits: DeliveryLimits;
  counters: DeliveryCounters;
  monotonic: () => number;
  onSent?: (m: { kind: string; queuedAt: Date; sentAt: Date }) => void;
  /** Told whether each send reached Telegram, as the 'delivery' channel (/healthz, /metrics, log). */
  channels?: TelegramChannels;
}

/**
 * After an outage, the messages waiting for a retry go now rather than at the end of their backoff.
 * Best effort: a failure here must not keep this row's own result from being recorded.
 */
async function hurryRetries(deps: SettlerDeps): Promise<void> {
  try {
    const due = await retryNowAfterOutage(deps.db, deps.now());
    if (due > 0) deps.logger.info({ count: due }, 'telegram answers again: messages waiting for a retry are sent now');
  } catch (error) {
    deps.logger.error(
      { err: error },
      'could not bring forward the retries after the outage; they go at their own time',
    );
  }
}

/** Sends one claimed row and records what became of it. */
export function createSettler(deps: SettlerDeps): (m: OutboxMessage) => Promise<void> {
  const { counters, limits, pacer } = deps;
  return async function settle(m: OutboxMessage): Promise<void> {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(m.payload);
    } catch {
      deps.logger.error({ outboxId: m.id }, 'outbox payload is not JSON');
      await failOutbox(deps.db, m.id, { reason: 'bad_request', error: 'payload is not valid JSON' });
      return;
    }
    const startedAt = deps.now();
    const raw = await deps.client.sendMessage(m.chat_id, payload);
    const outcome = classifySendResult(raw);
    const failure = attemptFailureOf(raw);
    if (failure && outcome.type !== 'sent')
      deps.channels?.failed('delivery', { reason: failure, error: outcome.error, startedAt });
    else if (deps.channels?.succeeded('delivery', startedAt)) await hurryRetries(deps);
    const now = deps.now();
    const log = { outboxId: m.id, chatId: m.chat_id, kind: m.kind, attempt: m.attempts };
    switch (outcome.type) {
      case 'sent':
        await deps.recorder.record({ id: m.id, messageId: outcome.messageId, at: now });
        counters.sent++;
        deps.onSent?.({ kind: m.kind, queuedAt: new Date(m.created_at), sentAt: now });
        return;
      case 'rate_limited': {
        counters.rateLimited++;
        const ms = outcome.retryAfterS * 1000;
        pacer.pause(m.chat_id, ms, deps.monotonic());
        deps.logger.warn({ ...log, retryAfterS: outcome.retryAfterS }, 'telegram rate limit: waiting retry_after');
        await rescheduleOutbox(deps.db, m.id, {
          at: new Date(now.getTime() + ms),
          error: outcome.error,
          countAttempt: false,
        });
        return;
      }
      case 'migrated':
        deps.logger.info({ ...log, newChatId: outcome.chatId }, 'group migrated to a supergroup: resending there');
        await rescheduleOutbox(deps.db, m.id, {
          at: now,
          error: outcome.error,
          countAttempt: false,
          chatId: outcome.chatId,
        });
        return;
      case 'auth':
        // A refused token is a configuration error, not the message's: hold everything a minute.
        deps.logger.error({ ...log, error: outcome.error }, 'the Bot API refused the bot token; delivery paused');
        pacer.pause(m.chat_id, 60_000, deps.monotonic());
        await rescheduleOutbox(deps.db, m.id, {
          at: new Date(now.getTime() + 60_000),
          error: outcome.error,
          countAttempt: false,
        });
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
        // During an outage the channel's one warning says it all: a line per message and attempt
        // (hundreds a minute) would bury it, so they go to debug then.
        deps.logger[deps.channels?.state('delivery').status === 'error' ? 'debug' : 'info'](
          { ...log, error: outcome.error },
          'send failed; will retry',
        );
        await rescheduleOutbox(deps.db, m.id, {
          at: new Date(
            now.getTime() + retryDelayMs(m.attempts, limits.retryBaseMs, limits.retryMaxMs, 0.8 + Math.random() * 0.4),
          ),
          error: outcome.error,
          countAttempt: true,
        });
    }
  };
}

// The Telegram channel as the outbox worker sees it (src/delivery/channel.ts): messages rendered
// by render-message.ts (plain text, inline buttons, parts under 4096 characters), sent through the
// one Bot API client, and Telegram's answers mapped onto the interface's outcomes. Telegram's own
// quirks stay here: groups have negative ids and take 20 messages a minute, a person one a second;
// 403 means the person blocked the bot or never pressed Start; a group that became a supergroup
// answers with its new id; 401/404 mean the token was refused (docs/decisions/0090-channels.md).

import type { Channel, ChannelSendResult } from '../../delivery/channel.js';
import type { TelegramChannels } from '../../observability/telegram-channels.js';
import type { BotApiClient } from './bot-api-client.js';
import { renderTelegramMessage } from './render-message.js';
import { attemptFailureOf, classifySendResult } from './send-classification.js';

export interface TelegramChannelLimits {
  /** Messages per second in total (OUTBOX_RATE_PER_SECOND; Telegram: about 30). */
  perSecond: number;
  /** Messages per group per group window (OUTBOX_GROUP_PER_MINUTE; Telegram: 20 a minute). */
  perGroupPerMinute: number;
  groupWindowMs: number;
  /** One message per this many ms to a person (Telegram: about one a second). */
  privateChatWindowMs: number;
}

/** Telegram's group and supergroup ids are negative; people's are positive. */
export const isGroupChat = (chatId: string) => chatId.startsWith('-');

export function createTelegramChannel(deps: {
  client: BotApiClient;
  limits: TelegramChannelLimits;
  now: () => Date;
  /** Told whether each send reached Telegram, as the 'delivery' channel (/healthz, /metrics, log). */
  watch?: TelegramChannels;
}): Channel {
  const { client, limits, watch } = deps;
  return {
    name: 'telegram',
    limits: {
      perSecond: limits.perSecond,
      addressWindow: (address) =>
        isGroupChat(address)
          ? { count: limits.perGroupPerMinute, windowMs: limits.groupWindowMs }
          : { count: 1, windowMs: limits.privateChatWindowMs },
    },
    render: (message, context) => renderTelegramMessage(message, context),
    async send(address, part): Promise<ChannelSendResult> {
      const startedAt = deps.now();
      const raw = await client.sendMessage(address, part as Record<string, unknown>);
      const outcome = classifySendResult(raw);
      const failure = attemptFailureOf(raw);
      let recovered = false;
      if (failure && outcome.type !== 'sent')
        watch?.failed('delivery', { reason: failure, error: outcome.error, startedAt });
      else recovered = watch?.succeeded('delivery', startedAt) ?? false;
      switch (outcome.type) {
        case 'sent':
          return {
            type: 'sent',
            platformMessageId: outcome.messageId === null ? null : String(outcome.messageId),
            recovered,
          };
        case 'rate_limited':
          return { type: 'rateLimited', retryAfterMs: outcome.retryAfterS * 1000, error: outcome.error, recovered };
        case 'migrated':
          return { type: 'moved', address: outcome.chatId, error: outcome.error, recovered };
        case 'auth':
          return { type: 'unauthorised', error: outcome.error, recovered };
        case 'retry':
          return { type: 'retryLater', error: outcome.error, recovered };
        case 'permanent':
          // Only the person can undo these; the admin lists them (decision 0057).
          return ['blocked', 'not_started', 'deactivated'].includes(outcome.reason)
            ? { type: 'blockedByPerson', reason: outcome.reason, error: outcome.error, recovered }
            : { type: 'permanent', reason: outcome.reason, error: outcome.error, recovered };
      }
    },
    failing: () => watch?.state('delivery').status === 'error',
    close: () => client.close(),
  };
}

// The Zalo channel as the outbox worker sees it (src/delivery/channel.ts): messages rendered as
// plain text under 2,000 characters with typed choices (render-message.ts), sent with sendMessage,
// and Zalo's answers classified (send-classification.ts). Zalo's quirks stay in this folder: no
// groups for a basic bot, so every address is a person's and takes one message a second (docs/zalo.md).

import type { Channel, ChannelSendResult } from '../../delivery/channel.js';
import type { TelegramChannels as ConnectionStates } from '../../observability/telegram-channels.js';
import type { ZaloBotApiClient } from './bot-api-client.js';
import { renderZaloMessage, type ZaloTextPart } from './render-message.js';
import { attemptFailureOf, classifyZaloSend } from './send-classification.js';

export interface ZaloChannelLimits {
  /** Messages per second in total (ZALO_RATE_PER_SECOND; Zalo publishes none: 10 to start). */
  perSecond: number;
  /** One message per this many ms to a person (1 s). */
  perChatWindowMs: number;
}

export function createZaloChannel(deps: {
  client: ZaloBotApiClient;
  limits: ZaloChannelLimits;
  now: () => Date;
  /** Told whether each send reached Zalo, as the 'delivery' side (/healthz, /metrics, log). */
  watch?: ConnectionStates;
}): Channel {
  const { client, limits, watch } = deps;
  return {
    name: 'zalo',
    limits: { perSecond: limits.perSecond, addressWindow: () => ({ count: 1, windowMs: limits.perChatWindowMs }) },
    render: (message, context) => renderZaloMessage(message, context),
    async send(address, part): Promise<ChannelSendResult> {
      const startedAt = deps.now();
      const answer = await client.call<{ message_id?: unknown }>('sendMessage', {
        chat_id: address,
        text: (part as ZaloTextPart).text,
      });
      const outcome = classifyZaloSend(answer);
      const failure = attemptFailureOf(answer);
      let recovered = false;
      if (failure)
        watch?.failed('delivery', { reason: failure, error: 'error' in outcome ? outcome.error : '', startedAt });
      else recovered = watch?.succeeded('delivery', startedAt) ?? false;
      return { ...outcome, recovered };
    },
    failing: () => watch?.state('delivery').status === 'error',
    close: () => client.close(),
  };
}

// The Telegram channel for the outbox worker, built from the settings main.ts reads: the one Bot
// API client (keep-alive connections, one per request in flight, IPv4 on request) and Telegram's
// pace (OUTBOX_RATE_PER_SECOND, OUTBOX_GROUP_PER_MINUTE, one a second to a person).

import type { Channel } from '../../delivery/channel.js';
import type { DeliveryLimits } from '../../delivery/limits.js';
import type { TelegramChannels } from '../../observability/telegram-channels.js';
import { createBotApiClient } from './bot-api-client.js';
import { createTelegramChannel } from './telegram-channel.js';

export function createTelegramDeliveryChannel(o: {
  token: string;
  apiRoot: string;
  forceIpv4?: boolean;
  /** The delivery settings, resolved (resolveLimits). */
  limits: DeliveryLimits;
  now: () => Date;
  /** Told whether each send reached Telegram, as the 'delivery' channel (/healthz, /metrics, log). */
  watch?: TelegramChannels;
}): Channel {
  const client = createBotApiClient({
    token: o.token,
    apiRoot: o.apiRoot,
    timeoutMs: o.limits.requestTimeoutMs,
    maxSockets: o.limits.maxInFlight,
    forceIpv4: o.forceIpv4,
  });
  return createTelegramChannel({ client, limits: o.limits, now: o.now, watch: o.watch });
}

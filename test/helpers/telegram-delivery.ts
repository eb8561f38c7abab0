// The delivery worker with the Telegram channel only, from a bot token and a Bot API root (the
// emulator's), as most delivery tests need it; main.ts builds the same from the settings.

import { createTelegramDeliveryChannel } from '../../src/bot/telegram/telegram-delivery.js';
import { type DeliveryLimits, resolveLimits } from '../../src/delivery/limits.js';
import {
  type DeliveryWorker,
  type DeliveryWorkerDeps,
  startDeliveryWorker as startWorker,
} from '../../src/delivery/worker.js';
import type { TelegramChannels } from '../../src/observability/telegram-channels.js';

export type { DeliveryWorker } from '../../src/delivery/worker.js';

export function startDeliveryWorker(
  deps: Omit<DeliveryWorkerDeps, 'channels' | 'limits'> & {
    token: string;
    apiRoot: string;
    forceIpv4?: boolean;
    limits?: Partial<DeliveryLimits>;
    channels?: TelegramChannels;
  },
): DeliveryWorker {
  const limits = resolveLimits(deps.limits);
  const telegram = createTelegramDeliveryChannel({ ...deps, limits, watch: deps.channels });
  return startWorker({ ...deps, limits, channels: new Map([[telegram.name, telegram]]) });
}

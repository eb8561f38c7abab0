import { Telegraf } from 'telegraf';
import type { Logger } from '../logger.js';
import type { BotStatus } from '../http/health.js';

export interface BotRunnerDeps {
  token: string;
  apiRoot: string;
  mode: 'polling' | 'webhook';
  logger: Logger;
}

export interface BotRunner {
  status(): BotStatus;
  stop(reason: string): Promise<void>;
}

/** Starts the Telegram bot with long polling (webhook mode is wired by the bot feature). */
export async function startBot(deps: BotRunnerDeps): Promise<BotRunner> {
  let status: BotStatus = 'starting';
  const bot = new Telegraf(deps.token, { telegram: { apiRoot: deps.apiRoot } });
  bot.catch((error, ctx) => deps.logger.error({ err: error, update: ctx.update.update_id }, 'bot update failed'));
  bot.start((ctx) => ctx.reply('Xin chào đồng chí. Đây là bot của Khối thi đua.'));
  bot
    .launch({ dropPendingUpdates: false })
    .catch((error: unknown) => {
      status = 'error';
      deps.logger.error({ err: error }, 'bot polling stopped');
    });
  status = 'polling';
  return {
    status: () => status,
    stop: async (reason) => {
      bot.stop(reason);
      status = 'off';
    },
  };
}

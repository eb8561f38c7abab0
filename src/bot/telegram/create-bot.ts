// The bot, assembled in a fixed order: error boundary, update log, de-duplication, membership tracking,
// groups, onboarding and help (open to anyone), the access gate, the features, the fallback.
import { Composer, type Context, Telegraf } from 'telegraf';
import type { BotDeps } from './deps.js';
import { fallbackFeature } from './features/fallback.js';
import { groupFeature } from './features/group.js';
import { helpFeature } from './features/help.js';
import { onboardingFeature } from './features/onboarding.js';
import { reportConflictFeature } from './features/report-conflict.js';
import { reportInputFeature } from './features/report-input.js';
import { reportSendFeature } from './features/report-send.js';
import { reportStartFeature } from './features/report-start.js';
import { statusFeature } from './features/status.js';
import { M } from '../conversation/messages.js';
import { accessGate, dedupeUpdates, trackMembership } from './middleware.js';
import { logUpdates, updateLogger } from './update-log.js';

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** The numeric bot id in a token ('123456:AA…' → '123456'). */
export function botIdOf(token: string): string {
  return token.split(':')[0] ?? token;
}

/** A telegraf bot wired to the application; it makes no network call until used. */
export function createBot(token: string, deps: BotDeps): Telegraf<Context> {
  const bot = new Telegraf<Context>(token, {
    telegram: { apiRoot: deps.telegram?.apiRoot, agent: deps.telegram?.agent },
    handlerTimeout: 60_000,
  });
  bot.catch(async (error, ctx) => {
    updateLogger(ctx, deps.logger).error({ err: error, chatId: ctx.chat?.id }, 'bot update failed');
    // Best effort: tell the person something went wrong, never throw from the error boundary.
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    if (ctx.chat?.type === 'private') await ctx.reply(M.internalError).catch(() => undefined);
  });
  bot.use(logUpdates(deps.logger));
  bot.use(dedupeUpdates(deps, botIdOf(token)));
  bot.use(trackMembership(deps));
  bot.use(
    Composer.branch(
      (ctx) => ctx.chat !== undefined && ctx.chat.type !== 'private',
      groupFeature(deps),
      Composer.passThru(),
    ),
  );
  bot.use(onboardingFeature(deps), helpFeature());
  bot.use(accessGate(deps));
  bot.use(
    statusFeature(deps),
    reportStartFeature(deps),
    reportSendFeature(deps),
    reportConflictFeature(deps),
    reportInputFeature(deps),
  );
  bot.use(fallbackFeature());
  return bot;
}

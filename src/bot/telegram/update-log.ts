// Each Telegram update gets a child logger carrying its update_id (ctx.state.logger), and one log
// line once handled: the bot's counterpart of the HTTP access log. Message texts are not logged.
import type { Context, MiddlewareFn } from 'telegraf';
import type { Logger } from '../../logger.js';

/** The update's logger, set by logUpdates (the given one when it did not run). */
export function updateLogger(ctx: Context, fallback: Logger): Logger {
  return (ctx.state.logger as Logger | undefined) ?? fallback;
}

export function logUpdates(logger: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = performance.now();
    const log = logger.child({ update_id: ctx.update.update_id });
    ctx.state.logger = log;
    let failed = true;
    try {
      await next();
      failed = false;
    } finally {
      log.info(
        {
          type: ctx.updateType,
          chatType: ctx.chat?.type,
          ms: Math.round((performance.now() - started) * 10) / 10,
          failed,
        },
        'telegram update',
      );
    }
  };
}

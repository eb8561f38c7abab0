// The webhook route: Telegram posts each update here with the secret given to setWebhook in the
// X-Telegram-Bot-Api-Secret-Token header; anything without it is refused before any parsing.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Context, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logger.js';

/** Where the lead mounts the webhook app in the HTTP server. */
export const WEBHOOK_PATH = '/telegram/webhook';

/** Compares in constant time (hashing first so different lengths leak nothing either). */
export function secretMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

export function createWebhookApp(bot: Telegraf<Context>, secret: string, logger: Logger): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    if (!secretMatches(c.req.header('x-telegram-bot-api-secret-token') ?? '', secret)) {
      logger.warn({ ip: c.req.header('x-forwarded-for') ?? null }, 'webhook call without the right secret refused');
      return c.text('Unauthorized', 401);
    }
    let update: Update;
    try {
      update = await c.req.json<Update>();
    } catch {
      return c.text('Bad Request', 400);
    }
    if (typeof update !== 'object' || update === null || !Number.isInteger(update.update_id))
      return c.text('Bad Request', 400);
    // Errors are handled (and logged) by bot.catch; Telegram gets 200 so it does not redeliver.
    await bot.handleUpdate(update);
    return c.text('OK');
  });
  return app;
}

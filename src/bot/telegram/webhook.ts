// The webhook route: Telegram posts each update here with the secret given to setWebhook in the
// X-Telegram-Bot-Api-Secret-Token header; anything without it is refused before any parsing, and
// a body larger than any update is refused before it is read.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Context, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger.js';

/** Where the lead mounts the webhook app in the HTTP server. */
export const WEBHOOK_PATH = '/telegram/webhook';

/**
 * Largest update body read. An update is a few kilobytes: text is at most 4096 characters, a
 * caption 1024, and files arrive as ids, never bytes; a reply quoting another message with its
 * entities stays in the tens of kilobytes. 1 MB leaves a wide margin for Telegram while a forged
 * or runaway body cannot make the process hold more than that in memory (decision 0082).
 */
export const MAX_UPDATE_BYTES = 1024 * 1024;

/** Compares in constant time (hashing first so different lengths leak nothing either). */
export function secretMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

export function createWebhookApp(bot: Telegraf<Context>, secret: string, logger: Logger): Hono {
  const app = new Hono();
  app.post(
    '/',
    async (c, next) => {
      if (!secretMatches(c.req.header('x-telegram-bot-api-secret-token') ?? '', secret)) {
        logger.warn({ ip: c.req.header('x-forwarded-for') ?? null }, 'webhook call without the right secret refused');
        return c.text('Unauthorized', 401);
      }
      await next();
    },
    // Checks Content-Length first; a chunked body is counted as it streams and dropped past the cap.
    bodyLimit({
      maxSize: MAX_UPDATE_BYTES,
      onError: (c) => {
        logger.warn({ maxBytes: MAX_UPDATE_BYTES }, 'webhook update larger than the limit refused');
        return c.text('Payload Too Large', 413);
      },
    }),
    async (c) => {
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
    },
  );
  return app;
}

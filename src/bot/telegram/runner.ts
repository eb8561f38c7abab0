// Runs the bot for the application: connects (retrying while Telegram is unreachable), sets the
// command menu, then receives updates by long polling or through the webhook route.
import type { Hono } from 'hono';
import type { Db } from '../../db/connection.js';
import { pruneProcessedUpdates } from '../../db/processed-updates.js';
import type { BotStatus } from '../../observability/channel-status.js';
import type { Logger } from '../../logger.js';
import type { TelegramChannels } from '../../observability/telegram-channels.js';
import { setCommandMenu } from './command-menu.js';
import { watchCalls } from './connection-watch.js';
import { ALLOWED_UPDATES, createBot } from './create-bot.js';
import { PROCESSED_UPDATE_MEMORY_MS } from './middleware.js';
import { telegramAgent } from './telegram-agent.js';
import { createWebhookApp, WEBHOOK_PATH } from './webhook.js';

export interface BotRunnerDeps {
  db: Db;
  token: string;
  apiRoot: string;
  mode: 'polling' | 'webhook';
  /** Public https base URL of this server (webhook mode). */
  publicUrl?: string;
  /** The secret Telegram sends back in every webhook call (webhook mode). */
  webhookSecret?: string;
  forceIpv4: boolean;
  timeZone: string;
  now: () => Date;
  logger: Logger;
  /** Waits between connection attempts while Telegram is unreachable; the last one repeats. */
  retryDelaysMs?: number[];
  /** Told of each Bot API call of the bot's own client, as the 'bot' channel (/healthz, /metrics, log). */
  channels?: TelegramChannels;
  /** The long poll's wait and the grace before an unanswered call is abandoned (connection-watch.ts; tests). */
  callTimeouts?: { longPollS: number; answerGraceMs: number };
}

export interface BotRunner {
  status(): BotStatus;
  stop(reason: string): Promise<void>;
  /** Webhook mode: the Hono app to mount at WEBHOOK_PATH. */
  webhookApp?: Hono;
  /** The bot's @username once connected (for invite links). */
  readonly botUsername: string | undefined;
}

export { WEBHOOK_PATH };

const DEFAULT_RETRY_DELAYS_MS = [5_000, 15_000, 60_000];

/** Starts the bot; resolves after the first connection attempt, successful or not. */
export async function startBot(deps: BotRunnerDeps): Promise<BotRunner> {
  if (deps.mode === 'webhook' && (!deps.publicUrl || !deps.webhookSecret)) {
    throw new Error('webhook mode needs publicUrl and webhookSecret');
  }
  const bot = createBot(deps.token, {
    db: deps.db,
    now: deps.now,
    timeZone: deps.timeZone,
    logger: deps.logger,
    telegram: {
      apiRoot: deps.apiRoot.endsWith('/') ? deps.apiRoot : `${deps.apiRoot}/`,
      agent: telegramAgent(deps.forceIpv4),
    },
  });
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let status: BotStatus = 'starting';
  let stopping = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let launchSettled = true;
  let pollingStarted = false;

  // telegraf retries a failed getUpdates by itself and says nothing: the bot counts as polling only
  // while its calls get answers, and as 'error' from the first one that does not.
  watchCalls(bot.telegram, {
    now: deps.now,
    failing: () => status === 'error',
    ...deps.callTimeouts,
    onResult(r) {
      if (r.ok) deps.channels?.succeeded('bot', r.startedAt);
      else deps.channels?.failed('bot', r);
      if (r.method !== 'getUpdates' || !pollingStarted || stopping) return;
      if (r.ok) status = 'polling';
      else if (r.reason !== 'rate_limited') status = 'error';
    },
  });

  await pruneProcessedUpdates(deps.db, new Date(deps.now().getTime() - PROCESSED_UPDATE_MEMORY_MS));

  const retryLater = (error: unknown) => {
    if (stopping) return;
    status = 'error';
    const delay = delays[Math.min(attempt, delays.length - 1)]!;
    attempt += 1;
    deps.logger.error({ err: error, retryInMs: delay }, 'Telegram unreachable or refused the bot; retrying');
    retryTimer = setTimeout(() => void connect(), delay);
    retryTimer.unref();
  };

  async function connect(): Promise<void> {
    try {
      bot.botInfo = await bot.telegram.getMe();
      await setCommandMenu(bot.telegram);
      if (deps.mode === 'webhook') {
        await bot.telegram.setWebhook(`${deps.publicUrl!.replace(/\/+$/, '')}${WEBHOOK_PATH}`, {
          secret_token: deps.webhookSecret,
          allowed_updates: [...ALLOWED_UPDATES],
          drop_pending_updates: false,
        });
        status = 'webhook';
      } else {
        // Removing a webhook left from webhook mode here (launch does it again) lets a refusal
        // surface as a failed attempt, and the bot counts as polling only once it succeeded.
        await bot.telegram.deleteWebhook({ drop_pending_updates: false });
        launchSettled = false;
        pollingStarted = true;
        polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES], dropPendingUpdates: false });
        polling.then(
          () => (launchSettled = true),
          (error) => {
            launchSettled = true;
            pollingStarted = false;
            retryLater(error);
          },
        );
        status = 'polling';
      }
      attempt = 0;
      deps.logger.info({ username: bot.botInfo.username, mode: deps.mode }, 'telegram bot connected');
    } catch (error) {
      retryLater(error);
    }
  }

  await connect();
  return {
    status: () => status,
    get botUsername() {
      return bot.botInfo?.username;
    },
    webhookApp: deps.mode === 'webhook' ? createWebhookApp(bot, deps.webhookSecret!, deps.logger) : undefined,
    async stop(reason) {
      stopping = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (polling) {
        // The webhook stays set on stop, so Telegram keeps updates until the server is back.
        // launch() creates its poller only after its own deleteWebhook call returns; until then
        // there is nothing to stop, so keep stopping until the launch has ended.
        while (!launchSettled) {
          try {
            bot.stop(reason);
          } catch {
            // Not polling yet.
          }
          await Promise.race([polling.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10))]);
        }
        await polling.catch(() => undefined);
      }
      status = 'off';
    },
  };
}

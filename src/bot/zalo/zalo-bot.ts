// The Zalo bot's receiving side: long polling (getUpdates, one update a call, 408 when nothing came)
// or a webhook at /zalo/webhook (the secret checked on every request), each message claimed once
// by its message_id and then answered by the dialogue. Its connection state is the 'bot' side of
// the Zalo connection (/healthz, /readyz, /metrics), as Telegram's (decision 0071).
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { claimZaloMessage } from '../../db/zalo-processed-messages.js';
import type { Logger } from '../../logger.js';
import { M } from '../conversation/messages.js';
import type { BotStatus } from '../../observability/channel-status.js';
import type { TelegramChannels as ConnectionStates } from '../../observability/telegram-channels.js';
import type { ZaloBotApiClient } from './bot-api-client.js';
import { handleZaloMessage, type ZaloDialogueDeps } from './dialogue/handle-message.js';
import { createPhotoKeeper } from './keep-photo.js';
import { attemptFailureOf } from './send-classification.js';
import { parseZaloUpdate } from './update.js';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';
/** A webhook body larger than this is not an update (decision 0082's reasoning). */
const MAX_UPDATE_BYTES = 256 * 1024;

export interface ZaloBotRunner {
  status(): BotStatus;
  webhookApp: Hono | undefined;
  stop(): Promise<void>;
}

export interface ZaloBotDeps extends Omit<ZaloDialogueDeps, 'sendText'> {
  client: ZaloBotApiClient;
  mode: 'polling' | 'webhook';
  publicUrl: string | undefined;
  webhookSecret: string | undefined;
  watch: ConnectionStates;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** The long poll's wait in seconds (Zalo's default is 30). */
  pollTimeoutS?: number;
}

export async function startZaloBot(deps: ZaloBotDeps): Promise<ZaloBotRunner> {
  const { client, watch, logger } = deps;
  let status: BotStatus = 'starting';
  let stopping = false;
  const call = async (method: string, body: Record<string, unknown> = {}, timeoutMs?: number) => {
    const startedAt = deps.now();
    const answer = await client.call(method, body, timeoutMs ? { timeoutMs } : {});
    const failure = attemptFailureOf(answer);
    if (failure)
      watch.failed('bot', {
        reason: failure,
        error: 'error' in answer ? answer.error : answer.kind === 'error' ? answer.description : '',
        startedAt,
      });
    else watch.succeeded('bot', startedAt);
    return answer;
  };
  const dialogue: ZaloDialogueDeps = {
    keepPhoto: createPhotoKeeper(deps),
    ...deps,
    async sendText(chatId, text) {
      const answer = await client.call('sendMessage', { chat_id: chatId, text });
      if (answer.kind !== 'ok') logger.warn({ chatId, answer }, 'zalo reply not sent');
    },
  };
  const handle = async (body: unknown) => {
    const msg = parseZaloUpdate(body);
    if (!msg) return;
    if (!(await claimZaloMessage(deps.db, client.botId, msg.messageId, deps.now()))) {
      logger.info({ messageId: msg.messageId }, 'zalo message already handled; ignored');
      return;
    }
    try {
      await handleZaloMessage(dialogue, msg);
    } catch (error) {
      logger.error({ err: error, messageId: msg.messageId }, 'zalo message failed');
      // The message is claimed and will not come again: the person hears that it failed, as on Telegram.
      try {
        await dialogue.sendText(msg.chatId, M.internalError);
      } catch (sendError) {
        logger.warn({ err: sendError, messageId: msg.messageId }, 'zalo error reply not sent');
      }
    }
  };

  const me = await call('getMe');
  if (me.kind !== 'ok') status = 'error';

  if (deps.mode === 'webhook') {
    const secret = deps.webhookSecret!;
    const url = `${deps.publicUrl}${ZALO_WEBHOOK_PATH}`;
    const set = await call('setWebhook', { url, secret_token: secret });
    status = set.kind === 'ok' ? 'webhook' : 'error';
    if (set.kind !== 'ok') logger.warn({ answer: set }, 'zalo setWebhook failed');
    const app = new Hono();
    app.post('/', async (c) => {
      if (!secretMatches(c.req.header('x-bot-api-secret-token'), secret)) return c.text('unauthorised', 401);
      const raw = await c.req.text();
      if (raw.length > MAX_UPDATE_BYTES) return c.text('too large', 413);
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return c.text('bad request', 400);
      }
      await handle(body);
      return c.text('ok', 200);
    });
    return {
      status: () => status,
      webhookApp: app,
      async stop() {
        stopping = true;
      },
    };
  }

  // Polling works only while no webhook is set (docs/zalo.md).
  await call('deleteWebhook');
  if (status !== 'error') status = 'polling';
  const timeoutS = deps.pollTimeoutS ?? 30;
  const loop = (async () => {
    let backoffMs = 1000;
    while (!stopping) {
      const answer = await call('getUpdates', { timeout: status === 'error' ? 0 : timeoutS }, (timeoutS + 20) * 1000);
      if (stopping) break;
      if (answer.kind === 'ok') {
        status = 'polling';
        backoffMs = 1000;
        await handle({ result: answer.result });
        continue;
      }
      // 408: the long poll found nothing, which is no failure.
      if (answer.kind === 'error' && answer.errorCode === 408) {
        status = 'polling';
        continue;
      }
      status = 'error';
      logger.debug({ answer }, 'zalo getUpdates failed; retrying');
      await new Promise((r) => setTimeout(r, backoffMs));
      backoffMs = Math.min(backoffMs * 2, 30_000);
    }
  })();
  return {
    status: () => status,
    webhookApp: undefined,
    async stop() {
      stopping = true;
      client.close();
      await loop;
    },
  };
}

/** Compares the header with the secret in constant time. */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

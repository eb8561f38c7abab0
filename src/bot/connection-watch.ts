// Sees every Bot API call the bot's own client makes (getMe, setWebhook, the long polling's
// getUpdates) succeed or fail. telegraf's polling loop swallows network errors, 429s and 5xx
// answers and retries on its own (telegraf 4.16 polling.js), so without this an outage of the bot's
// connection is invisible: /healthz kept saying "polling" (docs/decisions/0071).
import type { Telegram } from 'telegraf';
import type { AttemptFailure } from '../observability/telegram-channels.js';

export type CallResult = { method: string; startedAt: Date } & (
  | { ok: true }
  | { ok: false; reason: AttemptFailure; error: string }
);

interface ErrorLike {
  name?: string;
  type?: string;
  message?: string;
  code?: unknown;
  response?: { error_code?: number; description?: string };
}

/**
 * What a failed call means for the connection: a reason when Telegram could not be reached or
 * refused the bot, null when Telegram answered (a 400 about the request itself) or the call was
 * aborted by a stop.
 */
export function callFailureOf(error: unknown): { reason: AttemptFailure; error: string } | null {
  const e = (error ?? {}) as ErrorLike;
  if (e.name === 'AbortError') return null;
  const message = e.message ?? String(error);
  if (e.name === 'FetchError') return { reason: e.type === 'request-timeout' ? 'timeout' : 'network', error: message };
  const code = e.response?.error_code;
  if (typeof code === 'number') {
    if (code === 429) return { reason: 'rate_limited', error: message };
    if (code >= 500) return { reason: 'server_error', error: message };
    if (code === 401 || code === 404) return { reason: 'unauthorized', error: message };
    if (code === 409) return { reason: 'conflict', error: message };
    return null;
  }
  return { reason: 'bad_answer', error: message };
}

/**
 * Reports the result of each call `telegram` makes to `onResult`. While `failing()` holds, a
 * getUpdates asks for an immediate answer (timeout 0) instead of a 50-second long poll: the poll
 * that first gets through then shows the recovery at once, not when its long poll ends.
 */
export function watchCalls(
  telegram: Telegram,
  o: { now: () => Date; failing: () => boolean; onResult: (r: CallResult) => void },
): void {
  const call = telegram.callApi.bind(telegram) as (...args: unknown[]) => Promise<unknown>;
  const watched = async (...args: unknown[]): Promise<unknown> => {
    const method = String(args[0]);
    if (method === 'getUpdates' && o.failing()) args[1] = { ...(args[1] as object), timeout: 0 };
    const startedAt = o.now();
    try {
      const result = await call(...args);
      o.onResult({ method, startedAt, ok: true });
      return result;
    } catch (error) {
      const failure = callFailureOf(error);
      if (failure) o.onResult({ method, startedAt, ok: false, ...failure });
      else if ((error as ErrorLike)?.name !== 'AbortError') o.onResult({ method, startedAt, ok: true });
      throw error;
    }
  };
  telegram.callApi = watched as Telegram['callApi'];
}

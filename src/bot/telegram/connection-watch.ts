// Sees every Bot API call the bot's own client makes (getMe, setWebhook, the long polling's
// getUpdates) succeed or fail. telegraf's polling loop swallows network errors, 429s and 5xx
// answers and retries on its own (telegraf 4.16 polling.js), so without this an outage of the bot's
// connection is invisible: /healthz kept saying "polling" (docs/decisions/0071).
import type { Telegram } from 'telegraf';
import type { AttemptFailure } from '../../observability/telegram-channels.js';

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

/** Seconds a long poll asks Telegram to wait for updates (telegraf asks 50). */
export const LONG_POLL_S = 10;
/** A call still unanswered this long after its own wait is taken as a dead connection. */
export const ANSWER_GRACE_MS = 20_000;

/** Shaped like node-fetch's timeout, so telegraf's polling waits 5 s and polls again, as for any network error. */
class NoAnswer extends Error {
  override readonly name = 'FetchError';
  readonly type = 'request-timeout';
}

export interface WatchOptions {
  now: () => Date;
  /** Whether the bot's connection is failing now. */
  failing: () => boolean;
  onResult: (r: CallResult) => void;
  /** LONG_POLL_S and ANSWER_GRACE_MS unless given (tests). */
  longPollS?: number;
  answerGraceMs?: number;
}

/**
 * Reports the result of each call `telegram` makes to `onResult`, and ends a call that gets no
 * answer: telegraf waits up to 500 s (node-fetch's timeout it sets), so a network that silently
 * drops packets left the bot "polling" for minutes. A long poll asks for LONG_POLL_S seconds and
 * is abandoned ANSWER_GRACE_MS after that, so a dead connection shows within 30 s. While `failing()`
 * holds, a getUpdates asks for an immediate answer (timeout 0): the poll that first gets through
 * shows the recovery at once, not when its long poll ends.
 */
export function watchCalls(telegram: Telegram, o: WatchOptions): void {
  const call = telegram.callApi.bind(telegram) as (...args: unknown[]) => Promise<unknown>;
  const longPollS = o.longPollS ?? LONG_POLL_S;
  const graceMs = o.answerGraceMs ?? ANSWER_GRACE_MS;
  const watched = async (...args: unknown[]): Promise<unknown> => {
    const method = String(args[0]);
    let waitS = 0;
    if (method === 'getUpdates' && 'timeout' in ((args[1] as object) ?? {})) {
      waitS = o.failing() ? 0 : longPollS;
      args[1] = { ...(args[1] as object), timeout: waitS };
    }
    // Our own abort signal, which the caller's (telegraf's stop) still triggers.
    const own = new AbortController();
    const outer = (args[2] as { signal?: AbortSignal } | undefined)?.signal;
    if (outer?.aborted) own.abort();
    outer?.addEventListener('abort', () => own.abort(), { once: true });
    args[2] = { signal: own.signal };
    let unanswered = false;
    const timer = setTimeout(
      () => {
        unanswered = true;
        own.abort();
      },
      waitS * 1000 + graceMs,
    );
    const startedAt = o.now();
    try {
      const result = await call(...args);
      o.onResult({ method, startedAt, ok: true });
      return result;
    } catch (caught) {
      const error = unanswered ? new NoAnswer(`${method}: no answer within ${waitS + graceMs / 1000} s`) : caught;
      const failure = callFailureOf(error);
      if (failure) o.onResult({ method, startedAt, ok: false, ...failure });
      else if ((error as ErrorLike)?.name !== 'AbortError') o.onResult({ method, startedAt, ok: true });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  telegram.callApi = watched as Telegram['callApi'];
}

// What a Bot API answer to sendMessage means for an outbox row: the Telegram channel's
// classification, in Telegram's own terms (status codes, descriptions, retry_after,
// migrate_to_chat_id). telegram-channel.ts maps it onto the channel interface. Pure.

import type { FailureReason } from '../../delivery/classify.js';
import type { AttemptFailure } from '../../observability/telegram-channels.js';
import type { RawSendResult } from './bot-api-client.js';

export type SendOutcome =
  | { type: 'sent'; messageId: number | null }
  /** 429: wait retry_after seconds; not the message's fault, so not an attempt. */
  | { type: 'rate_limited'; retryAfterS: number; error: string }
  /** Network error, timeout, 5xx or an unreadable answer: try again later. */
  | { type: 'retry'; error: string }
  /** The group became a supergroup with a new id: send there. */
  | { type: 'migrated'; chatId: string; error: string }
  /** Will never succeed as it is: the admin must act (e.g. ask the person to unblock the bot). */
  | { type: 'permanent'; reason: FailureReason; error: string }
  /** The token was refused (401/404): nothing can be sent until the configuration is fixed. */
  | { type: 'auth'; error: string };

interface ApiBody {
  ok?: boolean;
  description?: string;
  result?: { message_id?: number };
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

const FORBIDDEN: [RegExp, FailureReason][] = [
  [/blocked by the user/i, 'blocked'],
  [/can't initiate conversation|cannot initiate conversation/i, 'not_started'],
  [/user is deactivated/i, 'deactivated'],
  [/kicked|not a member|chat was deleted/i, 'kicked'],
];

/** Classifies the result of one sendMessage call. */
export function classifySendResult(raw: RawSendResult): SendOutcome {
  if (raw.kind === 'timeout') return { type: 'retry', error: 'timeout: no answer from the Bot API' };
  if (raw.kind === 'network_error') return { type: 'retry', error: `network: ${raw.error}` };
  const body = (raw.body && typeof raw.body === 'object' ? raw.body : {}) as ApiBody;
  const description = typeof body.description === 'string' ? body.description : `HTTP ${raw.status}`;
  const error = `${raw.status}: ${description}`;
  if (raw.status === 200 && body.ok === true) {
    const id = body.result?.message_id;
    return { type: 'sent', messageId: typeof id === 'number' ? id : null };
  }
  if (raw.status === 429) {
    const s = Number(body.parameters?.retry_after);
    return { type: 'rate_limited', retryAfterS: Number.isFinite(s) && s > 0 ? s : 1, error };
  }
  if (raw.status === 401 || raw.status === 404) return { type: 'auth', error };
  if (raw.status === 403) {
    const match = FORBIDDEN.find(([re]) => re.test(description));
    return { type: 'permanent', reason: match?.[1] ?? 'forbidden', error };
  }
  if (raw.status === 400) {
    const migrated = body.parameters?.migrate_to_chat_id;
    if (typeof migrated === 'number') return { type: 'migrated', chatId: String(migrated), error };
    if (/chat not found|user not found|peer_id_invalid/i.test(description)) {
      return { type: 'permanent', reason: 'chat_not_found', error };
    }
    return { type: 'permanent', reason: 'bad_request', error };
  }
  return { type: 'retry', error };
}

/**
 * Why a send did not reach Telegram or was refused by it as a whole (for the 'delivery' channel's
 * state and counters); null when Telegram answered about this message, sent or not (a 403 from a
 * person who blocked the bot still shows Telegram is reachable).
 */
export function attemptFailureOf(raw: RawSendResult): AttemptFailure | null {
  if (raw.kind === 'timeout') return 'timeout';
  if (raw.kind === 'network_error') return 'network';
  if (raw.status === 429) return 'rate_limited';
  if (raw.status === 401 || raw.status === 404) return 'unauthorized';
  if (raw.status >= 500) return 'server_error';
  const ok = raw.body !== null && typeof raw.body === 'object' && 'ok' in raw.body;
  return ok ? null : 'bad_answer';
}

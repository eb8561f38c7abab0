// What the Zalo Bot Platform's answer to a send means for an outbox row (src/delivery/channel.ts),
// from the facts and assumptions of docs/zalo.md: 403 the person blocked the bot; 400 a chat that
// does not exist or a refused text; 401/404 the token; 429 or a description saying "too many" a
// rate limit; 5xx, 408 and no answer at all a failure that may pass. Pure.

import type { ChannelSendOutcome } from '../../delivery/channel.js';
import type { ZaloAnswer } from './bot-api-client.js';

/** Why an attempt got no usable answer from Zalo, for the connection's state and /metrics. */
export type ZaloAttemptFailure = 'network' | 'timeout' | 'server_error' | 'unauthorized' | 'bad_answer';

export function classifyZaloSend(answer: ZaloAnswer<{ message_id?: unknown }>): ChannelSendOutcome {
  if (answer.kind === 'ok') {
    const id = answer.result?.message_id;
    return { type: 'sent', platformMessageId: id === undefined || id === null ? null : String(id) };
  }
  if (answer.kind === 'unreachable') return { type: 'retryLater', error: `${answer.reason}: ${answer.error}` };
  const { errorCode: code, description } = answer;
  const error = `${code}: ${description}`;
  if (code === 429 || /too many/i.test(description))
    return { type: 'rateLimited', retryAfterMs: (answer.retryAfterS ?? 1) * 1000, error };
  if (code === 401 || code === 404) return { type: 'unauthorised', error };
  if (code === 403) return { type: 'blockedByPerson', reason: 'blocked', error };
  if (code === 400 && /chat not found|user not found|not exist/i.test(description))
    return { type: 'permanent', reason: 'chat_not_found', error };
  if (code >= 400 && code < 500 && code !== 408) return { type: 'permanent', reason: 'bad_request', error };
  return { type: 'retryLater', error };
}

/** The failure an attempt meant for the connection as a whole (undefined: Zalo answered). */
export function attemptFailureOf(answer: ZaloAnswer): ZaloAttemptFailure | undefined {
  if (answer.kind === 'ok') return undefined;
  if (answer.kind === 'unreachable') return answer.reason;
  if (answer.errorCode === 401 || answer.errorCode === 404) return 'unauthorized';
  if (answer.errorCode >= 500) return 'server_error';
  return undefined;
}

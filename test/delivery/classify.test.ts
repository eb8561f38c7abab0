import { describe, expect, it } from 'vitest';
import { classifySendResult } from '../../src/bot/telegram/send-classification.js';
import { retryDelayMs } from '../../src/delivery/classify.js';
import { failureReasonText } from '../../src/delivery/failure-reasons.js';

const answer = (status: number, body: unknown) => classifySendResult({ kind: 'response', status, body });
const error = (status: number, description: string, parameters?: object) =>
  answer(status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });

describe('what a Bot API answer means for a message', () => {
  it('sent, with the message id', () => {
    expect(answer(200, { ok: true, result: { message_id: 42 } })).toEqual({ type: 'sent', messageId: 42 });
  });

  it('429: wait retry_after (1 s when missing)', () => {
    expect(error(429, 'Too Many Requests: retry after 7', { retry_after: 7 })).toMatchObject({
      type: 'rate_limited',
      retryAfterS: 7,
    });
    expect(error(429, 'Too Many Requests')).toMatchObject({ type: 'rate_limited', retryAfterS: 1 });
  });

  it('403 and 400 answers that will never succeed fail with a reason the admin can act on', () => {
    expect(error(403, 'Forbidden: bot was blocked by the user')).toMatchObject({
      type: 'permanent',
      reason: 'blocked',
    });
    expect(error(403, "Forbidden: bot can't initiate conversation with a user")).toMatchObject({
      type: 'permanent',
      reason: 'not_started',
    });
    expect(error(403, 'Forbidden: user is deactivated')).toMatchObject({ type: 'permanent', reason: 'deactivated' });
    expect(error(403, 'Forbidden: bot was kicked from the supergroup chat')).toMatchObject({
      type: 'permanent',
      reason: 'kicked',
    });
    expect(error(403, 'Forbidden: something new')).toMatchObject({ type: 'permanent', reason: 'forbidden' });
    expect(error(400, 'Bad Request: chat not found')).toMatchObject({
      type: 'permanent',
      reason: 'chat_not_found',
      error: '400: Bad Request: chat not found',
    });
    expect(error(400, "Bad Request: can't parse entities")).toMatchObject({ type: 'permanent', reason: 'bad_request' });
  });

  it('a migrated group is followed to its new id', () => {
    expect(
      error(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1001234 }),
    ).toMatchObject({
      type: 'migrated',
      chatId: '-1001234',
    });
  });

  it('server errors, proxies’ pages, timeouts and network errors are retried', () => {
    expect(error(502, 'Bad Gateway')).toMatchObject({ type: 'retry' });
    expect(answer(503, null)).toEqual({ type: 'retry', error: '503: HTTP 503' });
    expect(answer(200, null)).toMatchObject({ type: 'retry' });
    expect(classifySendResult({ kind: 'timeout' })).toMatchObject({ type: 'retry' });
    expect(classifySendResult({ kind: 'network_error', error: 'ECONNRESET' })).toEqual({
      type: 'retry',
      error: 'network: ECONNRESET',
    });
  });

  it('a refused token is a configuration problem, not the message’s', () => {
    expect(error(401, 'Unauthorized')).toMatchObject({ type: 'auth' });
    expect(error(404, 'Not Found')).toMatchObject({ type: 'auth' });
  });

  it('every permanent reason has Vietnamese words for the delivery page', () => {
    for (const reason of [
      'blocked',
      'not_started',
      'deactivated',
      'kicked',
      'forbidden',
      'chat_not_found',
      'bad_request',
      'too_many_attempts',
      'expired',
      'unknown',
    ]) {
      expect(failureReasonText[reason]?.label).toBeTruthy();
      expect(failureReasonText[reason]?.action).toBeTruthy();
    }
  });
});

describe('retry delays', () => {
  it('double from the base up to the maximum, scaled by the jitter', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 2000, 900_000, 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(20, 2000, 900_000, 1)).toBe(900_000);
    expect(retryDelayMs(1, 2000, 900_000, 1.2)).toBe(2400);
  });
});

import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../src/core/outbound-message.js';
import { classifyZaloSend } from '../../../src/bot/zalo/send-classification.js';
import { renderZaloMessage } from '../../../src/bot/zalo/render-message.js';

describe('Zalo rendering', () => {
  it('is plain text with the actions as lines to type, on the last part', () => {
    const parts = renderZaloMessage(
      {
        topic: 'reminder',
        title: '[Khối thi đua số 6]',
        blocks: [paragraph('Kính gửi đồng chí A.\nĐơn vị chưa gửi báo cáo tuần 48.')],
        actions: [
          { kind: 'sendReport', periodKey: '2026-W48' },
          { kind: 'nilReport', periodKey: '2026-W48' },
          { kind: 'openPersonalLink' },
        ],
      },
      { personalLink: 'https://thidua.example.vn/r/abc' },
    );
    expect(parts).toEqual([
      {
        text: [
          '[Khối thi đua số 6]\nKính gửi đồng chí A.\nĐơn vị chưa gửi báo cáo tuần 48.',
          '• Gõ /baocao: Gửi báo cáo\n• Gõ /khongmoi 2026-W48: Kỳ này không có gì mới\n• Mở biểu mẫu báo cáo: https://thidua.example.vn/r/abc',
        ].join('\n\n'),
      },
    ]);
  });

  it('splits at paragraph boundaries within 2,000 characters, the same way every time', () => {
    const blocks = Array.from({ length: 9 }, (_, i) => paragraph(`Đoạn ${i + 1}: ${'chữ '.repeat(100)}`));
    const message = { topic: 'digest' as const, title: 'Bản tin', blocks, actions: [] };
    const parts = renderZaloMessage(message, {});
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(2000);
    expect(parts[0]!.text.startsWith('(Phần 1/')).toBe(true);
    // No paragraph is cut in two.
    for (const [i] of blocks.entries()) expect(parts.filter((p) => p.text.includes(`Đoạn ${i + 1}:`))).toHaveLength(1);
    expect(renderZaloMessage(message, {})).toEqual(parts);
  });
});

describe('Zalo send classification', () => {
  const error = (errorCode: number, description: string, retryAfterS?: number) =>
    ({ kind: 'error', errorCode, description, retryAfterS }) as const;
  it('maps each answer onto the outbox outcomes', () => {
    expect(classifyZaloSend({ kind: 'ok', result: { message_id: 'b1' } })).toEqual({
      type: 'sent',
      platformMessageId: 'b1',
    });
    expect(classifyZaloSend(error(403, 'Forbidden: user blocked the bot'))).toMatchObject({
      type: 'blockedByPerson',
      reason: 'blocked',
    });
    expect(classifyZaloSend(error(400, 'Bad Request: chat not found'))).toMatchObject({
      type: 'permanent',
      reason: 'chat_not_found',
    });
    expect(classifyZaloSend(error(400, 'Bad Request: text too long'))).toMatchObject({
      type: 'permanent',
      reason: 'bad_request',
    });
    expect(classifyZaloSend(error(401, 'Unauthorized'))).toMatchObject({ type: 'unauthorised' });
    expect(classifyZaloSend(error(429, 'Too Many Requests', 3))).toMatchObject({
      type: 'rateLimited',
      retryAfterMs: 3000,
    });
    expect(classifyZaloSend(error(400, 'too many requests'))).toMatchObject({
      type: 'rateLimited',
      retryAfterMs: 1000,
    });
    expect(classifyZaloSend(error(502, 'Bad Gateway'))).toMatchObject({ type: 'retryLater' });
    expect(classifyZaloSend({ kind: 'unreachable', reason: 'timeout', error: 'x' })).toMatchObject({
      type: 'retryLater',
    });
  });
});

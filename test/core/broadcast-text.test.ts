import { describe, expect, it } from 'vitest';
import { BROADCAST_MAX_CHARS, broadcastMessage } from '../../src/core/broadcast-text.js';

describe('broadcast text', () => {
  it('puts the bloc on top and the sender below', () => {
    expect(broadcastMessage('Khối thi đua số 6', 'Họp Khối lúc 8 giờ.', 'Văn phòng Khối')).toBe(
      '[Khối thi đua số 6]\n\nHọp Khối lúc 8 giờ.\n\n— Văn phòng Khối',
    );
  });

  it('always fits one Telegram message, even with the longest names', () => {
    const text = broadcastMessage('K'.repeat(5000), 'x'.repeat(BROADCAST_MAX_CHARS), 'N'.repeat(5000));
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toContain(`${'K'.repeat(199)}…]`);
  });
});

import { describe, expect, it } from 'vitest';
import { BROADCAST_MAX_CHARS, broadcastMessage } from '../../src/core/broadcast-text.js';
import { plainText } from '../../src/core/plain-text.js';

describe('broadcast message', () => {
  it('puts the bloc on top, apart from the text, and the sender below', () => {
    const m = broadcastMessage('Khối thi đua số 6', 'Họp Khối lúc 8 giờ.', 'Văn phòng Khối');
    expect(m).toMatchObject({ topic: 'announcement', title: '[Khối thi đua số 6]', actions: [] });
    expect(plainText(m)).toBe('[Khối thi đua số 6]\n\nHọp Khối lúc 8 giờ.\n\n— Văn phòng Khối');
  });

  it('clips the longest names, so an announcement is never much longer than the typed text', () => {
    const text = plainText(broadcastMessage('K'.repeat(5000), 'x'.repeat(BROADCAST_MAX_CHARS), 'N'.repeat(5000)));
    expect(text.length).toBeLessThanOrEqual(BROADCAST_MAX_CHARS + 2 * 200 + 10);
    expect(text).toContain(`${'K'.repeat(199)}…]`);
    expect(text.endsWith(`— ${'N'.repeat(199)}…`)).toBe(true);
  });
});

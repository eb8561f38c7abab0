import { describe, expect, it } from 'vitest';
import { renderTelegramMessage, type SendMessageBody } from '../../src/bot/telegram/render-message.js';
import { reminderCallback } from '../../src/bot/telegram/reminder-callback.js';
import { broadcastMessage } from '../../src/core/broadcast-text.js';
import { type DigestInput, digestMessage } from '../../src/core/digest-text.js';
import type { OutboundMessage } from '../../src/core/outbound-message.js';
import { periodFromKey } from '../../src/core/periods.js';
import { plainText } from '../../src/core/plain-text.js';
import { chairEscalationMessage, unitReminderMessage } from '../../src/core/reminder-text.js';
import { zonedInstant } from '../../src/core/time.js';
import { validateBotApiCall } from '../helpers/bot-api-validator.js';

const TZ = 'Asia/Ho_Chi_Minh';
const w48 = periodFromKey('2026-W48');
const period = { key: w48.key, label: w48.label, deadline: zonedInstant('2026-12-01', '00:00', TZ) };

const reminder = unitReminderMessage({
  blocName: 'Khối thi đua số 6',
  focalPointName: 'Nguyễn Thị Hoa',
  unitName: 'Hội Nông dân tỉnh',
  period,
  stage: { kind: 'before', ordinal: 0 },
  timeZone: TZ,
});

const digestInput: DigestInput = {
  blocName: 'Khối thi đua số 6',
  periodKind: 'week',
  periodLabel: 'Tuần 47/2026 (16/11/2026 – 22/11/2026)',
  year: 2026,
  units: [{ name: 'Hội Nông dân tỉnh', shortName: null, status: 'reported' }],
  rates: { expected: 1, received: 1, onTime: 1, reportingRate: 1, onTimeRate: 1 },
  onTimeUntil: null,
  criteria: [
    {
      code: '1',
      title: 'Tuyên truyền gương điển hình tiên tiến',
      unitOfMeasure: 'gương',
      valueType: 'count',
      periodTotal: 3,
      ytdTotal: 52,
      ytdTarget: 100,
    },
  ],
  notable: [{ unitName: 'Hội Nông dân tỉnh', text: 'Xem https://example.org/bai-viet' }],
};

/** Every body must be a valid sendMessage call once the chat is added. */
function expectValid(bodies: SendMessageBody[]): void {
  for (const body of bodies) expect(validateBotApiCall('sendMessage', { chat_id: 5001, ...body })).toEqual([]);
}

describe('renderTelegramMessage', () => {
  it('sends a reminder as one message, its two actions as buttons with the callback data the bot answers', () => {
    const bodies = renderTelegramMessage(reminder, {});
    expect(bodies).toEqual([
      {
        text: plainText(reminder),
        reply_markup: {
          inline_keyboard: [
            [{ text: '📝 Gửi báo cáo', callback_data: 'remind:report:2026-W48' }],
            [{ text: 'Kỳ này không có gì mới', callback_data: 'remind:nil:2026-W48' }],
          ],
        },
      },
    ]);
    expectValid(bodies);
  });

  it('offers the personal link as a url button only when the reader has one', () => {
    const message: OutboundMessage = { ...reminder, actions: [...reminder.actions, { kind: 'openPersonalLink' }] };
    const link = 'https://thidua.example.vn/r/abc123';
    const [withLink] = renderTelegramMessage(message, { personalLink: link });
    expect(withLink!.reply_markup!.inline_keyboard.at(-1)).toEqual([{ text: 'Mở biểu mẫu báo cáo', url: link }]);
    expectValid([withLink!]);
    const [without] = renderTelegramMessage(message, {});
    expect(without!.reply_markup!.inline_keyboard).toHaveLength(2);
  });

  it('sends a message without actions with no keyboard, and an announcement with previews as Telegram shows them', () => {
    const bodies = renderTelegramMessage(broadcastMessage('Khối thi đua số 6', 'Xem https://example.org', 'VP'), {});
    expect(bodies).toEqual([{ text: '[Khối thi đua số 6]\n\nXem https://example.org\n\n— VP' }]);
    expectValid(bodies);
  });

  it('turns link previews off in a digest with link_preview_options, not the removed disable_web_page_preview', () => {
    const bodies = renderTelegramMessage(digestMessage(digestInput), {});
    expect(bodies).toEqual([
      { text: plainText(digestMessage(digestInput)), link_preview_options: { is_disabled: true } },
    ]);
    expect(bodies[0]).not.toHaveProperty('disable_web_page_preview');
    expectValid(bodies);
  });

  it('splits a large bloc’s digest into numbered parts within 4096 characters, only between blocks where it can', () => {
    const units = Array.from({ length: 120 }, (_, i) => ({
      name: `Đơn vị thành viên có tên khá dài số ${i + 1}`,
      shortName: null,
      status: (['reported', 'nil', 'late', 'missing'] as const)[i % 4]!,
    }));
    const notable = units.map((u) => ({
      unitName: u.name,
      text: 'Tổ chức hội nghị biểu dương gương điển hình tiên tiến, người tốt, việc tốt. '.repeat(3),
    }));
    const criteria = Array.from({ length: 30 }, (_, i) => ({ ...digestInput.criteria[0]!, code: String(i + 1) }));
    const message = digestMessage({ ...digestInput, units, notable, criteria });
    const text = plainText(message);
    expect(text.length).toBeGreaterThan(3 * 4096);
    const bodies = renderTelegramMessage(message, {});
    expect(bodies.length).toBeGreaterThan(3);
    bodies.forEach((b, i) => {
      expect(b.text.length).toBeLessThanOrEqual(4096);
      const [header, ...rest] = b.text.split('\n');
      expect(header).toBe(`(Phần ${i + 1}/${bodies.length})`);
      // Whole lines of the text (or pieces of the one long unit list, broken at spaces).
      for (const line of rest) expect(text).toContain(line);
      expect(b.link_preview_options).toEqual({ is_disabled: true });
    });
    // Nothing lost or reordered: the parts without their headers give back the words of the text.
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(bodies.map((b) => b.text.split('\n').slice(1).join('\n')).join('\n'))).toEqual(words(text));
    expectValid(bodies);
  });

  it('keeps each block whole when the blocks fit, breaking a block only when it alone is too long', () => {
    const lines = (n: number) =>
      Array.from({ length: 10 }, (_, i) => `Mục ${n} dòng ${i} ${'x'.repeat(380)}`).join('\n');
    const message: OutboundMessage = {
      topic: 'announcement',
      title: 'Tiêu đề',
      blocks: [1, 2, 3].map((n) => ({ kind: 'paragraph', text: lines(n) })),
      actions: [],
    };
    const bodies = renderTelegramMessage(message, {});
    expect(bodies).toHaveLength(3);
    for (const [i, b] of bodies.entries()) {
      const body = b.text.split('\n').slice(1);
      expect(new Set(body.filter((l) => l.startsWith('Mục')).map((l) => l.split(' ')[1]))).toEqual(
        new Set([String(i + 1)]),
      );
    }
    const single = 'từ '.repeat(3000).trim();
    const long = renderTelegramMessage({ ...message, blocks: [{ kind: 'paragraph', text: single }] }, {});
    for (const b of long) expect(b.text.length).toBeLessThanOrEqual(4096);
    expect(long.map((b) => b.text.split('\n').slice(1).join(' ')).join(' ')).toBe(`Tiêu đề ${single}`);
  });

  it('splits an escalation whose list of units outgrows one message, and puts the buttons on the last part', () => {
    const missing = Array.from({ length: 400 }, (_, i) => ({
      name: `Đơn vị có tên rất dài số ${i + 1}`,
      reachable: true,
    }));
    const escalation = chairEscalationMessage({
      blocName: 'Khối thi đua số 6',
      recipientName: 'Lê Minh Tâm',
      period,
      expected: 400,
      missing,
      now: zonedInstant('2026-12-03', '08:00', TZ),
      timeZone: TZ,
    });
    const bodies = renderTelegramMessage({ ...escalation, actions: reminder.actions }, {});
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) expect(b.text.length).toBeLessThanOrEqual(4096);
    expect(bodies.at(-1)!.text).toContain('400. Đơn vị có tên rất dài số 400');
    expect(bodies.map((b) => b.reply_markup !== undefined)).toEqual(bodies.map((_, i) => i === bodies.length - 1));
    expectValid(bodies);
  });
});

describe('reminderCallback', () => {
  it('keeps callback data within Telegram’s 64 bytes and in the form the bot parses', () => {
    for (const key of ['2026-W48', '2026-11', '9999-W53']) {
      for (const data of [reminderCallback.report(key), reminderCallback.nil(key)]) {
        expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(64);
        expect(reminderCallback.pattern.exec(data)?.[2]).toBe(key);
      }
    }
    expect(reminderCallback.pattern.test('remind:report:2026-W48;drop')).toBe(false);
  });
});

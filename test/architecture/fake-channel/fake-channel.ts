// A channel that is not Telegram, written the way the next one (Zalo, e-mail) will be: one folder
// implementing src/delivery/channel.ts, and nothing under src/ knowing of it. Plain text with the
// actions as numbered choices, parts of at most `limit` characters split between lines, and a
// mailbox per address instead of a platform.

import type { MessageAction, OutboundMessage } from '../../../src/core/outbound-message.js';
import type { Channel, ChannelSendResult } from '../../../src/delivery/channel.js';

const CHOICES: Record<MessageAction['kind'], string> = {
  sendReport: 'gửi báo cáo',
  nilReport: 'báo cáo không có gì mới',
  openPersonalLink: 'mở biểu mẫu',
};

function lines(message: OutboundMessage): string[] {
  const body = message.blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? b.text.split('\n')
      : [...(b.heading ? [b.heading] : []), ...b.figures.map((f) => `${f.label}: ${f.value}`)],
  );
  const choices = message.actions.map((a, i) => `Trả lời ${i + 1} để ${CHOICES[a.kind]}`);
  return [message.title, ...body, ...choices];
}

export function createFakeChannel(limit: number) {
  const mailboxes = new Map<string, string[]>();
  const channel: Channel = {
    name: 'fake',
    limits: { perSecond: 500, addressWindow: () => ({ count: 50, windowMs: 1000 }) },
    render(message) {
      const parts: string[] = [];
      for (const line of lines(message)) {
        const last = parts.at(-1);
        if (last !== undefined && last.length + 1 + line.length <= limit) parts[parts.length - 1] = `${last}\n${line}`;
        else parts.push(line.slice(0, limit));
      }
      return parts;
    },
    async send(address, part): Promise<ChannelSendResult> {
      if (address.startsWith('gone:')) return { type: 'blockedByPerson', reason: 'blocked', error: 'mailbox closed' };
      mailboxes.set(address, [...(mailboxes.get(address) ?? []), String(part)]);
      return { type: 'sent', platformMessageId: null };
    },
  };
  return { channel, mailboxes };
}

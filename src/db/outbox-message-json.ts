// The neutral message as the outbox stores it (JSON in outbox_message.message), and the two
// conversions the move to channels needs while callers still queue Telegram payloads: a payload's
// message (the rule migration 0010 applied to the rows it found) and a message's plain text (kept
// in the payload column, by src/core/plain-text.ts, for the pages that still show it). Both go once every caller queues a
// neutral message (docs/decisions/0090-channels.md).

import type { MessageAction, MessageTopic, OutboundMessage } from '../core/outbound-message.js';

/** The payload a caller not moved to neutral messages yet gives (Telegram's sendMessage fields). */
export interface OutboxPayload {
  text: string;
  parse_mode?: 'HTML';
  reply_markup?: unknown;
  disable_web_page_preview?: boolean;
}

const TOPICS: Record<string, MessageTopic> = {
  reminder: 'reminder',
  escalation: 'escalation',
  digest: 'digest',
  broadcast: 'announcement',
};

/** What an outbox kind is about, for a message converted from a payload. */
export function topicOfKind(kind: string): MessageTopic {
  return TOPICS[kind] ?? (kind.startsWith('summary') ? 'summary' : 'announcement');
}

/**
 * The text as a title (its first line) and one paragraph (the rest, line breaks kept), which
 * Telegram's rendering joins back exactly: the title heads the first block, except in an
 * announcement, where a blank line sets it apart (src/core/plain-text.ts). An announcement whose
 * first line is not followed by a blank line keeps the whole text as its title.
 */
function titleAndBlocks(topic: MessageTopic, text: string): Pick<OutboundMessage, 'title' | 'blocks'> {
  const cut = text.indexOf('\n');
  if (cut < 0) return { title: text, blocks: [] };
  const [title, rest] = [text.slice(0, cut), text.slice(cut + 1)];
  if (topic !== 'announcement') return { title, blocks: [{ kind: 'paragraph', text: rest }] };
  if (rest.startsWith('\n')) return { title, blocks: [{ kind: 'paragraph', text: rest.slice(1) }] };
  return { title: text, blocks: [] };
}

/** The neutral message a Telegram payload stands for: its text, and its reminder buttons as actions. */
export function messageOfTelegramPayload(kind: string, payload: OutboxPayload): OutboundMessage {
  const topic = topicOfKind(kind);
  const actions: MessageAction[] = [];
  const keyboard = (payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)
    ?.inline_keyboard;
  for (const row of keyboard ?? []) {
    for (const button of row) {
      const m = /^remind:(report|nil):(.+)$/.exec(button.callback_data ?? '');
      if (m) actions.push({ kind: m[1] === 'report' ? 'sendReport' : 'nilReport', periodKey: m[2]! });
    }
  }
  return { topic, ...titleAndBlocks(topic, payload.text), actions };
}

/** The stored message of a row; throws on a row whose message is not an OutboundMessage. */
export function parseOutboundMessage(json: string): OutboundMessage {
  const m = JSON.parse(json) as Partial<OutboundMessage> | null;
  if (!m || typeof m.title !== 'string' || !Array.isArray(m.blocks) || !Array.isArray(m.actions))
    throw new Error('not an outbound message');
  return m as OutboundMessage;
}

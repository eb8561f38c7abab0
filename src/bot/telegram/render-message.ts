// A neutral message (src/core/outbound-message.ts) in Telegram's form: plain text split under the
// 4096-character limit, the actions as inline buttons on the last part, link previews off where
// a preview of a link in a quoted result would only clutter a report.

import { actionLabels } from '../../core/action-labels.js';
import type { MessageAction, OutboundMessage } from '../../core/outbound-message.js';
import { plainTextSections } from '../../core/plain-text.js';
import type { RenderContext } from '../../delivery/channel.js';
import { reminderCallback } from './reminder-callback.js';
import { splitSections } from '../conversation/split-sections.js';
import { TELEGRAM_TEXT_LIMIT } from './reply.js';

export type InlineKeyboardButton = { text: string; callback_data: string } | { text: string; url: string };

/** The body of one sendMessage call, without its chat_id. */
export interface SendMessageBody {
  text: string;
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
  link_preview_options?: { is_disabled: boolean };
}

function button(action: MessageAction, context: RenderContext): InlineKeyboardButton | null {
  const text = actionLabels[action.kind];
  switch (action.kind) {
    case 'sendReport':
      return { text, callback_data: reminderCallback.report(action.periodKey) };
    case 'nilReport':
      return { text, callback_data: reminderCallback.nil(action.periodKey) };
    case 'openPersonalLink':
      // Only a focal point with a personal link can open it.
      return context.personalLink ? { text, url: context.personalLink } : null;
  }
}

/** One button per row, in the order the message offers them. */
function keyboard(message: OutboundMessage, context: RenderContext): InlineKeyboardButton[][] {
  return message.actions.flatMap((a) => {
    const b = button(a, context);
    return b ? [[b]] : [];
  });
}

// Digests and summary notices quote people's results, whose links must not unfold into previews.
const NO_PREVIEW: ReadonlySet<OutboundMessage['topic']> = new Set(['digest', 'summary']);

/** The sendMessage bodies of a message, in order; its buttons go with the last one. */
export function renderTelegramMessage(message: OutboundMessage, context: RenderContext): SendMessageBody[] {
  const texts = splitSections(plainTextSections(message), TELEGRAM_TEXT_LIMIT);
  const rows = keyboard(message, context);
  return texts.map((text, i) => ({
    text,
    ...(i === texts.length - 1 && rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}),
    ...(NO_PREVIEW.has(message.topic) ? { link_preview_options: { is_disabled: true } } : {}),
  }));
}

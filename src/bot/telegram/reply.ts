// Sending helpers: every text fits Telegram's 4096-character limit, and a tapped message loses
// its buttons so old buttons do not linger.
import type { Context } from 'telegraf';
import type { InlineKeyboard } from './render-step.js';

/** Telegram's limit on one message's text, in UTF-16 code units. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Splits a text into parts within the limit, at line breaks where possible. */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const pieces = line.length <= limit ? [line] : (line.match(new RegExp(`[\\s\\S]{1,${limit}}`, 'g')) ?? ['']);
    for (const piece of pieces) {
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= limit) current = joined;
      else {
        parts.push(current);
        current = piece;
      }
    }
  }
  parts.push(current);
  return parts.filter((p) => p.trim() !== '');
}

/** Replies with the text in as many messages as needed; the buttons go with the last one. */
export async function reply(ctx: Context, text: string, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitText(text);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, last && keyboard && keyboard.inline_keyboard.length > 0 ? { reply_markup: keyboard } : {});
  }
}

/** Answers a button press (optionally with a short notice) and removes the tapped message's buttons. */
export async function acknowledgeTap(ctx: Context, notice?: string): Promise<void> {
  await ctx.answerCbQuery(notice);
  // Best effort: the message may be too old to edit, which must not stop the flow.
  await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
}

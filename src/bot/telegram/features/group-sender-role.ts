// Whether the sender of a group message is one of the group's administrators: only they may
// link the group to a bloc (docs/decisions/0077).
import type { Context } from 'telegraf';
import type { Logger } from '../../../logger.js';

/** 'channel': posted on behalf of a channel; 'unknown': Telegram could not be asked. */
export type GroupSenderRole = 'administrator' | 'not_administrator' | 'channel' | 'unknown';

export async function groupSenderRole(ctx: Context, logger: Logger): Promise<GroupSenderRole> {
  const chat = ctx.chat;
  const from = ctx.from;
  if (!chat || !from) return 'not_administrator';
  const senderChat = ctx.message && 'sender_chat' in ctx.message ? ctx.message.sender_chat : undefined;
  // Telegram shows an anonymous administrator's message as sent by the group itself; a message
  // sent as a channel (a member's own channel, or the linked channel's forward) is nobody's
  // administrator rights, and its `from` is Telegram's placeholder bot, not a person to look up.
  if (senderChat) return senderChat.id === chat.id ? 'administrator' : 'channel';
  try {
    const member = await ctx.telegram.getChatMember(chat.id, from.id);
    return member.status === 'creator' || member.status === 'administrator' ? 'administrator' : 'not_administrator';
  } catch (err) {
    logger.warn({ err, chatId: chat.id }, 'could not ask Telegram whether a group member is an administrator');
    return 'unknown';
  }
}

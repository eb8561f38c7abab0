import type { Context } from 'telegraf';
import type { ConversationKey } from '../../reporting/conversation.js';
import type { ActiveFocalPoint } from '../conversation/identity.js';

/** The active focal point the access gate attached to this update. */
export function activeOf(ctx: Context): ActiveFocalPoint {
  const sender = ctx.state.sender as ActiveFocalPoint | undefined;
  if (!sender) throw new Error('report handlers run only after the access gate');
  return sender;
}

/** The conversation this update belongs to. */
export function conversationKeyOf(ctx: Context): ConversationKey {
  return {
    chatId: String(ctx.chat!.id),
    accountId: String(ctx.from!.id),
    focalPointId: activeOf(ctx).focalPoint.id,
  };
}

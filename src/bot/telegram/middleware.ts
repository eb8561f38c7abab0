// Cross-cutting middleware: update de-duplication, the access gate for private chats, and the
// bot's own membership changes in groups.
import type { Context, MiddlewareFn } from 'telegraf';
import { writeAudit } from '../../db/audit-log.js';
import { deactivateBlocChat, findBlocChat } from '../../db/bloc-chats.js';
import { relinkBlockedAddress } from '../../db/contact-addresses.js';
import { claimUpdate, pruneProcessedUpdates } from '../../db/processed-updates.js';
import type { BotDeps } from './deps.js';
import { refusalOf, resolveSender } from '../conversation/identity.js';
import { reply } from './reply.js';

const PRUNE_EVERY = 1000;
export const PROCESSED_UPDATE_MEMORY_MS = 7 * 86_400_000;

/**
 * Processes each update at most once: a redelivered webhook or a replayed getUpdates does nothing.
 * At most once rather than at least once, because a reply that failed after the draft changed
 * must not apply the same input twice (docs/decisions/0011).
 */
export function dedupeUpdates(deps: BotDeps, botId: string): MiddlewareFn<Context> {
  let handled = 0;
  return async (ctx, next) => {
    const fresh = await claimUpdate(deps.db, botId, ctx.update.update_id, deps.now());
    if (!fresh) {
      deps.logger.info({ updateId: ctx.update.update_id }, 'duplicate Telegram update ignored');
      return;
    }
    handled += 1;
    if (handled % PRUNE_EVERY === 0) {
      await pruneProcessedUpdates(deps.db, new Date(deps.now().getTime() - PROCESSED_UPDATE_MEMORY_MS));
    }
    return next();
  };
}

/**
 * The bot removed from a group stops the bloc's digests going there. The link stays with its bloc
 * (only stopped, never moved) and the bloc's audit log says who removed the bot.
 */
export function trackMembership(deps: BotDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!ctx.myChatMember) return next();
    const status = ctx.myChatMember.new_chat_member.status;
    if (ctx.chat && ctx.chat.type !== 'private' && (status === 'left' || status === 'kicked')) {
      const chatId = String(ctx.chat.id);
      const at = deps.now();
      const actor = `telegram:${ctx.myChatMember.from.id}`;
      const stopped = await deps.db.transaction().execute(async (trx) => {
        const linked = await findBlocChat(trx, chatId);
        if (!linked?.active) return false;
        await deactivateBlocChat(trx, chatId);
        await writeAudit(trx, {
          at,
          actor,
          action: 'bloc_chat.bot_removed',
          entity: 'bloc_chat',
          entityId: linked.id,
          blocId: linked.blocId,
          details: { title: linked.title, telegramChatId: chatId },
        });
        return true;
      });
      if (stopped) deps.logger.info({ chatId: ctx.chat.id }, 'bot removed from a linked group; sending there stopped');
    }
  };
}

/**
 * A linked focal point writing in private undoes a block a delivery found (decision 0098): they are
 * reached at this chat again, first if it is first in their order. Writes only when it was blocked.
 */
export async function relinkIfBlocked(deps: Pick<BotDeps, 'db' | 'logger'>, chatId: number): Promise<void> {
  if (await relinkBlockedAddress(deps.db, 'telegram', String(chatId)))
    deps.logger.info({ chatId }, 'a focal point who had blocked the bot wrote again; their Telegram address is linked');
}

/** Only an active focal point of a member unit goes further; others get the reason. */
export function accessGate(deps: BotDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!ctx.from || !ctx.chat) return;
    const sender = await resolveSender(deps.db, String(ctx.from.id), deps.now(), deps.timeZone);
    const refusal = refusalOf(sender);
    if (refusal) {
      if (ctx.callbackQuery) await ctx.answerCbQuery();
      return reply(ctx, refusal);
    }
    if (ctx.chat.type === 'private') await relinkIfBlocked(deps, ctx.chat.id);
    ctx.state.sender = sender;
    return next();
  };
}

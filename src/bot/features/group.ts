// Group chats: a group invite (/start <code>, sent by Telegram after ?startgroup=<code>) links the
// group to its bloc for digests; other commands get a brief pointer to the private chat.
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import { formatDateTimeVi } from '../../core/time.js';
import { writeAudit } from '../../db/audit-log.js';
import { findBlocChat, linkBlocChat, moveBlocChat } from '../../db/bloc-chats.js';
import { getBloc } from '../../db/blocs.js';
import { findInvite, markInviteUsed } from '../../db/invites.js';
import type { BotDeps } from '../deps.js';
import { BUTTONS, M } from '../messages.js';
import { reply } from '../reply.js';
import { START_PAYLOAD } from './onboarding.js';

type GroupLinkOutcome =
  | { kind: 'linked'; blocName: string }
  | { kind: 'unknown' }
  | { kind: 'for_person' }
  | { kind: 'used' }
  | { kind: 'expired'; at: string };

function titleOf(ctx: Context): string {
  return ctx.chat && 'title' in ctx.chat ? ctx.chat.title : '';
}

export function groupFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();

  // A group upgraded to a supergroup changes its id; the bloc's link follows it.
  feature.on(message('migrate_to_chat_id'), async (ctx) => {
    await moveBlocChat(deps.db, String(ctx.chat.id), String(ctx.message.migrate_to_chat_id));
  });

  feature.start(async (ctx) => {
    const code = ctx.payload.trim();
    const chatId = String(ctx.chat.id);
    if (code === '') {
      const linked = await findBlocChat(deps.db, chatId);
      const bloc = linked?.active ? await getBloc(deps.db, linked.bloc_id) : undefined;
      return reply(ctx, bloc ? M.groupLinked(titleOf(ctx), bloc.name) : M.groupNotLinkedHint);
    }
    const now = deps.now();
    const userId = String(ctx.from.id);
    const outcome = await deps.db.transaction().execute(async (trx): Promise<GroupLinkOutcome> => {
      const invite = START_PAYLOAD.test(code) ? await findInvite(trx, code) : undefined;
      if (!invite) return { kind: 'unknown' };
      if (invite.kind !== 'group') return { kind: 'for_person' };
      const bloc = (await getBloc(trx, invite.bloc_id!))!;
      if (invite.used_at) {
        const linked = await findBlocChat(trx, chatId);
        return linked?.active && linked.bloc_id === bloc.id
          ? { kind: 'linked', blocName: bloc.name }
          : { kind: 'used' };
      }
      if (now.getTime() >= new Date(invite.expires_at).getTime()) return { kind: 'expired', at: invite.expires_at };
      if (!(await markInviteUsed(trx, invite.id, userId, now))) return { kind: 'used' };
      const chat = await linkBlocChat(trx, {
        blocId: bloc.id,
        telegramChatId: chatId,
        title: titleOf(ctx) || null,
        at: now,
      });
      await writeAudit(trx, {
        at: now,
        actor: `telegram:${userId}`,
        action: 'bloc_chat.link',
        entity: 'bloc_chat',
        entityId: chat.id,
        blocId: bloc.id,
        details: { inviteId: invite.id, title: chat.title },
      });
      return { kind: 'linked', blocName: bloc.name };
    });
    switch (outcome.kind) {
      case 'linked':
        return reply(ctx, M.groupLinked(titleOf(ctx), outcome.blocName));
      case 'unknown':
        return reply(ctx, M.inviteUnknown);
      case 'for_person':
        return reply(ctx, M.inviteForPerson);
      case 'used':
        return reply(ctx, M.inviteUsed);
      case 'expired':
        return reply(ctx, M.inviteExpired(formatDateTimeVi(new Date(outcome.at), deps.timeZone)));
    }
  });

  // Any other command addressed to the bot: a brief pointer to the private chat.
  feature.on(message('text'), async (ctx) => {
    const entity = ctx.message.entities?.[0];
    if (entity?.type !== 'bot_command' || entity.offset !== 0) return;
    const target = ctx.message.text.slice(0, entity.length).split('@')[1];
    if (target && target.toLowerCase() !== ctx.me.toLowerCase()) return;
    const url = `https://t.me/${ctx.me}`;
    await ctx.reply(M.groupBrief(ctx.me), {
      reply_markup: { inline_keyboard: [[{ text: BUTTONS.privateChat, url }]] },
    });
  });

  // Buttons are never drawn in groups; anything else there (photos, members joining) is not for
  // the bot, and must not reach the private-chat features behind this branch.
  feature.on('callback_query', (ctx) => ctx.answerCbQuery());
  feature.use(() => undefined);
  return feature;
}

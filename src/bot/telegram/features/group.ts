// Group chats: /start with a group invite's code links the group to its bloc for digests
// (group-link.ts), /start alone says which bloc the group is linked to, other commands get a brief
// pointer to the private chat.
import { Composer, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import { findBlocChat, moveBlocChat } from '../../../db/bloc-chats.js';
import { getBloc } from '../../../db/blocs.js';
import type { BotDeps } from '../deps.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import { reply } from '../reply.js';
import { linkGroupByCode } from './group-link.js';

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
    if (code !== '') return linkGroupByCode(ctx, deps, code);
    const linked = await findBlocChat(deps.db, String(ctx.chat.id));
    const bloc = linked?.active ? await getBloc(deps.db, linked.blocId) : undefined;
    return reply(ctx, bloc ? M.groupLinked(titleOf(ctx), bloc.name) : M.groupNotLinkedHint);
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

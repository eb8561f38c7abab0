// A group invite (/start <code>, which Telegram sends in the group after ?startgroup=<code>) links
// the group to the invite's bloc. Only a group administrator links; a group receiving another
// bloc's messages is never moved by a code; a code of the group's own bloc changes nothing
// (docs/decisions/0077).
import type { Context } from 'telegraf';
import { formatDateTimeVi } from '../../../core/time.js';
import { writeAudit } from '../../../db/audit-log.js';
import { type BlocChat, findBlocChat, linkBlocChat } from '../../../db/bloc-chats.js';
import { type Bloc, getBloc } from '../../../db/blocs.js';
import type { Db } from '../../../db/connection.js';
import { findInvite, type Invite, markInviteUsed } from '../../../db/invites.js';
import type { BotDeps } from '../deps.js';
import { M } from '../../conversation/messages.js';
import { reply } from '../reply.js';
import { groupSenderRole } from './group-sender-role.js';
import { START_PAYLOAD } from './onboarding.js';

type NoLink =
  | { kind: 'already_linked'; blocName: string }
  | { kind: 'linked_elsewhere'; blocName: string }
  | { kind: 'unknown' }
  | { kind: 'for_person' }
  | { kind: 'used' }
  | { kind: 'expired'; at: string };
type GroupLinkPlan = { kind: 'link'; invite: Invite; bloc: Bloc; previous: BlocChat | undefined } | NoLink;

/** What the code would do in this group, read only. */
async function planGroupLink(db: Db, code: string, chatId: string, now: Date): Promise<GroupLinkPlan> {
  const invite = START_PAYLOAD.test(code) ? await findInvite(db, code) : undefined;
  if (!invite) return { kind: 'unknown' };
  if (invite.kind !== 'group') return { kind: 'for_person' };
  const bloc = (await getBloc(db, invite.blocId!))!;
  const linked = await findBlocChat(db, chatId);
  // An active link decides before the code's own state: the group is its bloc's, whatever the code.
  if (linked?.active) {
    if (linked.blocId === bloc.id) return { kind: 'already_linked', blocName: bloc.name };
    return { kind: 'linked_elsewhere', blocName: (await getBloc(db, linked.blocId))!.name };
  }
  if (invite.usedAt) return { kind: 'used' };
  if (now.getTime() >= new Date(invite.expiresAt).getTime()) return { kind: 'expired', at: invite.expiresAt };
  return { kind: 'link', invite, bloc, previous: linked };
}

function titleOf(ctx: Context): string {
  return ctx.chat && 'title' in ctx.chat ? ctx.chat.title : '';
}

/** Handles /start <code> in a group: links it, or says in the group why nothing changed. */
export async function linkGroupByCode(ctx: Context, deps: BotDeps, code: string): Promise<void> {
  const chatId = String(ctx.chat!.id);
  const from = ctx.from!;
  const now = deps.now();
  const plan = await planGroupLink(deps.db, code, chatId, now);
  if (plan.kind !== 'link') return reply(ctx, answerFor(plan, ctx, deps.timeZone));

  // Asked of Telegram outside the transaction, so no write waits on the network.
  const role = await groupSenderRole(ctx, deps.logger);
  if (role === 'not_administrator') return reply(ctx, M.groupLinkNotAdmin);
  if (role === 'channel') return reply(ctx, M.groupLinkAsChannel);
  if (role === 'unknown') return reply(ctx, M.groupAdminCheckFailed);

  const outcome = await deps.db.transaction().execute(async (trx): Promise<NoLink | { kind: 'linked' }> => {
    // Planned again: another update may have linked the group or used the code meanwhile.
    const fresh = await planGroupLink(trx, code, chatId, now);
    if (fresh.kind !== 'link') return fresh;
    const { invite, bloc, previous } = fresh;
    if (!(await markInviteUsed(trx, invite.id, String(from.id), now))) return { kind: 'used' };
    const chat = await linkBlocChat(trx, {
      blocId: bloc.id,
      telegramChatId: chatId,
      title: titleOf(ctx) || null,
      at: now,
    });
    const movedFrom = previous && previous.blocId !== bloc.id ? previous.blocId : undefined;
    const anonymousAdmin = ctx.message !== undefined && 'sender_chat' in ctx.message;
    await writeAudit(trx, {
      at: now,
      actor: `telegram:${from.id}`,
      action: 'bloc_chat.link',
      entity: 'bloc_chat',
      entityId: chat.id,
      blocId: bloc.id,
      details: { inviteId: invite.id, title: chat.title, movedFromBlocId: movedFrom, anonymousAdmin },
    });
    // A stopped group re-linked by another bloc's code leaves its old bloc's list: say so there.
    if (movedFrom !== undefined) {
      await writeAudit(trx, {
        at: now,
        actor: `telegram:${from.id}`,
        action: 'bloc_chat.moved_away',
        entity: 'bloc_chat',
        entityId: chat.id,
        blocId: movedFrom,
        details: { toBlocId: bloc.id, title: chat.title },
      });
    }
    return { kind: 'linked' };
  });
  if (outcome.kind === 'linked') return reply(ctx, M.groupLinked(titleOf(ctx), plan.bloc.name));
  return reply(ctx, answerFor(outcome, ctx, deps.timeZone));
}

function answerFor(plan: NoLink, ctx: Context, timeZone: string): string {
  switch (plan.kind) {
    case 'already_linked':
      return M.groupAlreadyLinked(titleOf(ctx), plan.blocName);
    case 'linked_elsewhere':
      return M.groupLinkedElsewhere(plan.blocName);
    case 'unknown':
      return M.inviteUnknown;
    case 'for_person':
      return M.inviteForPerson;
    case 'used':
      return M.inviteUsed;
    case 'expired':
      return M.inviteExpired(formatDateTimeVi(new Date(plan.at), timeZone));
  }
}

// /start in a private chat: with an invite code from a deep link it links the Telegram account to
// the focal point; without one it greets a linked focal point or explains how to get linked.
import { Composer, type Context } from 'telegraf';
import { formatDateTimeVi } from '../../../core/time.js';
import { writeAudit } from '../../../db/audit-log.js';
import { findFocalPointByTelegramUser, getFocalPoint, linkTelegramAccount } from '../../../db/focal-points.js';
import { findInvite, markInviteUsed } from '../../../db/invites.js';
import { getUnit } from '../../../db/units.js';
import type { BotDeps } from '../deps.js';
import { refusalOf, resolveSender } from '../../conversation/identity.js';
import { M } from '../../conversation/messages.js';
import { reply } from '../reply.js';

/** Telegram's deep-link payload alphabet and length. */
export const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

type LinkOutcome =
  | { kind: 'linked' }
  | { kind: 'unknown' }
  | { kind: 'for_group' }
  | { kind: 'used' }
  | { kind: 'expired'; at: string }
  | { kind: 'focal_point_left' }
  | { kind: 'account_linked_elsewhere'; name: string; unitName: string };

export function onboardingFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.start(async (ctx) => {
    const code = ctx.payload.trim();
    const userId = String(ctx.from.id);
    if (code === '') {
      const sender = await resolveSender(deps.db, userId, deps.now(), deps.timeZone);
      return reply(ctx, sender.kind === 'active' ? M.welcomeBack(sender.focalPoint.full_name) : refusalOf(sender)!);
    }
    const now = deps.now();
    const outcome = await deps.db.transaction().execute(async (trx): Promise<LinkOutcome> => {
      const invite = START_PAYLOAD.test(code) ? await findInvite(trx, code) : undefined;
      if (!invite) return { kind: 'unknown' };
      if (invite.kind === 'group') return { kind: 'for_group' };
      // Opening one's own link again is not an error: it simply greets again.
      if (invite.used_at) return invite.used_by_telegram_id === userId ? { kind: 'linked' } : { kind: 'used' };
      if (now.getTime() >= new Date(invite.expires_at).getTime()) return { kind: 'expired', at: invite.expires_at };
      const focalPoint = await getFocalPoint(trx, invite.focal_point_id!);
      if (!focalPoint || focalPoint.status === 'left') return { kind: 'focal_point_left' };
      // An account serves one focal point: moving it would silently leave the other unit without
      // its focal point, so the admin records that one as left first (docs/decisions/0078).
      const current = await findFocalPointByTelegramUser(trx, userId);
      if (current && current.id !== focalPoint.id && current.status !== 'left') {
        const unit = await getUnit(trx, current.unit_id);
        return { kind: 'account_linked_elsewhere', name: current.full_name, unitName: unit?.name ?? '' };
      }
      if (!(await markInviteUsed(trx, invite.id, userId, now))) return { kind: 'used' };
      await linkTelegramAccount(trx, focalPoint.id, {
        userId,
        chatId: String(ctx.chat.id),
        username: ctx.from.username ?? null,
        at: now.toISOString(),
      });
      await writeAudit(trx, {
        at: now,
        actor: `telegram:${userId}`,
        action: 'focal_point.link_telegram',
        entity: 'focal_point',
        entityId: focalPoint.id,
        details: {
          inviteId: invite.id,
          username: ctx.from.username ?? null,
          // A new invite moves the focal point to a new account (a new phone): the old one is recorded.
          previousTelegramUserId:
            focalPoint.telegram_user_id && focalPoint.telegram_user_id !== userId
              ? focalPoint.telegram_user_id
              : undefined,
        },
      });
      return { kind: 'linked' };
    });
    switch (outcome.kind) {
      case 'linked': {
        const sender = await resolveSender(deps.db, userId, now, deps.timeZone);
        if (sender.kind !== 'active') return reply(ctx, refusalOf(sender)!);
        return reply(ctx, M.greeting(sender.focalPoint.full_name, sender.unit.name, sender.bloc.name));
      }
      case 'unknown':
        return reply(ctx, M.inviteUnknown);
      case 'for_group':
        return reply(ctx, M.inviteForGroup);
      case 'used':
        return reply(ctx, M.inviteUsed);
      case 'expired':
        return reply(ctx, M.inviteExpired(formatDateTimeVi(new Date(outcome.at), deps.timeZone)));
      case 'focal_point_left':
        return reply(ctx, M.inviteFocalPointLeft);
      case 'account_linked_elsewhere':
        return reply(ctx, M.inviteAccountLinkedElsewhere(outcome.name, outcome.unitName));
    }
  });
  return feature;
}

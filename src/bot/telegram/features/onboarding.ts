// /start in a private chat: with an invite code from a deep link it links the Telegram account to
// the focal point (the link-by-code use case); without one it greets a linked focal point or
// explains how to get linked.
import { Composer, type Context } from 'telegraf';
import { formatDateTimeVi } from '../../../core/time.js';
import { INVITE_CODE, linkByCode } from '../../../reporting/link-by-code.js';
import type { BotDeps } from '../deps.js';
import { refusalOf, resolveSender } from '../../conversation/identity.js';
import { M } from '../../conversation/messages.js';
import { relinkIfBlocked } from '../middleware.js';
import { reply } from '../reply.js';

/** Telegram's deep-link payload alphabet and length: an invite code's. */
export const START_PAYLOAD = INVITE_CODE;

export function onboardingFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.start(async (ctx) => {
    const code = ctx.payload.trim();
    const userId = String(ctx.from.id);
    if (code === '') {
      const sender = await resolveSender(deps.db, userId, deps.now(), deps.timeZone);
      // «Restart» after unblocking the bot sends /start: the address is linked again (decision 0098).
      if (sender.kind === 'active') await relinkIfBlocked(deps, ctx.chat.id);
      return reply(ctx, sender.kind === 'active' ? M.welcomeBack(sender.focalPoint.fullName) : refusalOf(sender)!);
    }
    const now = deps.now();
    const account = {
      channel: 'telegram' as const,
      userId,
      address: String(ctx.chat.id),
      username: ctx.from.username ?? null,
    };
    const outcome = await deps.db.transaction().execute((trx) => linkByCode(trx, account, code, now));
    switch (outcome.kind) {
      case 'linked': {
        const sender = await resolveSender(deps.db, userId, now, deps.timeZone);
        if (sender.kind !== 'active') return reply(ctx, refusalOf(sender)!);
        await relinkIfBlocked(deps, ctx.chat.id);
        return reply(ctx, M.greeting(sender.focalPoint.fullName, sender.unit.name, sender.bloc.name));
      }
      case 'unknown':
        return reply(ctx, M.inviteUnknown);
      case 'forGroup':
        return reply(ctx, M.inviteForGroup);
      case 'used':
        return reply(ctx, M.inviteUsed);
      case 'expired':
        return reply(ctx, M.inviteExpired(formatDateTimeVi(outcome.at, deps.timeZone)));
      case 'focalPointLeft':
        return reply(ctx, M.inviteFocalPointLeft);
      case 'accountLinkedElsewhere':
        return reply(ctx, M.inviteAccountLinkedElsewhere(outcome.name, outcome.unitName));
    }
  });
  return feature;
}

// Linking a person's messenger account to a focal point with a one-time invite code. One account
// serves one focal point (decision 0078): an account linked to another focal point who has not left
// is refused, and the code stays usable. Opening one's own used code again only greets. A Telegram
// account is kept on focal_point's telegram_* columns (mirrored into contact_address, decision
// 0090); an account on another messenger (Zalo) is an address on contact_address itself.
import { writeAudit } from '../db/audit-log.js';
import { focalPointIdAtAddress, linkChannelAddress, markInviteUsedOn } from '../db/channel-accounts.js';
import type { Db } from '../db/connection.js';
import { findFocalPointByTelegramUser, getFocalPoint, linkTelegramAccount } from '../db/focal-points.js';
import { findInvite, markInviteUsed } from '../db/invites.js';
import { getUnit } from '../db/units.js';

/** The shape of an invite code (newInviteCode), which is also Telegram's deep-link payload alphabet. */
export const INVITE_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** The account a person opened the code from. */
export interface Account {
  channel: 'telegram' | 'zalo';
  userId: string;
  /** Where replies reach them (their private chat). */
  address: string;
  username: string | null;
}

export type LinkOutcome =
  | { kind: 'linked'; focalPointId: number }
  | { kind: 'unknown' }
  | { kind: 'forGroup' }
  | { kind: 'used' }
  | { kind: 'expired'; at: Date }
  | { kind: 'focalPointLeft' }
  | { kind: 'accountLinkedElsewhere'; name: string; unitName: string };

export async function linkByCode(trx: Db, account: Account, code: string, now: Date): Promise<LinkOutcome> {
  const invite = INVITE_CODE.test(code) ? await findInvite(trx, code) : undefined;
  if (!invite) return { kind: 'unknown' };
  if (invite.kind === 'group') return { kind: 'forGroup' };
  const focalPointId = invite.focalPointId!;
  if (invite.usedAt) {
    const usedBy = invite.usedByChannel
      ? `${invite.usedByChannel}:${invite.usedByAccount}`
      : `telegram:${invite.usedByTelegramId}`;
    return usedBy === `${account.channel}:${account.userId}` ? { kind: 'linked', focalPointId } : { kind: 'used' };
  }
  if (now.getTime() >= new Date(invite.expiresAt).getTime()) return { kind: 'expired', at: new Date(invite.expiresAt) };
  const focalPoint = await getFocalPoint(trx, focalPointId);
  if (!focalPoint || focalPoint.status === 'left') return { kind: 'focalPointLeft' };
  // Moving the account would silently leave the other unit without its focal point, so the admin
  // records that one as left first.
  const current = await holderOf(trx, account);
  if (current && current.id !== focalPoint.id && current.status !== 'left') {
    const unit = await getUnit(trx, current.unitId);
    return { kind: 'accountLinkedElsewhere', name: current.fullName, unitName: unit?.name ?? '' };
  }
  if (account.channel !== 'telegram') {
    if (!(await markInviteUsedOn(trx, invite.id, account, now))) return { kind: 'used' };
    // A new account replaces the person's old one on the channel, where it stood in their order.
    await linkChannelAddress(trx, {
      focalPointId: focalPoint.id,
      channel: account.channel,
      address: account.address,
      detail: account.username,
      at: now,
    });
    await writeAudit(trx, {
      at: now,
      actor: `${account.channel}:${account.userId}`,
      action: `focal_point.link_${account.channel}`,
      entity: 'focal_point',
      entityId: focalPoint.id,
      details: { inviteId: invite.id, displayName: account.username },
    });
    return { kind: 'linked', focalPointId };
  }
  if (!(await markInviteUsed(trx, invite.id, account.userId, now))) return { kind: 'used' };
  await linkTelegramAccount(trx, focalPoint.id, {
    userId: account.userId,
    chatId: account.address,
    username: account.username,
    at: now.toISOString(),
  });
  await writeAudit(trx, {
    at: now,
    actor: `telegram:${account.userId}`,
    action: 'focal_point.link_telegram',
    entity: 'focal_point',
    entityId: focalPoint.id,
    details: {
      inviteId: invite.id,
      username: account.username,
      // A new invite moves the focal point to a new account (a new phone): the old one is recorded.
      previousTelegramUserId:
        focalPoint.telegramUserId && focalPoint.telegramUserId !== account.userId
          ? focalPoint.telegramUserId
          : undefined,
    },
  });
  return { kind: 'linked', focalPointId };
}

/** The focal point the account is linked to now, on its channel. */
async function holderOf(trx: Db, account: Account) {
  if (account.channel === 'telegram') return findFocalPointByTelegramUser(trx, account.userId);
  const id = await focalPointIdAtAddress(trx, account.channel, account.address);
  return id === undefined ? undefined : getFocalPoint(trx, id);
}

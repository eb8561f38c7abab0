import { randomBytes } from 'node:crypto';
import type { Db } from './connection.js';
import type { InviteRow } from './schema.js';

/** A single-use link that binds a Telegram account to a focal point, or a group to a bloc (decision 0092). */
export interface Invite {
  id: number;
  code: string;
  kind: 'focal_point' | 'group';
  /** The focal point a personal invite is for; null for a group invite. */
  focalPointId: number | null;
  /** The bloc a group invite is for; null for a personal invite. */
  blocId: number | null;
  createdBy: string;
  /** Instants are ISO strings as stored. */
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedByTelegramId: string | null;
  /** Who used it on a channel other than Telegram (migration 0011): the channel and the account there. */
  usedByChannel: string | null;
  usedByAccount: string | null;
}

export function toInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    focalPointId: row.focal_point_id,
    blocId: row.bloc_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    usedByTelegramId: row.used_by_telegram_id,
    usedByChannel: row.used_by_channel,
    usedByAccount: row.used_by_account,
  };
}

export const INVITE_TTL_DAYS = 14;

/** A fresh code: 'fp_' or 'gr_' and 32 URL-safe characters (well within Telegram's 64). */
export function newInviteCode(kind: 'focal_point' | 'group'): string {
  return `${kind === 'group' ? 'gr' : 'fp'}_${randomBytes(24).toString('base64url')}`;
}

/** Creates a single-use invite that expires after ttlDays. */
export async function createInvite(
  db: Db,
  i: {
    kind: 'focal_point' | 'group';
    focalPointId?: number;
    blocId?: number;
    createdBy: string;
    now: Date;
    ttlDays?: number;
  },
): Promise<Invite> {
  const expires = new Date(i.now.getTime() + (i.ttlDays ?? INVITE_TTL_DAYS) * 86_400_000);
  const row = await db
    .insertInto('invite')
    .values({
      code: newInviteCode(i.kind),
      kind: i.kind,
      focal_point_id: i.kind === 'focal_point' ? (i.focalPointId ?? null) : null,
      bloc_id: i.kind === 'group' ? (i.blocId ?? null) : null,
      created_by: i.createdBy,
      created_at: i.now.toISOString(),
      expires_at: expires.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInvite(row);
}

/**
 * Ends the focal point's unused invites, so only the newest link works (a leaked older one must
 * not link someone else); also when the person leaves. Returns how many were ended.
 */
export async function expireInvitesOf(db: Db, focalPointId: number, now: Date): Promise<number> {
  const r = await db
    .updateTable('invite')
    .set({ expires_at: now.toISOString() })
    .where('kind', '=', 'focal_point')
    .where('focal_point_id', '=', focalPointId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Ends one invite now (an admin revoked a group link that may have leaked). */
export async function expireInvite(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('invite').set({ expires_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function findInvite(db: Db, code: string): Promise<Invite | undefined> {
  const row = await db.selectFrom('invite').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toInvite(row);
}

/** Marks the invite used; returns false if it was already used (a race between two taps). */
export async function markInviteUsed(db: Db, id: number, telegramUserId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('invite')
    .set({ used_at: at.toISOString(), used_by_telegram_id: telegramUserId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The deep link a focal point (or a group, with startgroup) opens. */
export function inviteLink(botUsername: string, invite: Pick<Invite, 'code' | 'kind'>): string {
  const param = invite.kind === 'group' ? 'startgroup' : 'start';
  return `https://t.me/${botUsername}?${param}=${invite.code}`;
}

/**
 * The focal point this Telegram account was last linked to through an invite, even if the link
 * was removed since (a focal point who left): the bot can then say why it no longer answers.
 */
export async function lastFocalPointLinkedBy(db: Db, telegramUserId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('invite')
    .select('focal_point_id')
    .where('kind', '=', 'focal_point')
    .where('used_by_telegram_id', '=', telegramUserId)
    .orderBy('used_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.focal_point_id ?? undefined;
}

// Who is writing to the bot: an active focal point of a current member unit, or someone the bot
// must turn away with a clear reason.
import { focalPointIdAtAddress } from '../../db/channel-accounts.js';
import type { Db } from '../../db/connection.js';
import { findFocalPointByTelegramUser, type FocalPoint, getFocalPoint } from '../../db/focal-points.js';
import { lastFocalPointLinkedBy } from '../../db/invites.js';
import type { Bloc } from '../../db/blocs.js';
import type { Unit } from '../../db/units.js';
import { unitAndBlocOf } from '../../reporting/membership.js';
import { M } from './messages.js';

export interface ActiveFocalPoint {
  focalPoint: FocalPoint;
  unit: Unit;
  bloc: Bloc;
}

export type Sender =
  | ({ kind: 'active' } & ActiveFocalPoint)
  | { kind: 'not_linked' }
  | { kind: 'left'; name: string; unitName: string }
  | { kind: 'unit_not_member'; unitName: string };

/** Resolves a Telegram user to the focal point the bot serves, or the reason it cannot. */
export async function resolveSender(db: Db, telegramUserId: string, now: Date, timeZone: string): Promise<Sender> {
  let focalPoint = await findFocalPointByTelegramUser(db, telegramUserId);
  if (!focalPoint) {
    // Leaving unlinks the account, so look for the focal point this account was linked to.
    const lastId = await lastFocalPointLinkedBy(db, telegramUserId);
    const last = lastId === undefined ? undefined : await getFocalPoint(db, lastId);
    if (last?.status !== 'left') return { kind: 'not_linked' };
    focalPoint = last;
  }
  return senderOf(db, focalPoint, now, timeZone);
}

/** Resolves an address on a messenger other than Telegram (Zalo: the person's id) the same way. */
export async function resolveSenderAt(
  db: Db,
  channel: string,
  address: string,
  now: Date,
  timeZone: string,
): Promise<Sender> {
  const id = await focalPointIdAtAddress(db, channel, address);
  const focalPoint = id === undefined ? undefined : await getFocalPoint(db, id);
  return focalPoint ? senderOf(db, focalPoint, now, timeZone) : { kind: 'not_linked' };
}

async function senderOf(db: Db, focalPoint: FocalPoint, now: Date, timeZone: string): Promise<Sender> {
  const { unit, bloc } = await unitAndBlocOf(db, focalPoint, now, timeZone);
  if (!unit) return { kind: 'not_linked' };
  if (focalPoint.status === 'left') return { kind: 'left', name: focalPoint.fullName, unitName: unit.name };
  if (!bloc) return { kind: 'unit_not_member', unitName: unit.name };
  return { kind: 'active', focalPoint, unit, bloc };
}

/** Why the bot cannot serve this sender, in Vietnamese; null for an active focal point. */
export function refusalOf(sender: Sender): string | null {
  switch (sender.kind) {
    case 'active':
      return null;
    case 'not_linked':
      return M.notLinked;
    case 'left':
      return M.focalPointLeft(sender.name, sender.unitName);
    case 'unit_not_member':
      return M.unitNotMember(sender.unitName);
  }
}

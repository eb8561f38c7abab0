// Who a personal link belongs to: its focal point, their unit and the bloc the unit is a member of
// today. Everything the form reads or writes is scoped by this and nothing posted by the browser.
import type { Db } from '../db/connection.js';
import { findPersonalLinkByToken, type PersonalLink } from '../db/personal-links.js';
import type { Bloc } from '../db/blocs.js';
import type { Unit } from '../db/units.js';
import type { FocalPoint } from '../db/focal-points.js';
import { unitAndBlocOf } from '../reporting/membership.js';

/** The holder of a working link. */
export interface LinkHolder {
  link: PersonalLink;
  focalPoint: FocalPoint;
  unit: Unit;
  bloc: Bloc;
}

export type LinkAccess =
  | ({ kind: 'ok' } & LinkHolder)
  | { kind: 'unknown' }
  | { kind: 'revoked'; revokedAt: string }
  | { kind: 'left' };

/** Resolves a presented token to the holder it serves, or why it serves no one. */
export async function resolveLink(db: Db, token: string, now: Date, timeZone: string): Promise<LinkAccess> {
  const found = await findPersonalLinkByToken(db, token);
  if (found.kind !== 'ok') return found;
  const { unit, bloc } = await unitAndBlocOf(db, found.focalPoint, now, timeZone);
  if (!unit || !bloc) return { kind: 'left' };
  return { kind: 'ok', link: found.link, focalPoint: found.focalPoint, unit, bloc };
}

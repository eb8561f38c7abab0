// What the admin shows of a focal point's personal report link. The link is a credential (whoever
// holds it reports as the focal point), so only those who may edit the bloc's roster see it.

import type { Context } from 'hono';
import { personalLinkUrl } from '../../core/personal-link-token.js';
import type { Db } from '../../db/connection.js';
import { latestPersonalLinkOf } from '../../db/personal-link-admin.js';
import { type PersonalLink, tokenOfLink } from '../../db/personal-links.js';
import type { FocalPoint } from '../../db/focal-points.js';
import type { AdminEnv } from '../env.js';
import { inviteQrDataUrl } from './invite-qr.js';

export type PersonalLinkView =
  | { kind: 'hidden' }
  | { kind: 'left' }
  | { kind: 'none'; lastRevoked: PersonalLink | null }
  /** The link works but cannot be shown: the server's secret changed since it was issued. */
  | { kind: 'undisplayable'; link: PersonalLink }
  | { kind: 'shown'; link: PersonalLink; url: string; qr: string; guessedBase: boolean };

/**
 * The base of personal links: PUBLIC_URL, else the origin the admin was opened at (right on a
 * single server, wrong behind a proxy: the page says so).
 */
export function linkBase(c: Context<AdminEnv>): { base: string; guessed: boolean } {
  const configured = c.get('deps').publicUrl;
  return configured ? { base: configured, guessed: false } : { base: new URL(c.req.url).origin, guessed: true };
}

/** The address of a working link, or undefined when the secret no longer derives it. */
export function personalLinkAddress(c: Context<AdminEnv>, link: PersonalLink): string | undefined {
  const token = tokenOfLink(c.get('deps').personalLinkSecret, link);
  return token === undefined ? undefined : personalLinkUrl(linkBase(c).base, token);
}

export async function personalLinkView(
  c: Context<AdminEnv>,
  db: Db,
  fp: FocalPoint,
  canEdit: boolean,
): Promise<PersonalLinkView> {
  if (fp.status !== 'active') return { kind: 'left' };
  if (!canEdit) return { kind: 'hidden' };
  const latest = await latestPersonalLinkOf(db, fp.id);
  if (!latest || latest.revokedAt !== null) return { kind: 'none', lastRevoked: latest ?? null };
  const url = personalLinkAddress(c, latest);
  if (url === undefined) return { kind: 'undisplayable', link: latest };
  return { kind: 'shown', link: latest, url, qr: await inviteQrDataUrl(url), guessedBase: linkBase(c).guessed };
}

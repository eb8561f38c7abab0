// Personal report links of focal points (see src/core/personal-link-token.ts for the token scheme).
import { deriveLinkToken, hashLinkToken, isWellFormedLinkToken, newLinkNonce } from '../core/personal-link-token.js';
import type { Db } from './connection.js';
import { type FocalPoint, toFocalPoint } from './focal-points.js';
import type { PersonalLinkRow } from './schema.js';

/** A focal point's personal report link; the database keeps its token's hash only (decision 0092). */
export interface PersonalLink {
  id: number;
  focalPointId: number;
  tokenHash: string;
  /** What the token is derived from, with the secret (src/core/personal-link-token.ts). */
  nonce: string;
  /** Instants are ISO strings as stored. */
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

export function toPersonalLink(row: PersonalLinkRow): PersonalLink {
  return {
    id: row.id,
    focalPointId: row.focal_point_id,
    tokenHash: row.token_hash,
    nonce: row.nonce,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    lastUsedAt: row.last_used_at,
  };
}

/** Ends the focal point's working link, if any; true when one was ended. */
export async function revokePersonalLink(db: Db, focalPointId: number, by: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('personal_link')
    .set({ revoked_at: now.toISOString(), revoked_by: by })
    .where('focal_point_id', '=', focalPointId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Gives the focal point a new link, ending the one they had (a leaked or forwarded link stops
 * working at once). Call inside a transaction so the two changes go together.
 */
export async function issuePersonalLink(
  db: Db,
  input: { focalPointId: number; secret: string; by: string; now: Date },
): Promise<{ link: PersonalLink; token: string }> {
  await revokePersonalLink(db, input.focalPointId, input.by, input.now);
  const nonce = newLinkNonce();
  const token = deriveLinkToken(input.secret, nonce);
  const row = await db
    .insertInto('personal_link')
    .values({
      focal_point_id: input.focalPointId,
      token_hash: hashLinkToken(token),
      nonce,
      created_at: input.now.toISOString(),
      created_by: input.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { link: toPersonalLink(row), token };
}

/** The focal point's working link, if they have one. */
export async function activePersonalLinkOf(db: Db, focalPointId: number): Promise<PersonalLink | undefined> {
  const row = await db
    .selectFrom('personal_link')
    .selectAll()
    .where('focal_point_id', '=', focalPointId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toPersonalLink(row);
}

/** The token of a stored link, derived again from its nonce; undefined if the secret changed since. */
export function tokenOfLink(secret: string, link: Pick<PersonalLink, 'nonce' | 'tokenHash'>): string | undefined {
  const token = deriveLinkToken(secret, link.nonce);
  return hashLinkToken(token) === link.tokenHash ? token : undefined;
}

export type LinkLookup =
  | { kind: 'ok'; link: PersonalLink; focalPoint: FocalPoint }
  | { kind: 'unknown' }
  | { kind: 'revoked'; revokedAt: string }
  | { kind: 'left' };

/** Finds the link a presented token opens: only a working link of an active focal point opens anything. */
export async function findPersonalLinkByToken(db: Db, token: string): Promise<LinkLookup> {
  if (!isWellFormedLinkToken(token)) return { kind: 'unknown' };
  const link = await db
    .selectFrom('personal_link')
    .selectAll()
    .where('token_hash', '=', hashLinkToken(token))
    .executeTakeFirst();
  if (!link) return { kind: 'unknown' };
  if (link.revoked_at !== null) return { kind: 'revoked', revokedAt: link.revoked_at };
  const focalPoint = await db
    .selectFrom('focal_point')
    .selectAll()
    .where('id', '=', link.focal_point_id)
    .executeTakeFirst();
  if (!focalPoint || focalPoint.status !== 'active') return { kind: 'left' };
  return { kind: 'ok', link: toPersonalLink(link), focalPoint: toFocalPoint(focalPoint) };
}

/** Records that the link was used (shown to the admin as "last used"). */
export async function markPersonalLinkUsed(db: Db, linkId: number, now: Date): Promise<void> {
  await db.updateTable('personal_link').set({ last_used_at: now.toISOString() }).where('id', '=', linkId).execute();
}

/**
 * Issues a link to every active focal point that never had one (run at start and after seeding),
 * so each has a personal link without an admin's action. A link an admin revoked is not re-issued.
 */
export async function ensurePersonalLinks(db: Db, secret: string, now: Date): Promise<number> {
  const without = await db
    .selectFrom('focal_point as f')
    .select('f.id')
    .where('f.status', '=', 'active')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('personal_link as l').select('l.id').whereRef('l.focal_point_id', '=', 'f.id'))),
    )
    .execute();
  if (without.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const f of without) await issuePersonalLink(trx, { focalPointId: f.id, secret, by: 'system', now });
  });
  return without.length;
}

// What the admin pages read about personal report links, beside src/db/personal-links.ts (which
// issues, revokes and finds them).

import type { Db } from './connection.js';
import { type PersonalLink, toPersonalLink } from './personal-links.js';

/** The focal point's most recent link, working or not (the page says when the last one was revoked). */
export async function latestPersonalLinkOf(db: Db, focalPointId: number): Promise<PersonalLink | undefined> {
  const row = await db
    .selectFrom('personal_link')
    .selectAll()
    .where('focal_point_id', '=', focalPointId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && toPersonalLink(row);
}

/** The working links of several focal points, by focal point id. */
export async function activePersonalLinksOf(
  db: Db,
  focalPointIds: readonly number[],
): Promise<Map<number, PersonalLink>> {
  if (focalPointIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('personal_link')
    .selectAll()
    .where('focal_point_id', 'in', [...focalPointIds])
    .where('revoked_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.focal_point_id, toPersonalLink(r)]));
}

// The focal points who asked the bot for the weekly digest in private (migration 0013). A basic
// Zalo bot joins no group, so a Zalo user cannot read the digest in the bloc's Telegram group: they
// ask for it with /bantin and the digest job sends it to them as it does to the chair's focal
// points, at their preferred address (decision 0097).
import type { Db } from './connection.js';

/** Records that the focal point wants the digest; true if they had not asked before. */
export async function subscribeToDigest(db: Db, focalPointId: number, askedOn: string, at: Date): Promise<boolean> {
  const row = await db
    .insertInto('digest_subscription')
    .values({ focal_point_id: focalPointId, asked_on: askedOn, created_at: at.toISOString() })
    .onConflict((oc) => oc.column('focal_point_id').doNothing())
    .returning('focal_point_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends the focal point's request; true if there was one. */
export async function unsubscribeFromDigest(db: Db, focalPointId: number): Promise<boolean> {
  const r = await db.deleteFrom('digest_subscription').where('focal_point_id', '=', focalPointId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function isSubscribedToDigest(db: Db, focalPointId: number): Promise<boolean> {
  const row = await db
    .selectFrom('digest_subscription')
    .select('focal_point_id')
    .where('focal_point_id', '=', focalPointId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active focal points of the bloc's units in the year (a member at some time of it) who asked for the digest, by id. */
export async function digestSubscribersOfBloc(db: Db, blocId: number, year: number): Promise<number[]> {
  const rows = await db
    .selectFrom('digest_subscription as s')
    .innerJoin('focal_point as f', 'f.id', 's.focal_point_id')
    .select('f.id')
    .where('f.status', '=', 'active')
    .where('f.unit_id', 'in', (eb) =>
      eb
        .selectFrom('bloc_membership as m')
        .select('m.unit_id')
        .where('m.bloc_id', '=', blocId)
        .where('m.joined_on', '<=', `${year}-12-31`)
        .where((w) => w.or([w('m.left_on', 'is', null), w('m.left_on', '>=', `${year}-01-01`)])),
    )
    .orderBy('f.id')
    .execute();
  return rows.map((r) => r.id);
}

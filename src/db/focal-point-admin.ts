// Admin-only queries about focal points: who belongs to a bloc, their invites and last report.

import type { Db } from './connection.js';
import { type FocalPoint, toFocalPoint } from './focal-points.js';
import { type Invite, toInvite } from './invites.js';

// Lives with the other invite queries (the CLI uses it too); re-exported for the admin's imports.
export { expireInvitesOf } from './invites.js';

/** Focal points of every unit that ever belonged to the bloc, by unit then id. */
export async function listFocalPointsOfBloc(db: Db, blocId: number): Promise<FocalPoint[]> {
  const rows = await db
    .selectFrom('focal_point')
    .selectAll()
    .where('unit_id', 'in', db.selectFrom('bloc_membership').select('unit_id').where('bloc_id', '=', blocId))
    .orderBy('unit_id')
    .orderBy('id')
    .execute();
  return rows.map(toFocalPoint);
}

/** The focal point if its unit ever belonged to the bloc. */
export async function getFocalPointInBloc(db: Db, blocId: number, id: number): Promise<FocalPoint | undefined> {
  const row = await db
    .selectFrom('focal_point')
    .selectAll()
    .where('id', '=', id)
    .where('unit_id', 'in', db.selectFrom('bloc_membership').select('unit_id').where('bloc_id', '=', blocId))
    .executeTakeFirst();
  return row && toFocalPoint(row);
}

export interface LastReport {
  reportId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  updatedAt: string;
}

/** The latest report each focal point of the bloc submitted (by its last update). */
export async function lastReportByFocalPoint(db: Db, blocId: number): Promise<Map<number, LastReport>> {
  // SQLite returns the other columns of the row holding max(updated_at) in each group.
  const rows = await db
    .selectFrom('progress_report')
    .select((eb) => [
      eb.fn.max('updated_at').as('updated_at'),
      'id',
      'submitted_by_focal_point_id',
      'period_key',
      'period_start',
      'period_end',
    ])
    .where('bloc_id', '=', blocId)
    .where('submitted_by_focal_point_id', 'is not', null)
    .groupBy('submitted_by_focal_point_id')
    .execute();
  const out = new Map<number, LastReport>();
  for (const r of rows) {
    out.set(r.submitted_by_focal_point_id!, {
      reportId: r.id,
      periodKey: r.period_key,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

/** The focal point's newest invite still usable at `now`. */
export async function activeInviteOf(db: Db, focalPointId: number, now: Date): Promise<Invite | undefined> {
  const row = await db
    .selectFrom('invite')
    .selectAll()
    .where('kind', '=', 'focal_point')
    .where('focal_point_id', '=', focalPointId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && toInvite(row);
}

export async function updateFocalPoint(
  db: Db,
  id: number,
  f: {
    unitId: number;
    fullName: string;
    position: string | null;
    phone: string | null;
    role: 'focal_point' | 'unit_head';
  },
): Promise<void> {
  await db
    .updateTable('focal_point')
    .set({ unit_id: f.unitId, full_name: f.fullName, position: f.position, phone: f.phone, role: f.role })
    .where('id', '=', id)
    .execute();
}

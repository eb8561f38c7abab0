// Reading back one stored revision of a progress report: who sent it, and what it held (from the
// snapshot submitReport writes), e.g. to tell a focal point whose draft is now out of date.
import type { Db } from './connection.js';
import type { ReportRevisionRow, SubmittedVia } from './schema.js';

/** One stored version of a progress report (decision 0092). */
export interface ReportRevision {
  id: number;
  reportId: number;
  revision: number;
  /** What the revision held, as the JSON text submitReport wrote (read it with revisionContent). */
  snapshot: string;
  submittedByFocalPointId: number | null;
  /** The admin's (or system's) name when it was not a focal point. */
  submittedByAdmin: string | null;
  /** ISO instant. */
  submittedAt: string;
  submittedVia: SubmittedVia;
}

export function toReportRevision(row: ReportRevisionRow): ReportRevision {
  return {
    id: row.id,
    reportId: row.report_id,
    revision: row.revision,
    snapshot: row.snapshot,
    submittedByFocalPointId: row.submitted_by_focal_point_id,
    submittedByAdmin: row.submitted_by_admin,
    submittedAt: row.submitted_at,
    submittedVia: row.submitted_via,
  };
}

export interface RevisionAuthor {
  /** The focal point who sent it through the bot, if any. */
  focalPointId: number | null;
  focalPointName: string | null;
  /** The admin's (or system's) name when it was not a focal point. */
  admin: string | null;
  submittedAt: string;
}

/** Who stored revision `revision` of a report, and when. */
export async function revisionAuthor(db: Db, reportId: number, revision: number): Promise<RevisionAuthor | undefined> {
  const row = await db
    .selectFrom('report_revision as r')
    .leftJoin('focal_point as f', 'f.id', 'r.submitted_by_focal_point_id')
    .select(['r.submitted_by_focal_point_id', 'f.full_name', 'r.submitted_by_admin', 'r.submitted_at'])
    .where('r.report_id', '=', reportId)
    .where('r.revision', '=', revision)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    focalPointId: row.submitted_by_focal_point_id,
    focalPointName: row.full_name,
    admin: row.submitted_by_admin,
    submittedAt: row.submitted_at,
  };
}

export interface RevisionContent {
  values: { criterionId: number; value: number }[];
  texts: { notableResults: string | null; difficulties: string | null; proposals: string | null };
}

/** The figures and texts revision `revision` of a report held; undefined if it was never stored. */
export async function revisionContent(
  db: Db,
  reportId: number,
  revision: number,
): Promise<RevisionContent | undefined> {
  const row = await db
    .selectFrom('report_revision')
    .select('snapshot')
    .where('report_id', '=', reportId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (!row) return undefined;
  const s = JSON.parse(row.snapshot) as {
    values?: { criterionId: number; value: number }[];
    notableResults?: string | null;
    difficulties?: string | null;
    proposals?: string | null;
  };
  return {
    values: s.values ?? [],
    texts: {
      notableResults: s.notableResults ?? null,
      difficulties: s.difficulties ?? null,
      proposals: s.proposals ?? null,
    },
  };
}

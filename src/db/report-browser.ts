// The admin's reports browser: a bloc's reports filtered by unit, period and criterion, a page at a
// time. Figures (rates, totals) are not computed here: they come from figures.ts.

import { sql } from 'kysely';
import type { Db } from './connection.js';
import { type ReportRevision, toReportRevision } from './report-revisions.js';
import { type ProgressReport, toProgressReport } from './reports.js';
import { type ReportAttachment, toReportAttachment } from './web-uploads.js';

export interface ReportFilter {
  blocId: number;
  /** Reports of periods of this year (ISO-week year for weeks), by the period key's year. */
  year?: number;
  periodKey?: string;
  unitId?: number;
  /** Only reports with a value for this criterion; the value comes with each row. */
  criterionId?: number;
}

export interface ReportListRow {
  id: number;
  unitId: number;
  unitName: string;
  unitShortName: string | null;
  periodKind: 'week' | 'month';
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  isNil: boolean;
  firstSubmittedAt: string;
  updatedAt: string;
  revision: number;
  via: string;
  value: number | null;
}

function filtered(db: Db, f: ReportFilter) {
  let q = db.selectFrom('progress_report as r').where('r.bloc_id', '=', f.blocId);
  if (f.periodKey) q = q.where('r.period_key', '=', f.periodKey);
  else if (f.year) q = q.where('r.period_key', 'like', `${f.year}-%`);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.criterionId) {
    const criterionId = f.criterionId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('report_value as v')
          .select('v.report_id')
          .whereRef('v.report_id', '=', 'r.id')
          .where('v.criterion_id', '=', criterionId),
      ),
    );
  }
  return q;
}

/** One page of reports, newest period first, and how many match in all. */
export async function listReportsPage(
  db: Db,
  f: ReportFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ReportListRow[]; total: number }> {
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, f)
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.unit_id',
      'u.name as unit_name',
      'u.short_name as unit_short_name',
      'r.period_kind',
      'r.period_key',
      'r.period_start',
      'r.period_end',
      'r.is_nil',
      'r.first_submitted_at',
      'r.updated_at',
      'r.revision',
      'r.submitted_via',
    ])
    .select((eb) =>
      f.criterionId
        ? eb
            .selectFrom('report_value as v')
            .select('v.value')
            .whereRef('v.report_id', '=', 'r.id')
            .where('v.criterion_id', '=', f.criterionId)
            .as('value')
        : sql<number | null>`null`.as('value'),
    )
    .orderBy('r.period_start', 'desc')
    .orderBy('r.unit_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitShortName: r.unit_short_name,
      periodKind: r.period_kind,
      periodKey: r.period_key,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      isNil: r.is_nil === 1,
      firstSubmittedAt: r.first_submitted_at,
      updatedAt: r.updated_at,
      revision: r.revision,
      via: r.submitted_via,
      value: typeof r.value === 'number' ? r.value : null,
    })),
  };
}

/** The years (by period key) the bloc has reports for, newest first. */
export async function reportYears(db: Db, blocId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('progress_report')
    .select((eb) => eb.fn<string>('substr', ['period_key', eb.val(1), eb.val(4)]).as('y'))
    .distinct()
    .where('bloc_id', '=', blocId)
    .execute();
  return rows.map((r) => Number(r.y)).sort((a, b) => b - a);
}

/** A report with its unit's name and the name of the focal point who sent it (null if none did). */
export interface ReportOfBloc extends ProgressReport {
  unitName: string;
  focalPointName: string | null;
}

/** A report of the bloc with who sent it. */
export async function getReportOfBloc(db: Db, blocId: number, reportId: number): Promise<ReportOfBloc | undefined> {
  const row = await db
    .selectFrom('progress_report as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('focal_point as f', 'f.id', 'r.submitted_by_focal_point_id')
    .selectAll('r')
    .select(['u.name as unit_name', 'f.full_name as focal_point_name'])
    .where('r.bloc_id', '=', blocId)
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  return row && { ...toProgressReport(row), unitName: row.unit_name, focalPointName: row.focal_point_name };
}

/** A revision with the name of the focal point who sent it (null when an admin or the system did). */
export interface RevisionWithAuthor extends ReportRevision {
  focalPointName: string | null;
}

/** Each revision with the name of the focal point who sent it. */
export async function listRevisionsWithAuthors(db: Db, reportId: number): Promise<RevisionWithAuthor[]> {
  const rows = await db
    .selectFrom('report_revision as v')
    .leftJoin('focal_point as f', 'f.id', 'v.submitted_by_focal_point_id')
    .selectAll('v')
    .select('f.full_name as focal_point_name')
    .where('v.report_id', '=', reportId)
    .orderBy('v.revision', 'desc')
    .execute();
  return rows.map((r) => ({ ...toReportRevision(r), focalPointName: r.focal_point_name }));
}

/** An attachment of a report of the bloc; undefined if either is not the bloc's. */
export async function getAttachmentOfBloc(
  db: Db,
  blocId: number,
  reportId: number,
  attachmentId: number,
): Promise<ReportAttachment | undefined> {
  const row = await db
    .selectFrom('report_attachment as a')
    .innerJoin('progress_report as r', 'r.id', 'a.report_id')
    .selectAll('a')
    .where('r.bloc_id', '=', blocId)
    .where('r.id', '=', reportId)
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
  return row && toReportAttachment(row);
}

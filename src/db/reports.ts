import type { Db } from './connection.js';
import { type ReportRevision, toReportRevision } from './report-revisions.js';
import type { ProgressReportRow, ReportingCadence, SubmittedVia } from './schema.js';
import { type ReportAttachment, toReportAttachment } from './web-uploads.js';

/** A unit's report for one period, as the rest of the code sees it (decision 0092). */
export interface ProgressReport {
  id: number;
  blocId: number;
  unitId: number;
  periodKind: ReportingCadence;
  periodKey: string;
  /** 'YYYY-MM-DD'. */
  periodStart: string;
  /** 'YYYY-MM-DD'. */
  periodEnd: string;
  isNil: boolean;
  notableResults: string | null;
  difficulties: string | null;
  proposals: string | null;
  submittedByFocalPointId: number | null;
  submittedVia: SubmittedVia;
  /** Instant of the first revision (ISO string as stored): the on-time rule reads it. */
  firstSubmittedAt: string;
  updatedAt: string;
  revision: number;
  isDemo: boolean;
}

export function toProgressReport(row: ProgressReportRow): ProgressReport {
  return {
    id: row.id,
    blocId: row.bloc_id,
    unitId: row.unit_id,
    periodKind: row.period_kind,
    periodKey: row.period_key,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    isNil: row.is_nil === 1,
    notableResults: row.notable_results,
    difficulties: row.difficulties,
    proposals: row.proposals,
    submittedByFocalPointId: row.submitted_by_focal_point_id,
    submittedVia: row.submitted_via,
    firstSubmittedAt: row.first_submitted_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    isDemo: row.is_demo === 1,
  };
}

/** One figure of a report: its value for a criterion. */
export interface ReportValue {
  criterionId: number;
  value: number;
}

export interface ReportPeriodRef {
  kind: 'week' | 'month';
  key: string;
  start: string;
  end: string;
}

export interface ReportSubmission {
  blocId: number;
  unitId: number;
  period: ReportPeriodRef;
  isNil: boolean;
  values: { criterionId: number; value: number }[];
  notableResults: string | null;
  difficulties: string | null;
  proposals: string | null;
  attachments?: {
    kind: 'photo' | 'document';
    telegramFileId: string | null;
    telegramFileUniqueId?: string | null;
    fileName?: string | null;
    mimeType?: string | null;
    sizeBytes?: number | null;
    caption?: string | null;
  }[];
  submittedBy: { focalPointId: number } | { admin: string } | { system: string };
  via: SubmittedVia;
  at: Date;
  isDemo?: boolean;
}

export interface SubmitResult {
  reportId: number;
  revision: number;
  created: boolean;
  /** When the report's first revision was submitted (ISO): the on-time rule and receipts read it. */
  firstSubmittedAt: string;
}

/**
 * Stores a report for (bloc, unit, period), or a new revision of it. Every version is kept in
 * report_revision. Must run inside a transaction so the values, the revision and the report change
 * together.
 */
export async function submitReport(trx: Db, s: ReportSubmission): Promise<SubmitResult> {
  const at = s.at.toISOString();
  const focalPointId = 'focalPointId' in s.submittedBy ? s.submittedBy.focalPointId : null;
  const admin =
    'admin' in s.submittedBy ? s.submittedBy.admin : 'system' in s.submittedBy ? s.submittedBy.system : null;
  const existing = await trx
    .selectFrom('progress_report')
    .select(['id', 'revision', 'first_submitted_at'])
    .where('bloc_id', '=', s.blocId)
    .where('unit_id', '=', s.unitId)
    .where('period_key', '=', s.period.key)
    .executeTakeFirst();

  const fields = {
    is_nil: s.isNil ? (1 as const) : (0 as const),
    notable_results: s.notableResults,
    difficulties: s.difficulties,
    proposals: s.proposals,
    submitted_by_focal_point_id: focalPointId,
    submitted_via: s.via,
    updated_at: at,
  };

  let reportId: number;
  let revision: number;
  if (existing) {
    reportId = existing.id;
    revision = existing.revision + 1;
    await trx
      .updateTable('progress_report')
      .set({ ...fields, revision })
      .where('id', '=', reportId)
      .execute();
    await trx.deleteFrom('report_value').where('report_id', '=', reportId).execute();
  } else {
    revision = 1;
    const row = await trx
      .insertInto('progress_report')
      .values({
        ...fields,
        bloc_id: s.blocId,
        unit_id: s.unitId,
        period_kind: s.period.kind,
        period_key: s.period.key,
        period_start: s.period.start,
        period_end: s.period.end,
        first_submitted_at: at,
        revision,
        is_demo: s.isDemo ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    reportId = row.id;
  }

  const values = s.isNil ? [] : s.values;
  if (values.length > 0) {
    await trx
      .insertInto('report_value')
      .values(values.map((v) => ({ report_id: reportId, criterion_id: v.criterionId, value: v.value })))
      .execute();
  }
  for (const a of s.attachments ?? []) {
    await trx
      .insertInto('report_attachment')
      .values({
        report_id: reportId,
        kind: a.kind,
        telegram_file_id: a.telegramFileId,
        telegram_file_unique_id: a.telegramFileUniqueId ?? null,
        file_name: a.fileName ?? null,
        mime_type: a.mimeType ?? null,
        size_bytes: a.sizeBytes ?? null,
        caption: a.caption ?? null,
        added_in_revision: revision,
        created_at: at,
      })
      .execute();
  }
  await trx
    .insertInto('report_revision')
    .values({
      report_id: reportId,
      revision,
      snapshot: JSON.stringify({
        isNil: s.isNil,
        values,
        notableResults: s.notableResults,
        difficulties: s.difficulties,
        proposals: s.proposals,
        attachments: (s.attachments ?? []).length,
      }),
      submitted_by_focal_point_id: focalPointId,
      submitted_by_admin: admin,
      submitted_at: at,
      submitted_via: s.via,
    })
    .execute();
  return { reportId, revision, created: !existing, firstSubmittedAt: existing?.first_submitted_at ?? at };
}

export async function getReport(
  db: Db,
  blocId: number,
  unitId: number,
  periodKey: string,
): Promise<ProgressReport | undefined> {
  const row = await db
    .selectFrom('progress_report')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('unit_id', '=', unitId)
    .where('period_key', '=', periodKey)
    .executeTakeFirst();
  return row && toProgressReport(row);
}

export async function getReportValues(db: Db, reportId: number): Promise<ReportValue[]> {
  const rows = await db
    .selectFrom('report_value')
    .select(['criterion_id', 'value'])
    .where('report_id', '=', reportId)
    .execute();
  return rows.map((r) => ({ criterionId: r.criterion_id, value: r.value }));
}

export async function listRevisions(db: Db, reportId: number): Promise<ReportRevision[]> {
  const rows = await db
    .selectFrom('report_revision')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('revision')
    .execute();
  return rows.map(toReportRevision);
}

export async function listAttachments(db: Db, reportId: number): Promise<ReportAttachment[]> {
  const rows = await db
    .selectFrom('report_attachment')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map(toReportAttachment);
}

/** The reports of one period of a bloc. */
export async function listReportsForPeriod(db: Db, blocId: number, periodKey: string): Promise<ProgressReport[]> {
  const rows = await db
    .selectFrom('progress_report')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('period_key', '=', periodKey)
    .orderBy('unit_id')
    .execute();
  return rows.map(toProgressReport);
}

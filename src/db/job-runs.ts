import type { Db } from './connection.js';
import type { JobRunRow } from './schema.js';

export interface JobRunKey {
  job: string;
  scope: string;
  /** The slot the run is for: a period key or a local minute such as '2026-12-01T08:00'. */
  slot: string;
}

/** A ledger entry: one run (or the latest attempt) of a job for a scope and slot (decision 0092). */
export interface JobRun extends JobRunKey {
  id: number;
  status: 'running' | 'succeeded' | 'failed';
  /** ISO instants. */
  startedAt: string;
  finishedAt: string | null;
  /** The run's JSON summary (or a failure's error and attempts) as stored, or null. */
  detail: string | null;
}

export function toJobRun(row: JobRunRow): JobRun {
  return {
    id: row.id,
    job: row.job,
    scope: row.scope,
    slot: row.period_key,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    detail: row.detail,
  };
}

export async function getJobRun(db: Db, k: JobRunKey): Promise<JobRun | undefined> {
  const row = await db
    .selectFrom('job_run')
    .selectAll()
    .where('job', '=', k.job)
    .where('scope', '=', k.scope)
    .where('period_key', '=', k.slot)
    .executeTakeFirst();
  return row && toJobRun(row);
}

/**
 * Takes the ledger entry for a slot: true when this caller may run it (no entry yet, or an
 * earlier failed attempt, or `force`). Call first in the run's transaction: being a write, it
 * takes SQLite's write lock, so two processes cannot run the same slot at once.
 */
export async function beginJobRun(db: Db, k: JobRunKey & { at: Date; force?: boolean }): Promise<boolean> {
  const at = k.at.toISOString();
  const result = await db
    .insertInto('job_run')
    .values({ job: k.job, scope: k.scope, period_key: k.slot, status: 'running', started_at: at })
    .onConflict((oc) => {
      const update = oc
        .columns(['job', 'scope', 'period_key'])
        .doUpdateSet({ status: 'running', started_at: at, finished_at: null, detail: null });
      return k.force ? update : update.where('job_run.status', '<>', 'succeeded');
    })
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Marks the slot done, with a JSON summary of what the run did. */
export async function finishJobRun(db: Db, k: JobRunKey & { at: Date; detail: unknown }): Promise<void> {
  await db
    .updateTable('job_run')
    .set({ status: 'succeeded', finished_at: k.at.toISOString(), detail: JSON.stringify(k.detail) })
    .where('job', '=', k.job)
    .where('scope', '=', k.scope)
    .where('period_key', '=', k.slot)
    .execute();
}

/**
 * Records a failed attempt (outside the rolled-back run), counting attempts in the detail so the
 * scheduler's retries can stop; the slot stays open for a retry.
 */
export async function recordJobFailure(
  db: Db,
  k: JobRunKey & { startedAt: Date; at: Date; error: string; attempts: number },
): Promise<void> {
  const detail = JSON.stringify({ error: k.error, attempts: k.attempts });
  await db
    .insertInto('job_run')
    .values({
      job: k.job,
      scope: k.scope,
      period_key: k.slot,
      status: 'failed',
      started_at: k.startedAt.toISOString(),
      finished_at: k.at.toISOString(),
      detail,
    })
    .onConflict((oc) =>
      oc
        .columns(['job', 'scope', 'period_key'])
        .doUpdateSet({
          status: 'failed',
          started_at: k.startedAt.toISOString(),
          finished_at: k.at.toISOString(),
          detail,
        })
        .where('job_run.status', '<>', 'succeeded'),
    )
    .execute();
}

/** Slots of a job and scope that already succeeded, among the given ones. */
export async function succeededSlots(
  db: Db,
  job: string,
  scope: string,
  slots: readonly string[],
): Promise<Set<string>> {
  if (slots.length === 0) return new Set();
  const rows = await db
    .selectFrom('job_run')
    .select('period_key')
    .where('job', '=', job)
    .where('scope', '=', scope)
    .where('status', '=', 'succeeded')
    .where('period_key', 'in', [...slots])
    .execute();
  return new Set(rows.map((r) => r.period_key));
}

/** Failed ledger entries whose last attempt ended after `since`, oldest first: the retry candidates. */
export async function failedJobRunsSince(db: Db, since: Date): Promise<JobRun[]> {
  const rows = await db
    .selectFrom('job_run')
    .selectAll()
    .where('status', '=', 'failed')
    .where('finished_at', '>', since.toISOString())
    .orderBy('id')
    .execute();
  return rows.map(toJobRun);
}

/** The latest runs, newest first, optionally of one job. */
export async function listJobRuns(db: Db, opts: { job?: string; limit?: number } = {}): Promise<JobRun[]> {
  const rows = await db
    .selectFrom('job_run')
    .selectAll()
    .$if(opts.job !== undefined, (qb) => qb.where('job', '=', opts.job!))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 20)
    .execute();
  return rows.map(toJobRun);
}

// Read-only facts for the operator's endpoints (/readyz, /metrics): counts and ages over the outbox,
// the job ledger and the reports, each one query.
import { sql } from 'kysely';
import type { Db } from './connection.js';

/** Outbox rows by status and, for failed rows, by failure reason (null for the others). */
export async function outboxCounts(db: Db): Promise<{ status: string; reason: string | null; n: number }[]> {
  const rows = await db
    .selectFrom('outbox_message')
    .select(['status', 'failure_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['status', 'failure_reason'])
    .execute();
  return rows.map((r) => ({
    status: r.status,
    reason: r.status === 'failed' ? (r.failure_reason ?? 'unknown') : null,
    n: Number(r.n),
  }));
}

/**
 * Messages not yet accepted by Telegram whose own moment (available_at) came at or before `dueBy`,
 * whatever they are doing: queued, waiting for a retry, held behind another message of their chat,
 * or in flight. Their number and the oldest such moment.
 */
export async function overdueUnsent(db: Db, dueBy: Date): Promise<{ count: number; oldestDueAt: Date | null }> {
  const row = await db
    .selectFrom('outbox_message')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('available_at').as('at')])
    .where('status', 'in', ['queued', 'sending'])
    .where('available_at', '<=', dueBy.toISOString())
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldestDueAt: row?.at ? new Date(row.at) : null };
}

/** Rows 'sending' since before `claimedBefore`: the worker neither recorded nor requeued them. */
export async function staleSendingCount(db: Db, claimedBefore: Date): Promise<number> {
  const row = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sending')
    .where('claimed_at', '<=', claimedBefore.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Job ledger entries by job and status. */
export async function jobRunCounts(db: Db): Promise<{ job: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('job_run')
    .select(['job', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['job', 'status'])
    .execute();
  return rows.map((r) => ({ job: r.job, status: r.status, n: Number(r.n) }));
}

/** Report revisions received (every submission and resubmission), by the channel they came through. */
export async function reportRevisionsByChannel(db: Db): Promise<{ channel: string; n: number }[]> {
  const rows = await db
    .selectFrom('report_revision')
    .select(['submitted_via', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('submitted_via')
    .execute();
  return rows.map((r) => ({ channel: r.submitted_via, n: Number(r.n) }));
}

/**
 * Whether the database takes a write now: a write that changes nothing, inside a transaction that
 * is rolled back. A read-only file, a full disk or a lock held past the busy timeout all throw.
 */
export async function probeWritable(db: Db): Promise<void> {
  const rollback = new Error('rollback');
  try {
    await db.transaction().execute(async (trx) => {
      await sql`delete from job_run where 0`.execute(trx);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
}

/** The newest finished ledger entry of each job and status, with its start and end. */
export async function latestFinishedJobRuns(
  db: Db,
): Promise<{ job: string; status: string; startedAt: string; finishedAt: string }[]> {
  const rows = await sql<{ job: string; status: string; started_at: string; finished_at: string }>`
    select j.job, j.status, j.started_at, j.finished_at from job_run j
    where j.finished_at is not null
      and j.id = (select k.id from job_run k where k.job = j.job and k.status = j.status and k.finished_at is not null
                  order by k.finished_at desc, k.id desc limit 1)`.execute(db);
  return rows.rows.map((r) => ({ job: r.job, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at }));
}

// One run of a job for one scope and slot, recorded in the job-run ledger. With the default
// 'wrap' mode the ledger entry and everything the job writes (its outbox rows) commit together:
// either the slot is done and its messages are queued, or neither happened and it runs again.

import { performance } from 'node:perf_hooks';
import { beginJobRun, finishJobRun, getJobRun, recordJobFailure } from '../db/job-runs.js';
import type { Job, JobDeps, JobOutcome, JobScope } from './job.js';
import { failedAttempts } from './retry-policy.js';

export type SlotRunResult =
  | { status: 'succeeded'; outcome: JobOutcome }
  | { status: 'skipped'; reason: 'already_done' }
  | { status: 'failed'; error: string };

/** Runs the job for the slot unless the ledger says it already ran (or `force`). Never throws. */
export async function runJobSlot(
  deps: JobDeps,
  job: Job,
  scope: JobScope,
  slot: string,
  now: Date,
  opts: { force?: boolean } = {},
): Promise<SlotRunResult> {
  const key = { job: job.name, scope: scope.key, slot };
  // `now` is the moment the run is for (injected, also in tests and `job run --now`); its finish is
  // that moment plus the time the run really took, so the ledger and /metrics show true durations.
  const startedMs = performance.now();
  const finishedAt = () => new Date(now.getTime() + Math.round(performance.now() - startedMs));
  // Failures so far, read before the run: an 'own' run's ledger entry is overwritten when it starts.
  let earlierFailures = 0;
  try {
    const earlier = await getJobRun(deps.db, key);
    if (!opts.force && earlier?.status === 'succeeded') {
      return { status: 'skipped', reason: 'already_done' };
    }
    if (earlier?.status === 'failed') earlierFailures = failedAttempts(earlier.detail);
    let outcome: JobOutcome | null;
    if ((job.transaction ?? 'wrap') === 'wrap') {
      outcome = await deps.db.transaction().execute(async (trx) => {
        // First statement of the transaction and a write: takes SQLite's write lock at once.
        if (!(await beginJobRun(trx, { ...key, at: now, force: opts.force }))) return null;
        const result = await job.run({ ...deps, db: trx }, now, scope, slot);
        await finishJobRun(trx, { ...key, at: finishedAt(), detail: result });
        return result;
      });
    } else {
      if (!(await beginJobRun(deps.db, { ...key, at: now, force: opts.force })))
        return { status: 'skipped', reason: 'already_done' };
      outcome = await job.run(deps, now, scope, slot);
      await finishJobRun(deps.db, { ...key, at: finishedAt(), detail: outcome });
    }
    if (outcome === null) return { status: 'skipped', reason: 'already_done' };
    deps.logger.info({ job: job.name, scope: scope.key, slot, outcome }, 'job run succeeded');
    return { status: 'succeeded', outcome };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.error({ err: error, job: job.name, scope: scope.key, slot }, 'job run failed');
    try {
      await recordJobFailure(deps.db, {
        ...key,
        startedAt: now,
        at: finishedAt(),
        error: message,
        attempts: earlierFailures + 1,
      });
    } catch (ledgerError) {
      deps.logger.error({ err: ledgerError, job: job.name }, 'could not record the failed job run');
    }
    return { status: 'failed', error: message };
  }
}

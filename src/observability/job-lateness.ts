// "A job that has not run when it should have": for each job and scope, the newest fire time of its
// schedule within the look-back window, older than a grace period, whose ledger slot has not
// succeeded. The scheduler runs every fire time within a minute, and catches up at start the ones
// missed while down, so such a slot means the scheduler stalled, the job keeps failing, or the
// process was down longer than the catch-up window (docs/decisions/0066).

import { getJobRun, listJobRuns } from '../db/job-runs.js';
import { cronFireTimes } from '../core/cron-times.js';
import { type Job, type JobDeps, type JobScope, scheduleOf } from '../jobs/job.js';

/** How long after its fire time a slot may still be running or waiting for its tick. */
export const JOB_GRACE_MS = 10 * 60_000;

export interface LateSlot {
  scope: string;
  slot: string;
  dueAt: string;
  /** The ledger's status of the slot: 'failed' or 'running', or 'missing' when it never started. */
  status: string;
}

export interface JobReadiness {
  name: string;
  ok: boolean;
  /** The newest ledger entry of the job, whatever its slot. */
  lastRun: { scope: string; slot: string; status: string; startedAt: string; finishedAt: string | null } | null;
  late: LateSlot[];
  /** Set when the job's scopes could not be listed (e.g. the database failed). */
  error?: string;
}

/** When a per-bloc scope's bloc was created: fire times before it were never due for it. */
function createdAtOf(scope: JobScope): Date | null {
  const created = (scope as JobScope & { bloc?: { createdAt?: unknown } }).bloc?.createdAt;
  const t = typeof created === 'string' ? Date.parse(created) : Number.NaN;
  return Number.isNaN(t) ? null : new Date(t);
}

const laterOf = (a: Date, b: Date | null) => (b && b.getTime() > a.getTime() ? b : a);

/** Checks every job's newest due slot in (now - lookBackHours, now - grace]. */
export async function checkJobs(
  deps: JobDeps,
  jobs: readonly Job[],
  now: Date,
  lookBackHours: number,
): Promise<JobReadiness[]> {
  const from = new Date(now.getTime() - lookBackHours * 3_600_000);
  const to = new Date(now.getTime() - JOB_GRACE_MS);
  const out: JobReadiness[] = [];
  for (const job of jobs) {
    const [last] = await listJobRuns(deps.db, { job: job.name, limit: 1 });
    const lastRun = last
      ? {
          scope: last.scope,
          slot: last.slot,
          status: last.status,
          startedAt: last.startedAt,
          finishedAt: last.finishedAt,
        }
      : null;
    const late: LateSlot[] = [];
    let error: string | undefined;
    try {
      for (const scope of await job.scopes(deps, now)) {
        const fire = cronFireTimes(scheduleOf(job, scope), laterOf(from, createdAtOf(scope)), to, deps.timeZone).at(-1);
        if (!fire) continue;
        const slot = job.slotOf(fire, scope, deps.timeZone);
        const run = await getJobRun(deps.db, { job: job.name, scope: scope.key, slot });
        // A running slot is late only once its grace has passed since it started too.
        if (run?.status === 'succeeded') continue;
        if (run?.status === 'running' && now.getTime() - Date.parse(run.startedAt) < JOB_GRACE_MS) continue;
        late.push({ scope: scope.key, slot, dueAt: fire.toISOString(), status: run?.status ?? 'missing' });
      }
    } catch (e) {
      error = (e as Error).message;
    }
    out.push({
      name: job.name,
      ok: late.length === 0 && error === undefined,
      lastRun,
      late,
      ...(error ? { error } : {}),
    });
  }
  return out;
}

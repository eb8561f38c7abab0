// Finds the slots due in a window and runs them through the ledger, one at a time: the scheduler's
// ticks, its catch-up at start and a run by hand never overlap inside the process (across
// processes, the ledger entry taken in the run's transaction keeps a slot from running twice).
// Slots that failed are tried again on later ticks, with a backoff (see retry-policy.ts).

import { failedJobRunsSince, succeededSlots } from '../db/job-runs.js';
import { cronFireTimes } from '../core/cron-times.js';
import { type Job, type JobDeps, type JobScope, scheduleOf } from './job.js';
import { failedAttempts, retryIsDue } from './retry-policy.js';
import { runJobSlot, type SlotRunResult } from './run-job.js';

export interface SlotReport {
  job: string;
  scope: string;
  slot: string;
  result: SlotRunResult;
}

export interface JobRunner {
  /** Runs every job slot whose fire time is in (from, to], as of `now`. */
  runDue(from: Date, to: Date, now: Date): Promise<SlotReport[]>;
  /**
   * Runs again the failed slots whose fire time is in (now - windowHours, now] and whose backoff
   * has passed (for 'latest' jobs, only while the slot is still the newest one).
   */
  retryFailed(now: Date, windowHours: number): Promise<SlotReport[]>;
  /** Runs one job by hand at `now` for all its scopes or one bloc's. */
  runByHand(job: Job, opts: { now: Date; blocId?: number; force?: boolean }): Promise<SlotReport[]>;
  /** Resolves when nothing is running. */
  idle(): Promise<void>;
}

export class UnknownScopeError extends Error {}

export function createJobRunner(deps: JobDeps, jobs: readonly Job[]): JobRunner {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function scopesOf(job: Job, now: Date): Promise<JobScope[] | null> {
    try {
      return await job.scopes(deps, now);
    } catch (error) {
      deps.logger.error({ err: error, job: job.name }, 'could not list the job scopes');
      return null;
    }
  }

  /** The slots fired in (from, to], oldest first; for 'latest' jobs only the newest, which looks at the state as of now. */
  function firedSlots(job: Job, scope: JobScope, from: Date, to: Date): string[] {
    let fires: Date[];
    try {
      fires = cronFireTimes(scheduleOf(job, scope), from, to, deps.timeZone);
    } catch (error) {
      deps.logger.error({ err: error, job: job.name, scope: scope.key }, 'bad job schedule');
      return [];
    }
    const slots = [...new Set(fires.map((f) => job.slotOf(f, scope, deps.timeZone)))];
    if (slots.length === 0) return [];
    return job.catchUp === 'latest' ? [slots.at(-1)!] : slots;
  }

  async function dueSlots(job: Job, scope: JobScope, from: Date, to: Date): Promise<string[]> {
    const slots = firedSlots(job, scope, from, to);
    if (slots.length === 0 || job.catchUp === 'latest') return slots;
    const done = await succeededSlots(deps.db, job.name, scope.key, slots);
    return slots.filter((s) => !done.has(s));
  }

  return {
    runDue: (from, to, now) =>
      serial(async () => {
        const reports: SlotReport[] = [];
        for (const job of jobs) {
          for (const scope of (await scopesOf(job, now)) ?? []) {
            for (const slot of await dueSlots(job, scope, from, to)) {
              const result = await runJobSlot(deps, job, scope, slot, now);
              reports.push({ job: job.name, scope: scope.key, slot, result });
            }
          }
        }
        return reports;
      }),
    retryFailed: (now, windowHours) =>
      serial(async () => {
        const from = new Date(now.getTime() - windowHours * 3_600_000);
        // One cheap query per tick; fire times are computed only when something failed.
        const failed = (await failedJobRunsSince(deps.db, from)).filter((r) =>
          // From the moment the last attempt was made for (a row keeps its latest attempt's start).
          retryIsDue(failedAttempts(r.detail), new Date(r.startedAt), now),
        );
        const reports: SlotReport[] = [];
        for (const job of jobs) {
          const ofJob = failed.filter((r) => r.job === job.name);
          if (ofJob.length === 0) continue;
          for (const scope of (await scopesOf(job, now)) ?? []) {
            const waiting = new Set(ofJob.filter((r) => r.scope === scope.key).map((r) => r.slot));
            if (waiting.size === 0) continue;
            for (const slot of firedSlots(job, scope, from, now).filter((s) => waiting.has(s))) {
              const result = await runJobSlot(deps, job, scope, slot, now);
              reports.push({ job: job.name, scope: scope.key, slot, result });
            }
          }
        }
        return reports;
      }),
    runByHand: (job, opts) =>
      serial(async () => {
        const all = await job.scopes(deps, opts.now);
        const scopes = opts.blocId === undefined ? all : all.filter((s) => s.blocId === opts.blocId);
        if (opts.blocId !== undefined && scopes.length === 0) {
          throw new UnknownScopeError(`Không có khối #${opts.blocId} để chạy việc "${job.name}".`);
        }
        const reports: SlotReport[] = [];
        for (const scope of scopes) {
          const slot = job.slotOf(opts.now, scope, deps.timeZone);
          const result = await runJobSlot(deps, job, scope, slot, opts.now, { force: opts.force });
          reports.push({ job: job.name, scope: scope.key, slot, result });
        }
        return reports;
      }),
    idle: () => queue.then(() => undefined),
  };
}

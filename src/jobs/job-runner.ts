// Finds the slots due in a window and runs them through the ledger, one at a time: the scheduler's
// ticks, its catch-up at start and a run by hand never overlap inside the process (across
// processes, the ledger entry taken in the run's transaction keeps a slot from running twice).

import { succeededSlots } from '../db/job-runs.js';
import { cronFireTimes } from './cron-times.js';
import { type Job, type JobDeps, type JobScope, scheduleOf } from './job.js';
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

  async function dueSlots(job: Job, scope: JobScope, from: Date, to: Date): Promise<string[]> {
    let fires: Date[];
    try {
      fires = cronFireTimes(scheduleOf(job, scope), from, to, deps.timeZone);
    } catch (error) {
      deps.logger.error({ err: error, job: job.name, scope: scope.key }, 'bad job schedule');
      return [];
    }
    const slots = [...new Set(fires.map((f) => job.slotOf(f, scope, deps.timeZone)))];
    if (slots.length === 0) return [];
    // For 'latest', only the newest slot matters: it looks at the state as of now.
    if (job.catchUp === 'latest') return [slots.at(-1)!];
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

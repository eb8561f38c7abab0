// What a scheduled job is. A feature adds a job by writing one JobDefinition and listing it in
// registry.ts; the scheduler, the catch-up at start, the ledger and `npm run cli -- job run` then
// work for it without further wiring.

import type { Db } from '../db/connection.js';
import type { RunningChannels } from '../db/contact-addresses.js';
import type { Logger } from '../logger.js';

/**
 * What every job gets: the database (inside the run's transaction unless it opts out), zone,
 * logger, and the channels this process delivers through (people are reached only on those).
 */
export interface JobDeps {
  db: Db;
  timeZone: string;
  channels: RunningChannels;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
}

/** What a job runs for, e.g. one bloc ('bloc:6') or everything ('all'). */
export interface JobScope {
  /** The ledger's scope column. */
  key: string;
  /** The bloc, for per-bloc jobs (used by `job run --bloc`). */
  blocId: number | null;
}

/** A JSON-serialisable summary of a run, stored in the ledger's detail column. */
export type JobOutcome = Record<string, unknown>;

export interface JobDefinition<S extends JobScope = JobScope> {
  /** Stable name: the ledger key and the CLI's `job run <name>`. */
  name: string;
  /** One Vietnamese line for `job list`. */
  description: string;
  /**
   * Cron expression(s) in the app time zone (5 fields, minute resolution), or a function of the
   * scope (e.g. of the bloc's settings) giving them; null: nothing scheduled for that scope.
   */
  schedule: string | readonly string[] | ((scope: S) => string | readonly string[] | null);
  /** The scopes to run for at `now` (read fresh before every tick, so settings edits apply). */
  scopes(deps: JobDeps, now: Date): Promise<S[]>;
  /** The ledger slot a fire time belongs to: a run happens once per (job, scope, slot). */
  slotOf(at: Date, scope: S, timeZone: string): string;
  /**
   * Missed fire times found at start (or after a stall): 'latest' runs only the newest slot (for
   * jobs that look at the state as of now, like reminders); 'each' runs every missed slot in order.
   */
  catchUp: 'latest' | 'each';
  /**
   * 'wrap' (default): run() gets a transaction that also holds the ledger entry, so its outbox
   * rows and the ledger commit together. 'own': run() gets the database and opens its own
   * transactions; it must be idempotent by itself (e.g. a unique key on what it produces).
   */
  transaction?: 'wrap' | 'own';
  /** Does the work for one scope and slot at `now` (the real time, even when catching up). */
  run(deps: JobDeps, now: Date, scope: S, slot: string): Promise<JobOutcome>;
}

/** A job with its scope type erased, as listed in the registry. */
export type Job = JobDefinition<any>;

/** Declares a job (keeps the scope type checked inside the definition). */
export function defineJob<S extends JobScope>(definition: JobDefinition<S>): Job {
  return definition as Job;
}

/** The scope's schedule as a list of expressions (none when the job is off for it). */
export function scheduleOf(job: Job, scope: JobScope): string[] {
  const s = typeof job.schedule === 'function' ? job.schedule(scope) : job.schedule;
  if (s === null) return [];
  return typeof s === 'string' ? [s] : [...s];
}

// The scheduler: node-cron ticks every minute in the app time zone; each tick runs the job slots
// whose fire times fell since the previous tick (so a late or skipped tick loses nothing), and at
// start the slots missed while the process was down, within the catch-up window, are run first.
// Each tick also tries again, with a backoff, the slots that failed within that window.

import { createTask } from 'node-cron';
import type { Db } from '../db/connection.js';
import type { RunningChannels } from '../db/contact-addresses.js';
import { parseCron } from '../core/cron-times.js';
import type { Job, JobDeps } from './job.js';
import { createJobRunner, type SlotReport } from './job-runner.js';

export interface SchedulerDeps {
  db: Db;
  timeZone: string;
  logger: JobDeps['logger'];
  /** The channels main.ts delivers through: the jobs reach people only on those. */
  channels: RunningChannels;
  now: () => Date;
  /** How far back missed runs are caught up at start, and failed runs retried (JOBS_CATCHUP_HOURS). */
  catchUpHours: number;
  jobs: readonly Job[];
}

export interface Scheduler {
  /** What the catch-up at start ran. */
  caughtUp: SlotReport[];
  /** Stops ticking and waits for a running job to finish. */
  stop(): Promise<void>;
}

/** Checks the fixed schedules at start, so a typo fails loudly rather than never running. */
function assertSchedules(jobs: readonly Job[]): void {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`Hai việc định kỳ cùng tên "${job.name}".`);
    names.add(job.name);
    if (typeof job.schedule === 'string') parseCron(job.schedule);
    else if (Array.isArray(job.schedule)) for (const s of job.schedule as string[]) parseCron(s);
  }
}

/** Catches up missed runs, then starts the minute tick. Resolves once the catch-up is done. */
export async function startScheduler(deps: SchedulerDeps): Promise<Scheduler> {
  if (!(deps.catchUpHours >= 0)) throw new Error(`catchUpHours phải không âm: ${deps.catchUpHours}.`);
  assertSchedules(deps.jobs);
  const runner = createJobRunner(
    { db: deps.db, timeZone: deps.timeZone, logger: deps.logger, channels: deps.channels },
    deps.jobs,
  );
  const started = deps.now();
  const caughtUp = await runner.runDue(new Date(started.getTime() - deps.catchUpHours * 3_600_000), started, started);
  // Slots already done (a restart within the window) are skipped: only real runs count as caught up.
  const ran = caughtUp.filter((r) => r.result.status !== 'skipped');
  if (ran.length > 0) {
    const failed = ran.filter((r) => r.result.status === 'failed').length;
    deps.logger.info({ runs: ran.length, failed }, 'scheduler caught up missed runs');
  }

  let last = started;
  const task = createTask(
    '* * * * *',
    async (ctx) => {
      const now = deps.now();
      const to = new Date(Math.max(now.getTime(), ctx.date.getTime()));
      if (to.getTime() <= last.getTime()) return;
      await runner.runDue(last, to, now);
      last = to;
      const retried = await runner.retryFailed(now, deps.catchUpHours);
      if (retried.length > 0) deps.logger.info({ runs: retried.length }, 'scheduler retried failed runs');
    },
    {
      name: 'khoi-thi-dua-jobs',
      timezone: deps.timeZone,
      noOverlap: true,
      logger: {
        info: (m) => deps.logger.debug(m),
        warn: (m) => deps.logger.warn(m),
        error: (m, e) => deps.logger.error({ err: e ?? m }, 'scheduler tick error'),
        debug: (m) => deps.logger.debug(m),
      },
    },
  );
  await task.start();
  return {
    caughtUp,
    async stop() {
      await task.stop();
      await task.destroy();
      await runner.idle();
    },
  };
}

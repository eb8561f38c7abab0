// `npm run cli -- job list` and `npm run cli -- job run <name> [--now <ISO>] [--bloc <id>] [--force]`:
// runs a scheduled job by hand for a given moment, through the same ledger as the scheduler. A moment
// still to come is refused without --allow-future: its messages would wait for it and its slot
// would count as done (decision 0074).

import { formatDateTimeVi, isValidIsoDate, zonedInstant } from '../core/time.js';
import { listJobRuns } from '../db/job-runs.js';
import { type PublishResult, periodDigestJob } from '../jobs/digest-jobs.js';
import { createJobRunner, UnknownScopeError } from '../jobs/job-runner.js';
import type { Job, JobDeps } from '../jobs/job.js';
import { cliRunningChannels } from './running-channels.js';
import { findJob, jobsWithBackup } from '../jobs/registry.js';
import type { SlotRunResult } from '../jobs/run-job.js';
import { summaryJob } from '../jobs/summary-jobs.js';
import { createLogger } from '../logger.js';
import { resolveBlocOption } from './bloc-option.js';
import type { CliCommand } from './commands.js';
import { type CliContext, CliError, parseOptions } from './context.js';
import { jobText as m } from './messages.js';
import { describePublish } from './publish-report.js';

const USAGE = m.usage;

/** '2026-12-01T08:00:00+07:00', '...Z', or a local '2026-12-01T08:00' read in the app time zone. */
export function parseMoment(value: string, timeZone: string): Date {
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/.exec(value.trim());
  if (local && isValidIsoDate(local[1]!)) {
    try {
      return zonedInstant(local[1]!, local[2]!, timeZone);
    } catch {
      // falls through to the message below
    }
  }
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim());
  const ms = Date.parse(value.trim());
  if (!local && withZone && !Number.isNaN(ms)) return new Date(ms);
  throw new CliError(
    `--now: "${value}" không phải thời điểm hợp lệ. Ví dụ: 2026-12-01T08:00 (giờ địa phương) hoặc 2026-12-01T08:00:00+07:00.`,
  );
}

/** The digest and summary jobs' outcomes are said in words; the others' as before. */
const PUBLISHING_JOBS = new Set([periodDigestJob.name, summaryJob.name]);

async function describe(
  ctx: CliContext,
  job: Job,
  result: SlotRunResult,
  moment: Date,
  realNow: Date,
): Promise<string> {
  switch (result.status) {
    case 'succeeded': {
      const outcome = result.outcome;
      if (PUBLISHING_JOBS.has(job.name)) {
        const lines = await describePublish(ctx.db, outcome as unknown as PublishResult, {
          now: realNow,
          timeZone: ctx.config.timeZone,
        });
        return `đã chạy.\n  ${lines.join('\n  ')}`;
      }
      const queued = typeof outcome.queued === 'number' ? outcome.queued : null;
      const waits =
        queued && moment.getTime() > realNow.getTime()
          ? m.waitsUntil(formatDateTimeVi(moment, ctx.config.timeZone))
          : '';
      return `đã chạy${queued === null ? '' : `: ${queued} tin nhắn được xếp hàng gửi${waits}`} ${JSON.stringify(outcome)}`;
    }
    case 'skipped':
      return 'đã chạy trước đó, bỏ qua (thêm --force để chạy lại; tin nhắn đã xếp hàng không bị gửi lại)';
    case 'failed':
      return `LỖI: ${result.error}`;
  }
}

async function list(ctx: CliContext, jobs: readonly Job[]): Promise<void> {
  for (const job of jobs) {
    ctx.out(`${job.name}: ${job.description}`);
    for (const r of await listJobRuns(ctx.db, { job: job.name, limit: 3 })) {
      ctx.out(`  ${r.scope} · ${r.slot} · ${r.status} · ${r.startedAt}`);
    }
  }
}

async function run(
  ctx: CliContext,
  jobs: readonly Job[],
  logger: JobDeps['logger'],
  name: string | undefined,
  options: Record<string, string>,
): Promise<void> {
  const names = jobs.map((j) => j.name).join(', ');
  if (!name) throw new CliError(`${USAGE}\nCác việc hiện có: ${names}.`);
  const job = findJob(name, jobs);
  if (!job) throw new CliError(`Không có việc định kỳ "${name}". Các việc hiện có: ${names}.`);
  const realNow = ctx.now();
  const now = options.now ? parseMoment(options.now, ctx.config.timeZone) : realNow;
  if (now.getTime() > realNow.getTime() && options['allow-future'] !== 'true') {
    const show = (d: Date) => formatDateTimeVi(d, ctx.config.timeZone);
    throw new CliError(m.futureMoment(options.now!, show(now), show(realNow)));
  }
  const blocId = options.bloc === undefined ? undefined : (await resolveBlocOption(ctx.db, options.bloc)).id;
  const runner = createJobRunner(
    { db: ctx.db, timeZone: ctx.config.timeZone, logger, channels: cliRunningChannels(ctx.config) },
    jobs,
  );
  let reports: Awaited<ReturnType<typeof runner.runByHand>>;
  try {
    reports = await runner.runByHand(job, { now, blocId, force: options.force === 'true' });
  } catch (error) {
    // The bloc exists (it was resolved above): the job simply does not run per bloc.
    if (error instanceof UnknownScopeError) throw new CliError(m.notPerBloc(job.name));
    throw error;
  }
  if (reports.length === 0) ctx.out(`Việc "${job.name}" không có phạm vi nào để chạy (chưa có khối nào).`);
  for (const r of reports) ctx.out(`${r.scope} · ${r.slot}: ${await describe(ctx, job, r.result, now, realNow)}`);
  if (reports.some((r) => r.result.status === 'failed'))
    throw new CliError(`Việc "${job.name}" chạy lỗi (xem ở trên).`);
}

/** The `job` command over the registry (a test may pass its own jobs and logger). */
export function createJobCommand(opts: { jobs?: readonly Job[]; logger?: JobDeps['logger'] } = {}): CliCommand {
  // Job failures are logged (as JSON on stdout, like the server) besides the summary printed here.
  const logger = opts.logger ?? createLogger('warn');
  return {
    name: 'job',
    usage: m.commandUsage,
    async run(ctx, args) {
      const { positional, options } = parseOptions(args);
      const [sub, name] = positional;
      const jobs = opts.jobs ?? jobsWithBackup({ databasePath: ctx.config.databasePath, ...ctx.config.backup });
      if (sub === 'list') return list(ctx, jobs);
      if (sub === 'run') return run(ctx, jobs, logger, name, options);
      throw new CliError(USAGE);
    },
  };
}

// /readyz: is everything that should be working working? Each check says what it found; the whole
// is ready only when every check is. Meant for monitoring (a person is warned), not for a load
// balancer: a job that missed its slot is worth a warning but the admin still serves pages.

import type { Db } from '../db/connection.js';
import { overdueUnsent, probeWritable, staleSendingCount } from '../db/ops-facts.js';
import { SENDING_LEASE_MS } from '../db/outbox.js';
import { formatDateTimeVi } from '../core/time.js';
import type { BotStatus, DeliveryStatus } from './channel-status.js';
import type { Job } from '../jobs/job.js';
import { checkJobs, type JobReadiness } from './job-lateness.js';
import { diskSpaceOf, MIN_FREE_DISK_BYTES, neededFreeBytes } from './disk-space.js';
import { ATTEMPT_FAILURE_TEXT, OPS } from './messages.js';
import type { ChannelState, TelegramChannels } from './telegram-channels.js';

/** A message whose moment came this long ago and that is still not sent means delivery is stuck. */
export const OUTBOX_STUCK_MS = 15 * 60_000;
/** The worker requeues rows past their lease once a minute; past this they were not requeued. */
const STALE_SENDING_MS = SENDING_LEASE_MS + 2 * 60_000;

export interface ReadinessDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
  botStatus: () => BotStatus;
  /** What the bot's and the delivery worker's last calls to Telegram met (absent without a token). */
  channels?: TelegramChannels;
  /** Whether the delivery worker runs (not without a bot token: messages then wait in the outbox). */
  deliveryRunning: () => boolean;
  jobs: readonly Job[];
  /** JOBS_CATCHUP_HOURS: how far back missed job slots are looked for (24 when it is 0). */
  catchUpHours: number;
  /** Free space the database's disk must keep (MIN_FREE_DISK_BYTES unless given). */
  minFreeDiskBytes?: number;
}

export interface ReadinessReport {
  status: 'ok' | 'attention';
  time: string;
  /** What needs attention, in Vietnamese, one line each (empty when ready). */
  problems: string[];
  checks: {
    database: { ok: boolean; writable: boolean; error?: string };
    /** The database's file system (null figures for an in-memory database). */
    disk: { ok: boolean; folder: string | null; freeBytes: number | null; neededBytes: number | null; error?: string };
    bot: { ok: boolean; status: BotStatus } & FailingFacts;
    /** The outbox's sends to Telegram. */
    delivery: { ok: boolean; status: DeliveryStatus } & FailingFacts;
    outbox: {
      ok: boolean;
      worker: 'running' | 'off';
      overdue: number;
      oldestOverdueSince: string | null;
      staleSending: number;
      error?: string;
    };
    jobs: { ok: boolean; jobs: JobReadiness[] };
  };
}

/** Since when and why a channel to Telegram fails (only while it does). */
interface FailingFacts {
  failingSince?: string;
  reason?: string;
  failedAttempts?: number;
  lastError?: string;
}

const failingFacts = (s: ChannelState | undefined): FailingFacts =>
  s?.status === 'error'
    ? {
        failingSince: s.failingSince!.toISOString(),
        reason: s.reason!,
        failedAttempts: s.failuresSinceOk,
        lastError: s.lastError!,
      }
    : {};

/** "từ 10:02 03/12/2026 (lỗi mạng, 7 lần thử không thành công)", or null when not known to fail. */
const failingText = (s: ChannelState | undefined, timeZone: string): string | null =>
  s?.status === 'error'
    ? OPS.failingSince(formatDateTimeVi(s.failingSince!, timeZone), ATTEMPT_FAILURE_TEXT[s.reason!], s.failuresSinceOk)
    : null;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs every check at `deps.now()`. */
export async function checkReadiness(deps: ReadinessDeps): Promise<ReadinessReport> {
  const now = deps.now();
  const problems: string[] = [];

  let database: ReadinessReport['checks']['database'];
  try {
    await probeWritable(deps.db);
    database = { ok: true, writable: true };
  } catch (e) {
    database = { ok: false, writable: false, error: messageOf(e) };
    problems.push(OPS.databaseNotWritable(messageOf(e)));
  }

  let disk: ReadinessReport['checks']['disk'];
  try {
    const space = await diskSpaceOf(deps.db);
    if (space === null) disk = { ok: true, folder: null, freeBytes: null, neededBytes: null };
    else {
      const needed = neededFreeBytes(space, deps.minFreeDiskBytes ?? MIN_FREE_DISK_BYTES);
      disk = { ok: space.freeBytes >= needed, folder: space.folder, freeBytes: space.freeBytes, neededBytes: needed };
      if (!disk.ok) problems.push(OPS.diskLow(space.folder, space.freeBytes, needed));
    }
  } catch (e) {
    disk = { ok: false, folder: null, freeBytes: null, neededBytes: null, error: messageOf(e) };
    problems.push(OPS.diskCheckFailed(messageOf(e)));
  }

  // 'off' is a deliberate choice (no token); 'starting' and 'error' are not connected.
  const status = deps.botStatus();
  const botChannel = status === 'error' ? deps.channels?.state('bot') : undefined;
  const bot = { ok: status !== 'error' && status !== 'starting', status, ...failingFacts(botChannel) };
  if (status === 'error') problems.push(OPS.botError(failingText(botChannel, deps.timeZone)));
  if (status === 'starting') problems.push(OPS.botStarting);

  const worker = deps.deliveryRunning() ? 'running' : 'off';
  const sends = worker === 'running' ? deps.channels?.state('delivery') : undefined;
  const delivery = {
    ok: sends?.status !== 'error',
    status: worker === 'off' ? ('off' as const) : (sends?.status ?? 'ok'),
    ...failingFacts(sends),
  };
  const sendsFailing = failingText(sends, deps.timeZone);
  if (sendsFailing) problems.push(OPS.deliveryError(sendsFailing));

  let outbox: ReadinessReport['checks']['outbox'];
  try {
    const overdue = await overdueUnsent(deps.db, new Date(now.getTime() - OUTBOX_STUCK_MS));
    const staleSending = await staleSendingCount(deps.db, new Date(now.getTime() - STALE_SENDING_MS));
    // Without a worker nothing is sent by design: waiting messages are not a fault then.
    const stuck = worker === 'running' && overdue.count > 0;
    if (stuck) problems.push(OPS.outboxOverdue(overdue.count, OUTBOX_STUCK_MS / 60_000));
    if (staleSending > 0) problems.push(OPS.outboxStaleSending(staleSending));
    outbox = {
      ok: !stuck && staleSending === 0,
      worker,
      overdue: overdue.count,
      oldestOverdueSince: overdue.oldestDueAt?.toISOString() ?? null,
      staleSending,
    };
  } catch (e) {
    outbox = { ok: false, worker, overdue: 0, oldestOverdueSince: null, staleSending: 0, error: messageOf(e) };
    problems.push(OPS.outboxCheckFailed(messageOf(e)));
  }

  const lookBack = deps.catchUpHours > 0 ? deps.catchUpHours : 24;
  const silent = { info() {}, warn() {}, error() {}, debug() {} };
  let jobs: JobReadiness[];
  try {
    jobs = await checkJobs(
      // Only the jobs' scopes and ledger are read: nothing is queued, so no channel is needed.
      { db: deps.db, timeZone: deps.timeZone, logger: silent, channels: [] },
      deps.jobs,
      now,
      lookBack,
    );
  } catch (e) {
    jobs = deps.jobs.map((j) => ({ name: j.name, ok: false, lastRun: null, late: [], error: messageOf(e) }));
  }
  for (const j of jobs) {
    if (j.error) problems.push(OPS.jobCheckFailed(j.name, j.error));
    for (const l of j.late) problems.push(OPS.jobLate(j.name, l.scope, l.slot, l.status));
  }

  const checks = { database, disk, bot, delivery, outbox, jobs: { ok: jobs.every((j) => j.ok), jobs } };
  const ready = database.ok && disk.ok && bot.ok && delivery.ok && outbox.ok && checks.jobs.ok;
  return { status: ready ? 'ok' : 'attention', time: now.toISOString(), problems, checks };
}

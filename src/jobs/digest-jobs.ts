// The period digest job: on each bloc's digest slot (Monday 08:00 by default), the digest of the
// period just ended is stored and queued once to the bloc's group chats and the chair's focal
// points. Once means once: the digest row's unique key (bloc, kind, period) and the outbox dedupe
// keys hold across double starts and restarts (docs/decisions/0032-digest-once.md).

import type { OutboundMessage } from '../core/outbound-message.js';
import { periodFromKey, type ReportingPeriod } from '../core/periods.js';
import { plainText } from '../core/plain-text.js';
import { localDateOf } from '../core/time.js';
import { type Bloc, listBlocsOrOne } from '../db/blocs.js';
import type { Db } from '../db/connection.js';
import type { RunningChannels } from '../db/contact-addresses.js';
import type { DigestKind } from '../db/schema.js';
import { writeAudit } from '../db/audit-log.js';
import {
  deleteDigest,
  digestDedupeKey,
  digestDelivery,
  digestHasGoneOut,
  digestRecipients,
  getDigestSchedule,
  hasDigest,
  insertDigestOnce,
  listDigestSchedules,
  withdrawQueuedDigestMessages,
} from '../db/digests.js';
import { enqueueOutbox } from '../db/outbox.js';
import { computePeriodDigest } from '../summaries/period-digest.js';
import { type DigestSchedule, digestCron, digestPeriodForSlot, latestDigestSlot } from '../core/digest-schedule.js';
import { defineJob, type JobScope } from './job.js';

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface SummaryJobDeps {
  db: Db;
  timeZone: string;
  /** The channels this process delivers through: the chair's focal points are reached on those. */
  channels: RunningChannels;
  logger?: JobLogger;
}

/** 'queued': stored and its messages put in the outbox (the delivery worker sends them from `sendAt`). */
export type PublishStatus = 'queued' | 'already_sent' | 'disabled' | 'no_members' | 'no_covenant';

export interface PublishResult {
  blocId: number;
  /** The stored digest's kind: the period digest, or the mid-year or annual summary. */
  kind: DigestKind;
  periodKey: string;
  status: PublishStatus;
  /** Outbox rows queued by this run. */
  messages: number;
  /** Chats the digest was queued to (groups and the chair's focal points); with status 'queued'. */
  chats?: number;
  /** ISO instant from which the queued messages may be sent (the run's moment); with status 'queued'. */
  sendAt?: string;
  /** With status 'queued': the unsent digest this run replaced (decision 0074). */
  replaced?: { withdrawn: number; computedAt: string };
}

/** Who asks for an unsent digest to be computed again, for the audit log. */
export interface Recompute {
  actor: string;
}

/** Thrown inside the transaction to roll it back when a digest to replace has already gone out. */
class AlreadyGoingOut extends Error {}

/**
 * Stores a digest or summary once (its whole text and the figures) and queues the neutral message
 * to each recipient's address in one transaction; each channel splits it when it sends it.
 * With `recompute`, a stored digest none of whose messages has left the outbox (not even one part
 * of one) is replaced: its queued messages are withdrawn and the new text queued, audited in the
 * same transaction; one whose messages are being sent (a queued one with a part out among them),
 * sent or failed stays as it is (stored: false).
 */
export async function storeAndQueue(
  db: Db,
  d: {
    blocId: number;
    kind: 'period' | 'mid_year' | 'annual';
    periodKey: string;
    message: OutboundMessage;
    figures: unknown;
    recipientYear: number;
    /** The channels this process delivers through. */
    channels: RunningChannels;
    now: Date;
    recompute?: Recompute;
  },
): Promise<{ stored: boolean; messages: number; chats: number; replaced?: PublishResult['replaced'] }> {
  const text = plainText(d.message);
  try {
    return await db.transaction().execute(async (trx) => {
      let replaced: PublishResult['replaced'];
      if (d.recompute) {
        // The withdrawal is the transaction's first statement and a write: it takes SQLite's write
        // lock, so no delivery worker can claim a row between this check and the replacement.
        const withdrawn = await withdrawQueuedDigestMessages(trx, d.blocId, d.kind, d.periodKey);
        const left = await digestDelivery(trx, d.blocId, d.kind, d.periodKey);
        // A queued row with a part out counts as being sent (digestDelivery): it was not withdrawn.
        if (digestHasGoneOut(left)) throw new AlreadyGoingOut();
        const old = await deleteDigest(trx, d.blocId, d.kind, d.periodKey);
        if (old) replaced = { withdrawn, computedAt: old.createdAt };
      }
      const recipients = await digestRecipients(trx, d.blocId, d.recipientYear, d.channels);
      // Each channel splits the message its own way when it sends it: the stored text is whole.
      const id = await insertDigestOnce(trx, { ...d, text, parts: [text], recipients: recipients.length });
      if (id === null) return { stored: false, messages: 0, chats: 0 };
      let messages = 0;
      for (const r of recipients) {
        const queued = await enqueueOutbox(trx, {
          dedupeKey: digestDedupeKey(d.kind, d.blocId, d.periodKey, r),
          blocId: d.blocId,
          kind: d.kind === 'period' ? 'digest' : `summary_${d.kind}`,
          channel: r.channel,
          address: r.address,
          audience: r.audience,
          message: d.message,
          now: d.now,
        });
        if (queued) messages += 1;
      }
      if (replaced && d.recompute) {
        await writeAudit(trx, {
          at: d.now,
          actor: d.recompute.actor,
          action: 'digest.recompute',
          entity: 'digest',
          entityId: id,
          blocId: d.blocId,
          details: { kind: d.kind, periodKey: d.periodKey, ...replaced, messages },
        });
      }
      return { stored: true, messages, chats: recipients.length, replaced };
    });
  } catch (error) {
    if (error instanceof AlreadyGoingOut) return { stored: false, messages: 0, chats: 0 };
    throw error;
  }
}

/**
 * Computes, stores and queues the bloc's digest for `period`, unless it was already done. With
 * `recompute`, a stored digest not one of whose messages (nor a part of one) has left is computed
 * again and replaces the old one (decision 0074); the scheduled job never passes it.
 */
export async function publishPeriodDigest(
  deps: SummaryJobDeps,
  blocId: number,
  period: ReportingPeriod,
  now: Date,
  opts: { recompute?: Recompute } = {},
): Promise<PublishResult> {
  const base = { blocId, kind: 'period' as const, periodKey: period.key };
  if (!opts.recompute && (await hasDigest(deps.db, blocId, 'period', period.key)))
    return { ...base, status: 'already_sent', messages: 0 };
  const digest = await computePeriodDigest(deps.db, blocId, period, { timeZone: deps.timeZone, now });
  if (digest.input.rates.expected === 0) return { ...base, status: 'no_members', messages: 0 };
  const r = await storeAndQueue(deps.db, {
    blocId,
    kind: 'period',
    periodKey: period.key,
    message: digest.message,
    figures: digest.input,
    recipientYear: Number(localDateOf(now, deps.timeZone).slice(0, 4)),
    channels: deps.channels,
    now,
    recompute: opts.recompute,
  });
  if (!r.stored) return { ...base, status: 'already_sent', messages: 0 };
  return {
    ...base,
    status: 'queued',
    messages: r.messages,
    chats: r.chats,
    sendAt: now.toISOString(),
    ...(r.replaced ? { replaced: r.replaced } : {}),
  };
}

/**
 * The scheduled job. For every bloc (or one), takes the latest digest slot at `now` and publishes
 * the digest of the period completed before it. Running it again, or after a restart, for the same
 * slot queues nothing new; a slot missed while the process was down is caught up on the next run.
 */
export async function runPeriodDigests(
  deps: SummaryJobDeps,
  now: Date,
  opts: { blocId?: number } = {},
): Promise<PublishResult[]> {
  const blocs = await listBlocsOrOne(deps.db, opts.blocId);
  const results: PublishResult[] = [];
  for (const bloc of blocs) {
    const schedule = await getDigestSchedule(deps.db, bloc.id);
    const slot = latestDigestSlot(schedule, now, deps.timeZone);
    const period = digestPeriodForSlot(bloc.reportingCadence, slot.date);
    if (!schedule.enabled) {
      results.push({ blocId: bloc.id, kind: 'period', periodKey: period.key, status: 'disabled', messages: 0 });
      continue;
    }
    const r = await publishPeriodDigest(deps, bloc.id, period, now);
    if (r.status === 'queued')
      deps.logger?.info({ blocId: bloc.id, period: period.key, messages: r.messages }, 'period digest queued');
    results.push(r);
  }
  return results;
}

export interface DigestJobScope extends JobScope {
  blocId: number;
  bloc: Bloc;
  schedule: DigestSchedule;
}

/** The scopes of the digest and summary jobs: every bloc, with its schedule. */
export async function digestJobScopes(deps: { db: Db }): Promise<DigestJobScope[]> {
  return (await listDigestSchedules(deps.db)).map(({ bloc, schedule }) => ({
    key: `bloc:${bloc.id}`,
    blocId: bloc.id,
    bloc,
    schedule,
  }));
}

/**
 * The period digest in the scheduler (registry.ts): one ledger slot per bloc and period key.
 * It opens its own transaction ('own'), being idempotent by the digest's unique key.
 */
export const periodDigestJob = defineJob<DigestJobScope>({
  name: 'period-digest',
  description:
    'Gửi bản tin thi đua định kỳ của Khối (mặc định 08:00 thứ Hai) vào nhóm Khối và cho đầu mối đơn vị Khối trưởng',
  schedule: (scope) => (scope.schedule.enabled ? digestCron(scope.schedule) : null),
  scopes: (deps) => digestJobScopes(deps),
  slotOf: (at, scope, timeZone) => digestPeriodForSlot(scope.bloc.reportingCadence, localDateOf(at, timeZone)).key,
  // An old digest is news no more: after downtime only the newest missed one is sent.
  catchUp: 'latest',
  transaction: 'own',
  run: async (deps, now, scope, slot) => ({
    ...(await publishPeriodDigest(deps, scope.blocId, periodFromKey(slot), now)),
  }),
});

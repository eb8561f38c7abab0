// The mid-year review and annual summary jobs: on each bloc's dates (05/07 and 05/12 at 08:00 by
// default) the summary is computed, stored with its figures, and announced once in the bloc's
// chats and to the chair's focal points. The documents are made on demand from the same figures.

import { localDateOf } from '../core/time.js';
import { listBlocsOrOne } from '../db/blocs.js';
import { getDigestSchedule, hasDigest } from '../db/digests.js';
import type { SummaryKind } from '../core/digest-schedule.js';
import { type BlocSummary, computeBlocSummary, SummaryError } from '../summaries/bloc-summary.js';
import { latestSummarySlot, summaryCrons } from '../core/digest-schedule.js';
import { summaryNoticeMessage } from '../core/summary-text.js';
import {
  type DigestJobScope,
  digestJobScopes,
  type PublishResult,
  storeAndQueue,
  type SummaryJobDeps,
} from './digest-jobs.js';
import { defineJob } from './job.js';

/** The stored period key of a summary: '2026-H1' for the mid-year review, '2026' for the year. */
export function summaryKey(kind: SummaryKind, year: number): string {
  return kind === 'mid_year' ? `${year}-H1` : String(year);
}

/** Computes, stores and announces the bloc's summary, unless it was already done. */
export async function publishSummary(
  deps: SummaryJobDeps,
  blocId: number,
  kind: SummaryKind,
  year: number,
  now: Date,
): Promise<PublishResult> {
  const periodKey = summaryKey(kind, year);
  const base = { blocId, kind, periodKey };
  if (await hasDigest(deps.db, blocId, kind, periodKey)) return { ...base, status: 'already_sent', messages: 0 };
  let summary: BlocSummary;
  try {
    summary = await computeBlocSummary(deps.db, blocId, { kind, year, asOf: now, timeZone: deps.timeZone });
  } catch (error) {
    // A bloc without a covenant for the year has nothing to summarise; that is not a failure.
    if (error instanceof SummaryError) return { ...base, status: 'no_covenant', messages: 0 };
    throw error;
  }
  if (summary.units.length === 0) return { ...base, status: 'no_members', messages: 0 };
  const r = await storeAndQueue(deps.db, {
    blocId,
    kind,
    periodKey,
    message: summaryNoticeMessage(summary),
    figures: summary,
    recipientYear: Number(localDateOf(now, deps.timeZone).slice(0, 4)),
    channels: deps.channels,
    now,
  });
  if (!r.stored) return { ...base, status: 'already_sent', messages: 0 };
  return { ...base, status: 'queued', messages: r.messages, chats: r.chats, sendAt: now.toISOString() };
}

/** The scheduled job: for each bloc, the latest mid-year or annual slot at `now` (within the catch-up window), once. */
export async function runScheduledSummaries(
  deps: SummaryJobDeps,
  now: Date,
  opts: { blocId?: number } = {},
): Promise<PublishResult[]> {
  const blocs = await listBlocsOrOne(deps.db, opts.blocId);
  const results: PublishResult[] = [];
  for (const bloc of blocs) {
    const schedule = await getDigestSchedule(deps.db, bloc.id);
    const slot = latestSummarySlot(schedule, now, deps.timeZone);
    if (!slot) continue;
    if (!schedule.enabled) {
      results.push({
        blocId: bloc.id,
        kind: slot.kind,
        periodKey: summaryKey(slot.kind, slot.year),
        status: 'disabled',
        messages: 0,
      });
      continue;
    }
    const r = await publishSummary(deps, bloc.id, slot.kind, slot.year, now);
    if (r.status === 'queued')
      deps.logger?.info({ blocId: bloc.id, summary: r.periodKey, messages: r.messages }, 'summary queued');
    results.push(r);
  }
  return results;
}

/** Reads a summary slot key back: '2026-H1' is the mid-year review of 2026, '2026' the annual summary. */
export function parseSummaryKey(key: string): { kind: SummaryKind; year: number } {
  const m = /^(\d{4})(-H1)?$/.exec(key);
  if (!m) throw new Error(`Mã kỳ tổng hợp không hợp lệ: '${key}' (cần dạng 2026-H1 hoặc 2026).`);
  return { kind: m[2] ? 'mid_year' : 'annual', year: Number(m[1]) };
}

/** The mid-year and annual summaries in the scheduler (registry.ts): one ledger slot per bloc and summary. */
export const summaryJob = defineJob<DigestJobScope>({
  name: 'summaries',
  description:
    'Sơ kết 6 tháng (mặc định 05/07) và tổng kết năm (mặc định 05/12): tính, lưu và thông báo kết quả thi đua của Khối',
  schedule: (scope) => (scope.schedule.enabled ? summaryCrons(scope.schedule) : null),
  scopes: (deps) => digestJobScopes(deps),
  slotOf: (at, scope, timeZone) => {
    const slot = latestSummarySlot(scope.schedule, at, timeZone, Number.POSITIVE_INFINITY);
    return slot
      ? summaryKey(slot.kind, slot.year)
      : summaryKey('annual', Number(localDateOf(at, timeZone).slice(0, 4)) - 1);
  },
  catchUp: 'each',
  transaction: 'own',
  run: async (deps, now, scope, slot) => {
    const { kind, year } = parseSummaryKey(slot);
    return { ...(await publishSummary(deps, scope.blocId, kind, year, now)) };
  },
});

// The mid-year review and annual summary jobs: on each bloc's dates (05/07 and 05/12 at 08:00 by
// default) the summary is computed, stored with its figures, and announced once in the bloc's
// chats and to the chair's focal points. The documents are made on demand from the same figures.

import { localDateOf } from '../core/time.js';
import { splitMessage } from '../core/digest-text.js';
import { getBloc, listBlocs } from '../db/blocs.js';
import { getDigestSchedule, hasDigest } from '../db/digests.js';
import { computeBlocSummary, type SummaryKind, SummaryError } from '../summaries/bloc-summary.js';
import { latestSummarySlot } from '../summaries/schedule.js';
import { summaryNoticeText } from '../summaries/summary-text.js';
import { type PublishResult, storeAndQueue, type SummaryJobDeps } from './digest-jobs.js';

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
  const base = { blocId, periodKey };
  if (await hasDigest(deps.db, blocId, kind, periodKey)) return { ...base, status: 'already_sent', messages: 0 };
  let summary;
  try {
    summary = await computeBlocSummary(deps.db, blocId, { kind, year, asOf: now, timeZone: deps.timeZone });
  } catch (error) {
    // A bloc without a covenant for the year has nothing to summarise; that is not a failure.
    if (error instanceof SummaryError) return { ...base, status: 'no_covenant', messages: 0 };
    throw error;
  }
  if (summary.units.length === 0) return { ...base, status: 'no_members', messages: 0 };
  const text = summaryNoticeText(summary);
  const r = await storeAndQueue(deps.db, {
    blocId,
    kind,
    periodKey,
    text,
    parts: splitMessage(text),
    figures: summary,
    recipientYear: Number(localDateOf(now, deps.timeZone).slice(0, 4)),
    now,
  });
  return { ...base, status: r.stored ? 'sent' : 'already_sent', messages: r.messages };
}

/** The scheduled job: for each bloc, the latest mid-year or annual slot at `now` (within the catch-up window), once. */
export async function runScheduledSummaries(deps: SummaryJobDeps, now: Date, opts: { blocId?: number } = {}): Promise<PublishResult[]> {
  const blocs = opts.blocId === undefined ? await listBlocs(deps.db) : [await getBloc(deps.db, opts.blocId)].filter((b) => b !== undefined);
  const results: PublishResult[] = [];
  for (const bloc of blocs) {
    const schedule = await getDigestSchedule(deps.db, bloc.id);
    const slot = latestSummarySlot(schedule, now, deps.timeZone);
    if (!slot) continue;
    if (!schedule.enabled) {
      results.push({ blocId: bloc.id, periodKey: summaryKey(slot.kind, slot.year), status: 'disabled', messages: 0 });
      continue;
    }
    const r = await publishSummary(deps, bloc.id, slot.kind, slot.year, now);
    if (r.status === 'sent') deps.logger?.info({ blocId: bloc.id, summary: r.periodKey, messages: r.messages }, 'summary queued');
    results.push(r);
  }
  return results;
}

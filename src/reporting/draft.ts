// Beginning or resuming a report draft in a conversation (the bot's /baocao and its period
// buttons; Zalo's later). A draft is resumed rather than replaced; a draft for a period no longer
// taken is not resumed (it could not be sent) but kept, to move or cancel (draft-move.ts).
import { startDraft } from '../core/report-flow/machine.js';
import type { ReportDraft } from '../core/report-flow/types.js';
import type { ReportingPeriod } from '../core/periods.js';
import type { Db } from '../db/connection.js';
import { getReport, type ProgressReport } from '../db/reports.js';
import { type ConversationKey, loadState, saveState } from './conversation.js';
import { isBlocPeriod, isTaken, lastDayTakenOf, periodOfKey, takenPeriod } from './period-taken.js';
import { draftTarget, openPeriods } from './report-context.js';
import type { Reporter, When } from './reporter.js';

export type Started = {
  kind: 'started';
  draft: ReportDraft;
  version: number;
  /** The report stored for the period, which the draft revises (undefined: a new report). */
  stored: ProgressReport | undefined;
};

export type BeginOutcome =
  | Started
  | { kind: 'resumed'; draft: ReportDraft; version: number }
  | {
      kind: 'choosePeriod';
      version: number;
      periods: { period: ReportingPeriod; reported: boolean }[];
      /** The last day the previous (last listed) period is taken. */
      lastDay: string;
    }
  | { kind: 'draftNotTaken'; draft: ReportDraft; version: number };

/** Resumes the conversation's draft, or begins one when a single period is taken, or asks which. */
export async function beginOrResume(
  trx: Db,
  reporter: Reporter,
  key: ConversationKey,
  when: When,
): Promise<BeginOutcome> {
  const { bloc, unit } = reporter;
  const state = await loadState(trx, key);
  if (state.draft) {
    const taken = isTaken(bloc, state.draft.period, when.now, when.timeZone);
    return { kind: taken ? 'resumed' : 'draftNotTaken', draft: state.draft, version: state.version };
  }
  const periods = openPeriods(bloc, when.now, when.timeZone);
  if (periods.length === 1) return begin(trx, reporter, key, periods[0]!, state.version, when);
  const choices = [];
  for (const period of periods) {
    choices.push({ period, reported: (await getReport(trx, bloc.id, unit.id, period.key)) !== undefined });
  }
  return {
    kind: 'choosePeriod',
    version: await saveState(trx, key, null, state.version, when.now),
    periods: choices,
    lastDay: lastDayTakenOf(bloc, periods.at(-1)!),
  };
}

export type BeginForPeriodOutcome =
  | Started
  /** Another draft is being written: send or cancel it first. */
  | { kind: 'busy'; draft: ReportDraft; version: number }
  | { kind: 'draftNotTaken'; draft: ReportDraft; version: number }
  | { kind: 'periodNotTaken'; period: ReportingPeriod }
  /** A period never offered for this bloc now, or a choice drawn for another state of the conversation. */
  | { kind: 'stale' };

/**
 * Begins a draft for the period a person chose. With `expectedVersion` (a choice offered for one
 * state of the conversation) anything changed since makes the choice stale.
 */
export async function beginForPeriod(
  trx: Db,
  reporter: Reporter,
  key: ConversationKey,
  periodKey: string,
  expectedVersion: number | undefined,
  when: When,
): Promise<BeginForPeriodOutcome> {
  const period = periodOfKey(periodKey);
  if (!period) return { kind: 'stale' };
  const { bloc } = reporter;
  const state = await loadState(trx, key);
  if (expectedVersion !== undefined && (state.version !== expectedVersion || state.draft)) return { kind: 'stale' };
  if (state.draft) {
    const taken = isTaken(bloc, state.draft.period, when.now, when.timeZone);
    return { kind: taken ? 'busy' : 'draftNotTaken', draft: state.draft, version: state.version };
  }
  if (!isBlocPeriod(bloc, period, when.now, when.timeZone)) return { kind: 'stale' };
  const open = takenPeriod(bloc, period.key, when.now, when.timeZone);
  if (!open) return { kind: 'periodNotTaken', period };
  return begin(trx, reporter, key, open, state.version, when);
}

async function begin(
  trx: Db,
  reporter: Reporter,
  key: ConversationKey,
  period: ReportingPeriod,
  expectedVersion: number,
  when: When,
): Promise<Started> {
  const target = await draftTarget(trx, reporter, period);
  const draft = startDraft(target);
  const version = await saveState(trx, key, draft, expectedVersion, when.now);
  return { kind: 'started', draft, version, stored: target.stored };
}

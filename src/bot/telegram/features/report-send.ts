// Sending, "nothing new", cancelling and moving a draft. The report is stored by the use cases
// every channel shares (src/reporting: submit, nil report); this feature checks the button's draft
// version and clears the draft in the same transaction, so a double tap on "Gửi" stores one report
// (or one revision) and the second tap is answered as a stale button, and renders each outcome: a
// receipt, a conflict with another focal point's report (report-conflict.ts), a period the bot no
// longer takes (period-closed.ts).
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import type { ReceiptFacts } from '../../../core/report-flow/error-text.js';
import { canOfferNil, type DraftSubmission, movePeriod, toSubmission } from '../../../core/report-flow/submission.js';
import type { ReportDraft } from '../../../core/report-flow/types.js';
import { periodFromKey } from '../../../core/periods.js';
import type { Db } from '../../../db/connection.js';
import { submitNilReport } from '../../../reporting/nil-report.js';
import { isBlocPeriod, isTaken } from '../../../reporting/period-taken.js';
import { draftTarget, openPeriods } from '../../../reporting/report-context.js';
import { reporterOf } from '../../../reporting/reporter.js';
import { type ReportEntries, submitEntries } from '../../../reporting/submit.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import { type ConversationKey, loadState, saveState } from '../../conversation/conversation-store.js';
import type { BotDeps } from '../deps.js';
import type { ActiveFocalPoint } from '../../conversation/identity.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import { showClosedDraft, showClosedPeriod } from './period-closed.js';
import { renderStep } from '../render-step.js';
import { type ConflictOutcome, conflictOutcome, describeOverride, showConflict } from './report-conflict.js';
import { acknowledgeTap, reply } from '../reply.js';
import { activeOf, conversationKeyOf } from '../session.js';

type SendOutcome =
  | { kind: 'sent'; receipt: ReceiptFacts; periodKey: string }
  /** The bot no longer takes the draft's period (locked, or older than the previous one). */
  | { kind: 'closed'; draft: ReportDraft; version: number }
  | { kind: 'already_reported'; label: string }
  | ConflictOutcome
  | { kind: 'stale' };

/** Sends the draft (or "nothing new" for its period) through the use case, and clears it once stored. */
async function sendDraft(
  trx: Db,
  deps: BotDeps,
  s: ActiveFocalPoint,
  key: ConversationKey,
  draft: ReportDraft,
  version: number,
  isNil: boolean,
): Promise<SendOutcome> {
  const reporter = reporterOf(s, 'telegram');
  const when = { now: deps.now(), timeZone: deps.timeZone };
  const submission = isNil ? null : toSubmission(draft);
  if (!isNil && !submission) return { kind: 'stale' };
  const outcome = submission
    ? await submitEntries(trx, reporter, entriesOfDraft(draft, submission), when)
    : await submitNilReport(trx, reporter, draft.period.key, when);
  switch (outcome.kind) {
    case 'periodNotTaken':
      return { kind: 'closed', draft, version };
    case 'conflict':
      return conflictOutcome(outcome, draft, version);
    case 'alreadyReported':
      await saveState(trx, key, null, version, when.now);
      return { kind: 'already_reported', label: outcome.label };
    case 'stored':
      await saveState(trx, key, null, version, when.now);
      return { kind: 'sent', receipt: outcome.receipt, periodKey: draft.period.key };
  }
}

function entriesOfDraft(draft: ReportDraft, submission: DraftSubmission): ReportEntries {
  return {
    periodKey: draft.period.key,
    base: draft.base && { reportId: draft.base.reportId, revision: draft.base.revision },
    values: submission.values,
    texts: submission.texts,
    files: submission.attachments.map((attachment) => ({ source: 'telegram' as const, attachment })),
  };
}

async function showSendOutcome(ctx: Context, deps: BotDeps, outcome: SendOutcome): Promise<void> {
  if (outcome.kind === 'stale') {
    await ctx.answerCbQuery(M.stale);
    return;
  }
  await acknowledgeTap(ctx);
  if (outcome.kind === 'conflict') return showConflict(ctx, deps, outcome);
  if (outcome.kind === 'already_reported') return reply(ctx, M.alreadyReported(outcome.label));
  if (outcome.kind === 'closed') return showClosedDraft(ctx, deps, outcome.draft, outcome.version);
  await reply(ctx, M.receipt(outcome.receipt), {
    inline_keyboard: [[{ text: BUTTONS.editReport, callback_data: callbackData.reportPeriod(outcome.periodKey) }]],
  });
}

/**
 * "Nothing new" for a period straight from a reminder button: stored at once unless the unit
 * already reported, the period is not taken, or a draft with entries for that period is in progress.
 */
async function nilForPeriod(
  trx: Db,
  deps: BotDeps,
  s: ActiveFocalPoint,
  key: ConversationKey,
  periodKey: string,
): Promise<
  | SendOutcome
  | { kind: 'busy'; draft: ReportDraft; version: number }
  | { kind: 'period_closed'; period: ReturnType<typeof periodFromKey> }
> {
  let period: ReturnType<typeof periodFromKey>;
  try {
    period = periodFromKey(periodKey);
  } catch {
    return { kind: 'stale' };
  }
  const now = deps.now();
  // A key of another cadence or a period still to come is no button the bot drew for this bloc now.
  if (!isBlocPeriod(s.bloc, period, now, deps.timeZone)) return { kind: 'stale' };
  if (!isTaken(s.bloc, period, now, deps.timeZone)) return { kind: 'period_closed', period };
  const state = await loadState(trx, key);
  const draft = state.draft?.period.key === period.key ? state.draft : null;
  if (draft && !canOfferNil(draft)) return { kind: 'busy', draft, version: state.version };
  const outcome = await submitNilReport(trx, reporterOf(s, 'telegram'), period.key, {
    now,
    timeZone: deps.timeZone,
  });
  if (outcome.kind === 'periodNotTaken') return { kind: 'period_closed', period };
  if (outcome.kind === 'alreadyReported') return { kind: 'already_reported', label: outcome.label };
  // An untouched draft for that period is done with: the report it would have become is stored.
  if (draft) await saveState(trx, key, null, state.version, now);
  return { kind: 'sent', receipt: outcome.receipt, periodKey: period.key };
}

type CancelOutcome = { kind: 'cancelled'; draft: ReportDraft } | { kind: 'no_draft' } | { kind: 'stale' };

async function cancel(ctx: Context, deps: BotDeps, expectedVersion?: number): Promise<CancelOutcome> {
  const key = conversationKeyOf(ctx);
  return deps.db.transaction().execute(async (trx) => {
    const state = await loadState(trx, key);
    if (expectedVersion !== undefined && state.version !== expectedVersion) return { kind: 'stale' };
    if (!state.draft) return expectedVersion !== undefined ? { kind: 'stale' } : { kind: 'no_draft' };
    await saveState(trx, key, null, state.version, deps.now());
    return { kind: 'cancelled', draft: state.draft };
  });
}

export function reportSendFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();

  feature.command('huy', async (ctx) => {
    const outcome = await cancel(ctx, deps);
    if (outcome.kind !== 'cancelled') return reply(ctx, M.noDraftToCancel);
    await reply(ctx, M.cancelled(outcome.draft.period.label, outcome.draft.base !== null));
  });

  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== 'nil_period') return next();
    const s = activeOf(ctx);
    const outcome = await deps.db
      .transaction()
      .execute((trx) => nilForPeriod(trx, deps, s, conversationKeyOf(ctx), action.periodKey));
    if (outcome.kind === 'period_closed') {
      await acknowledgeTap(ctx);
      return showClosedPeriod(ctx, deps, outcome.period);
    }
    if (outcome.kind === 'busy') {
      await acknowledgeTap(ctx);
      const step = renderStep(outcome.draft, outcome.version, s.unit.name);
      return reply(ctx, `${M.draftBusy(outcome.draft.period.label)}\n\n${step.text}`, step.keyboard);
    }
    await showSendOutcome(ctx, deps, outcome);
  });

  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== 'draft' || !['send', 'nil', 'cancel', 'move'].includes(action.action.kind)) return next();
    const s = activeOf(ctx);
    const key = conversationKeyOf(ctx);
    const kind = action.action.kind;

    if (kind === 'cancel') {
      const outcome = await cancel(ctx, deps, action.version);
      if (outcome.kind !== 'cancelled') return ctx.answerCbQuery(M.stale);
      await acknowledgeTap(ctx);
      return reply(ctx, M.cancelled(outcome.draft.period.label, outcome.draft.base !== null));
    }

    if (kind === 'move') {
      const moved = await deps.db.transaction().execute(async (trx) => {
        const state = await loadState(trx, key);
        const current = openPeriods(s.bloc, deps.now(), deps.timeZone)[0]!;
        if (state.version !== action.version || !state.draft || state.draft.period.key === current.key) return null;
        const target = await draftTarget(trx, s, current);
        const { draft, overrides } = movePeriod(state.draft, target);
        const replaces = target.existing ? overrides : [];
        return { draft, replaces, version: await saveState(trx, key, draft, state.version, deps.now()) };
      });
      if (!moved) return ctx.answerCbQuery(M.stale);
      await acknowledgeTap(ctx);
      const step = renderStep(moved.draft, moved.version, s.unit.name);
      // Over a report another focal point already sent for that period, say what sending would replace.
      const replaces = moved.replaces.length > 0 ? `\n${M.movedOverrides(moved.replaces.map(describeOverride))}` : '';
      return reply(ctx, `${M.moved(moved.draft.period.label)}${replaces}\n\n${step.text}`, step.keyboard);
    }

    const outcome = await deps.db.transaction().execute(async (trx): Promise<SendOutcome> => {
      const state = await loadState(trx, key);
      if (state.version !== action.version || !state.draft) return { kind: 'stale' };
      if (kind === 'send' && state.draft.step.kind !== 'summary') return { kind: 'stale' };
      if (kind === 'nil' && !canOfferNil(state.draft)) return { kind: 'stale' };
      return sendDraft(trx, deps, s, key, state.draft, state.version, kind === 'nil');
    });
    await showSendOutcome(ctx, deps, outcome);
  });

  return feature;
}

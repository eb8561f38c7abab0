// Sending, "nothing new", cancelling and moving a draft. Sending checks the draft's version and
// deletes the draft in the same transaction as submitReport, so a double tap on "Gửi" stores one
// report (or one revision) and the second tap is answered as a stale button. It also refuses a
// draft started before another focal point of the unit sent or revised the report (report-conflict.ts),
// and a draft or a reminder's "nothing new" for a period the bot no longer takes (period-closed.ts).
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import { canOfferNil, movePeriod, toSubmission } from '../../../core/report-flow/submission.js';
import type { ReportDraft } from '../../../core/report-flow/types.js';
import { isOnTime, periodFromKey } from '../../../core/periods.js';
import { formatDateTimeVi } from '../../../core/time.js';
import type { Db } from '../../../db/connection.js';
import { listCriteria } from '../../../db/covenant.js';
import { getReport, submitReport } from '../../../db/reports.js';
import type { ProgressReport } from '../../../db/schema.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import { type ConversationKey, loadState, saveState } from '../../conversation/conversation-store.js';
import type { BotDeps } from '../deps.js';
import type { ActiveFocalPoint } from '../../conversation/identity.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import { isBlocPeriod, isTaken, showClosedDraft, showClosedPeriod } from './period-closed.js';
import { renderStep } from '../render-step.js';
import { type ConflictOutcome, conflictOf, showConflict } from './report-conflict.js';
import { acknowledgeTap, reply } from '../reply.js';
import {
  deadlinesOf,
  draftTarget,
  dueDateOf,
  lockDateOf,
  openPeriods,
  yearOfPeriod,
} from '../../../reporting/report-context.js';
import { activeOf, conversationKeyOf } from '../session.js';
import { describeOverride } from './report-conflict.js';

type SendOutcome =
  | { kind: 'sent'; report: ProgressReport; attachments: number }
  /** The bot no longer takes the draft's period (locked, or older than the previous one). */
  | { kind: 'closed'; draft: ReportDraft; version: number }
  | { kind: 'already_reported'; draft: ReportDraft }
  | ConflictOutcome
  | { kind: 'stale' };

async function store(
  trx: Db,
  deps: BotDeps,
  s: ActiveFocalPoint,
  key: ConversationKey,
  draft: ReportDraft,
  version: number,
  isNil: boolean,
): Promise<SendOutcome> {
  const now = deps.now();
  if (!isTaken(s.bloc, draft.period, now, deps.timeZone)) return { kind: 'closed', draft, version };
  const submission = toSubmission(draft);
  if (!isNil && !submission) return { kind: 'stale' };
  if (isNil && (await getReport(trx, s.bloc.id, s.unit.id, draft.period.key))) {
    await saveState(trx, key, null, version, now);
    return { kind: 'already_reported', draft };
  }
  if (!isNil) {
    // Never replace a report the draft's author has not seen: keep the draft and let them rebase it.
    const conflict = await conflictOf(trx, s, draft, version);
    if (conflict) return conflict;
  }
  // A criterion removed from the covenant while the draft waited cannot take a value any more.
  const live = new Set((await listCriteria(trx, s.bloc.id, yearOfPeriod(draft.period))).map((c) => c.id));
  await submitReport(trx, {
    blocId: s.bloc.id,
    unitId: s.unit.id,
    period: draft.period,
    isNil,
    values: isNil ? [] : submission!.values.filter((v) => live.has(v.criterionId)),
    notableResults: isNil ? null : submission!.texts.notableResults,
    difficulties: isNil ? null : submission!.texts.difficulties,
    proposals: isNil ? null : submission!.texts.proposals,
    attachments: (isNil ? [] : submission!.attachments).map((a) => ({
      kind: a.kind,
      telegramFileId: a.fileId,
      telegramFileUniqueId: a.fileUniqueId,
      fileName: a.fileName,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
      caption: a.caption,
    })),
    submittedBy: { focalPointId: s.focalPoint.id },
    via: 'telegram',
    at: now,
  });
  await saveState(trx, key, null, version, now);
  const report = (await getReport(trx, s.bloc.id, s.unit.id, draft.period.key))!;
  return { kind: 'sent', report, attachments: isNil ? 0 : draft.attachments.length };
}

async function showSendOutcome(ctx: Context, deps: BotDeps, outcome: SendOutcome): Promise<void> {
  const s = activeOf(ctx);
  if (outcome.kind === 'stale') {
    await ctx.answerCbQuery(M.stale);
    return;
  }
  await acknowledgeTap(ctx);
  if (outcome.kind === 'conflict') return showConflict(ctx, deps, outcome);
  if (outcome.kind === 'already_reported') return reply(ctx, M.alreadyReported(outcome.draft.period.label));
  if (outcome.kind === 'closed') return showClosedDraft(ctx, deps, outcome.draft, outcome.version);
  const r = outcome.report;
  const period = periodFromKey(r.period_key);
  const text = M.receipt({
    label: period.label,
    unit: s.unit.name,
    at: formatDateTimeVi(new Date(r.updated_at), deps.timeZone),
    revision: r.revision,
    onTime: isOnTime(new Date(r.first_submitted_at), deadlinesOf(s.bloc, period, deps.timeZone)),
    dueDate: dueDateOf(s.bloc, period),
    lockDate: lockDateOf(s.bloc, period),
    isNil: r.is_nil === 1,
    attachments: outcome.attachments,
  });
  await reply(ctx, text, {
    inline_keyboard: [[{ text: BUTTONS.editReport, callback_data: callbackData.reportPeriod(r.period_key) }]],
  });
}

/**
 * "Nothing new" for a period straight from a reminder button: stored at once unless the unit
 * already reported, the period is locked, or a draft with entries for that period is in progress.
 */
async function storeNilForPeriod(
  trx: Db,
  deps: BotDeps,
  s: ActiveFocalPoint,
  key: ConversationKey,
  periodKey: string,
): Promise<
  | SendOutcome
  | { kind: 'busy'; draft: ReportDraft; version: number }
  | { kind: 'period_closed'; period: ReturnType<typeof periodFromKey> }
  | { kind: 'has_report'; label: string }
> {
  let period: ReturnType<typeof periodFromKey>;
  try {
    period = periodFromKey(periodKey);
  } catch {
    return { kind: 'stale' };
  }
  // A key of another cadence or a period still to come is no button the bot drew for this bloc now.
  if (!isBlocPeriod(s.bloc, period, deps.now(), deps.timeZone)) return { kind: 'stale' };
  const open = openPeriods(s.bloc, deps.now(), deps.timeZone).find((p) => p.key === period.key);
  if (!open) return { kind: 'period_closed', period };
  const state = await loadState(trx, key);
  if (state.draft && state.draft.period.key === open.key && !canOfferNil(state.draft)) {
    return { kind: 'busy', draft: state.draft, version: state.version };
  }
  if (await getReport(trx, s.bloc.id, s.unit.id, open.key)) {
    return { kind: 'has_report', label: open.label };
  }
  const draft = state.draft?.period.key === open.key ? state.draft : null;
  if (draft) return store(trx, deps, s, key, draft, state.version, true);
  const now = deps.now();
  await submitReport(trx, {
    blocId: s.bloc.id,
    unitId: s.unit.id,
    period: { kind: s.bloc.reporting_cadence, key: open.key, start: open.start, end: open.end },
    isNil: true,
    values: [],
    notableResults: null,
    difficulties: null,
    proposals: null,
    submittedBy: { focalPointId: s.focalPoint.id },
    via: 'telegram',
    at: now,
  });
  return { kind: 'sent', report: (await getReport(trx, s.bloc.id, s.unit.id, open.key))!, attachments: 0 };
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
      .execute((trx) => storeNilForPeriod(trx, deps, s, conversationKeyOf(ctx), action.periodKey));
    if (outcome.kind === 'period_closed') {
      await acknowledgeTap(ctx);
      return showClosedPeriod(ctx, deps, outcome.period);
    }
    if (outcome.kind === 'has_report') {
      await acknowledgeTap(ctx);
      return reply(ctx, M.alreadyReported(outcome.label));
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
      return store(trx, deps, s, key, state.draft, state.version, kind === 'nil');
    });
    await showSendOutcome(ctx, deps, outcome);
  });

  return feature;
}

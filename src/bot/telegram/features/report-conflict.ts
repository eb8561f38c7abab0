// Two focal points of one unit drafting the same period: sending checks that the report stored
// now is the one the draft started from (baseConflict). If another focal point sent or revised it
// meanwhile, nothing is stored, the draft is kept, and its author may rebase the draft on the
// stored report (their own entries kept) or cancel. A draft whose period the bot no longer takes is
// not reloaded (it could not be sent): its author is told why and may move it or cancel.
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import { type BaseConflict, baseConflict, type Override, rebaseDraft } from '../../../core/report-flow/base-check.js';
import type { ReportDraft } from '../../../core/report-flow/types.js';
import { periodFromKey } from '../../../core/periods.js';
import { formatDateTimeVi } from '../../../core/time.js';
import type { Db } from '../../../db/connection.js';
import { revisionAuthor, revisionContent } from '../../../db/report-revisions.js';
import { getReport } from '../../../db/reports.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import { loadState, saveState } from '../../conversation/conversation-store.js';
import type { BotDeps } from '../deps.js';
import type { ActiveFocalPoint } from '../../conversation/identity.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import { renderStep } from '../render-step.js';
import { acknowledgeTap, reply } from '../reply.js';
import { draftTarget } from '../../../reporting/report-context.js';
import { activeOf, conversationKeyOf } from '../session.js';
import { isTaken, showClosedDraft } from './period-closed.js';

/** A refused send: what is stored now, and by whom. */
export interface ConflictOutcome {
  kind: 'conflict';
  draft: ReportDraft;
  version: number;
  conflict: BaseConflict;
  who: string;
  /** The channel the stored revision came through (the other one may be the author's own). */
  via: string;
  at: Date;
}

/** The conflict between the draft and the report stored now for its period, if any (inside the send's transaction). */
export async function conflictOf(
  trx: Db,
  s: ActiveFocalPoint,
  draft: ReportDraft,
  version: number,
): Promise<ConflictOutcome | null> {
  const stored = await getReport(trx, s.bloc.id, s.unit.id, draft.period.key);
  const conflict = baseConflict(draft, stored ? { reportId: stored.id, revision: stored.revision } : null);
  if (!conflict || !stored) return null;
  const author = await revisionAuthor(trx, stored.id, stored.revision);
  const who = M.conflictAuthor({
    focalPointName: author?.focalPointName ?? null,
    admin: author?.admin ?? null,
    self: author?.focalPointId === s.focalPoint.id,
  });
  return {
    kind: 'conflict',
    draft,
    version,
    conflict,
    who,
    via: M.channel[stored.submitted_via],
    at: new Date(author?.submittedAt ?? stored.updated_at),
  };
}

/** Tells the author why the draft was not stored, with "reload on the stored report" and "cancel". */
export async function showConflict(ctx: Context, deps: BotDeps, outcome: ConflictOutcome): Promise<void> {
  const s = activeOf(ctx);
  const text = M.baseConflict({
    label: outcome.draft.period.label,
    unit: s.unit.name,
    who: outcome.who,
    at: formatDateTimeVi(outcome.at, deps.timeZone),
    via: outcome.via,
    revision: outcome.conflict.revision,
    created: outcome.conflict.kind === 'created',
  });
  await reply(ctx, text, {
    inline_keyboard: [
      [{ text: BUTTONS.rebase, callback_data: callbackData.draft(outcome.version, { kind: 'rebase' }) }],
      [{ text: BUTTONS.cancel, callback_data: callbackData.draft(outcome.version, { kind: 'cancel' }) }],
    ],
  });
}

/** One line saying which entry replaces what the stored report holds. */
export function describeOverride(o: Override): string {
  return o.kind === 'value' ? M.overrideValue(o.criterion, o.mine, o.stored) : M.overrideText(o.field);
}

type RebaseOutcome =
  | { kind: 'rebased'; draft: ReportDraft; version: number; revision: number; overrides: Override[] }
  | { kind: 'closed'; draft: ReportDraft; version: number }
  | { kind: 'stale' };

export function reportConflictFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== 'draft' || action.action.kind !== 'rebase') return next();
    const s = activeOf(ctx);
    const key = conversationKeyOf(ctx);
    const outcome = await deps.db.transaction().execute(async (trx): Promise<RebaseOutcome> => {
      const state = await loadState(trx, key);
      if (state.version !== action.version || !state.draft) return { kind: 'stale' };
      const draft = state.draft;
      if (!isTaken(s.bloc, draft.period, deps.now(), deps.timeZone)) {
        return { kind: 'closed', draft, version: state.version };
      }
      const target = await draftTarget(trx, s, periodFromKey(draft.period.key));
      if (!target.existing) return { kind: 'stale' };
      // What the author started from: their base revision, or nothing for a new report.
      const base = draft.base ? ((await revisionContent(trx, draft.base.reportId, draft.base.revision)) ?? null) : null;
      const rebased = rebaseDraft(draft, base, target);
      const version = await saveState(trx, key, rebased.draft, state.version, deps.now());
      return {
        kind: 'rebased',
        draft: rebased.draft,
        version,
        revision: target.existing.revision,
        overrides: rebased.overrides,
      };
    });
    if (outcome.kind === 'stale') return ctx.answerCbQuery(M.stale);
    await acknowledgeTap(ctx);
    if (outcome.kind === 'closed') return showClosedDraft(ctx, deps, outcome.draft, outcome.version);
    const step = renderStep(outcome.draft, outcome.version, s.unit.name);
    const intro = M.rebased(outcome.draft.period.label, outcome.revision, outcome.overrides.map(describeOverride));
    await reply(ctx, `${intro}\n\n${step.text}`, step.keyboard);
  });
  return feature;
}

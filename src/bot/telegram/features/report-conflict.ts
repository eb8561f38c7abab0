// Two focal points of one unit drafting the same period: sending checks that the report stored
// now is the one the draft started from (the submit use case). If another focal point sent or revised it
// meanwhile, nothing is stored, the draft is kept, and its author may rebase the draft on the
// stored report (their own entries kept) or cancel. A draft whose period the bot no longer takes is
// not reloaded (it could not be sent): its author is told why and may move it or cancel.
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import type { BaseConflict, Override } from '../../../core/report-flow/base-check.js';
import type { ReportDraft } from '../../../core/report-flow/types.js';
import { formatDateTimeVi } from '../../../core/time.js';
import { isTaken } from '../../../reporting/period-taken.js';
import { rebaseOnStored } from '../../../reporting/rebase.js';
import type { SubmitOutcome } from '../../../reporting/submit.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import { loadState, saveState } from '../../conversation/conversation-store.js';
import type { BotDeps } from '../deps.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import { renderStep } from '../render-step.js';
import { acknowledgeTap, reply } from '../reply.js';
import { activeOf, conversationKeyOf } from '../session.js';
import { showClosedDraft } from './period-closed.js';

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

/** The bot's conflict from the submit use case's: the draft kept, the stored revision's author named. */
export function conflictOutcome(
  c: Extract<SubmitOutcome, { kind: 'conflict' }>,
  draft: ReportDraft,
  version: number,
): ConflictOutcome {
  return {
    kind: 'conflict',
    draft,
    version,
    conflict: c.conflict,
    who: M.conflictAuthor(c.author),
    via: M.channel[c.stored.submitted_via],
    at: c.author.at,
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
      const rebased = await rebaseOnStored(trx, s, draft);
      if (rebased.kind !== 'rebased') return { kind: 'stale' };
      const version = await saveState(trx, key, rebased.draft, state.version, deps.now());
      return { ...rebased, version };
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

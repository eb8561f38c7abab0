// Two focal points of one unit drafting the same period: sending checks that the report stored
// now is the one the draft started from (the submit use case). If another focal point sent or revised it
// meanwhile, nothing is stored, the draft is kept, and its author may rebase the draft on the
// stored report (their own entries kept) or cancel. A draft whose period the bot no longer takes is
// not reloaded (it could not be sent): its author is told why and may move it or cancel.
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import type { Override } from '../../../core/report-flow/base-check.js';
import { formatDateTimeVi } from '../../../core/time.js';
import { rebaseConversationDraft } from '../../../reporting/rebase.js';
import { reporterOf } from '../../../reporting/reporter.js';
import type { SendOutcome } from '../../../reporting/draft-send.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import type { BotDeps } from '../deps.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import { renderStep } from '../render-step.js';
import { acknowledgeTap, reply } from '../reply.js';
import { activeOf, conversationKeyOf } from '../session.js';
import { showClosedDraft } from './period-closed.js';

/** Tells the author why the draft was not stored, with "reload on the stored report" and "cancel". */
export async function showConflict(
  ctx: Context,
  deps: BotDeps,
  outcome: Extract<SendOutcome, { kind: 'conflict' }>,
): Promise<void> {
  const s = activeOf(ctx);
  const text = M.baseConflict({
    label: outcome.draft.period.label,
    unit: s.unit.name,
    who: M.conflictAuthor(outcome.author),
    at: formatDateTimeVi(outcome.author.at, deps.timeZone),
    via: M.channel[outcome.stored.submittedVia],
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

export function reportConflictFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== 'draft' || action.action.kind !== 'rebase') return next();
    const s = activeOf(ctx);
    const key = conversationKeyOf(ctx);
    const outcome = await deps.db.transaction().execute((trx) =>
      rebaseConversationDraft(trx, reporterOf(s, 'telegram'), key, action.version, {
        now: deps.now(),
        timeZone: deps.timeZone,
      }),
    );
    if (outcome.kind === 'stale') return ctx.answerCbQuery(M.stale);
    await acknowledgeTap(ctx);
    if (outcome.kind === 'periodNotTaken') return showClosedDraft(ctx, deps, outcome.draft, outcome.version);
    const step = renderStep(outcome.draft, outcome.version, s.unit.name);
    const intro = M.rebased(outcome.draft.period.label, outcome.revision, outcome.overrides.map(describeOverride));
    await reply(ctx, `${intro}\n\n${step.text}`, step.keyboard);
  });
  return feature;
}

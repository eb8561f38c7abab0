// Sending, "nothing new", cancelling and moving a draft: the use cases (src/reporting:
// draft-send.ts, draft-move.ts) store and check; this feature parses the button, identifies the
// sender and renders each outcome: a receipt, a conflict with another focal point's report
// (report-conflict.ts), a period the bot no longer takes (period-closed.ts), or a stale button.
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import { cancelDraft, moveDraftToCurrent } from '../../../reporting/draft-move.js';
import { nilForPeriod, type SendOutcome, sendDraft } from '../../../reporting/draft-send.js';
import { reporterOf } from '../../../reporting/reporter.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import type { BotDeps } from '../deps.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import { showClosedDraft, showClosedPeriod } from './period-closed.js';
import { renderStep } from '../render-step.js';
import { describeOverride, showConflict } from './report-conflict.js';
import { acknowledgeTap, reply } from '../reply.js';
import { activeOf, conversationKeyOf } from '../session.js';

async function showSendOutcome(ctx: Context, deps: BotDeps, outcome: SendOutcome): Promise<void> {
  if (outcome.kind === 'stale') {
    await ctx.answerCbQuery(M.stale);
    return;
  }
  await acknowledgeTap(ctx);
  if (outcome.kind === 'conflict') return showConflict(ctx, deps, outcome);
  if (outcome.kind === 'alreadyReported') return reply(ctx, M.alreadyReported(outcome.label));
  if (outcome.kind === 'periodNotTaken') return showClosedDraft(ctx, deps, outcome.draft, outcome.version);
  await reply(ctx, M.receipt(outcome.receipt), {
    inline_keyboard: [[{ text: BUTTONS.editReport, callback_data: callbackData.reportPeriod(outcome.periodKey) }]],
  });
}

export function reportSendFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const when = () => ({ now: deps.now(), timeZone: deps.timeZone });

  feature.command('huy', async (ctx) => {
    const key = conversationKeyOf(ctx);
    const outcome = await deps.db.transaction().execute((trx) => cancelDraft(trx, key, undefined, when()));
    if (outcome.kind !== 'cancelled') return reply(ctx, M.noDraftToCancel);
    await reply(ctx, M.cancelled(outcome.draft.period.label, outcome.draft.base !== null));
  });

  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== 'nil_period') return next();
    const s = activeOf(ctx);
    const key = conversationKeyOf(ctx);
    const outcome = await deps.db
      .transaction()
      .execute((trx) => nilForPeriod(trx, reporterOf(s, 'telegram'), key, action.periodKey, when()));
    if (outcome.kind === 'periodClosed') {
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
    const reporter = reporterOf(s, 'telegram');
    const key = conversationKeyOf(ctx);
    const kind = action.action.kind;

    if (kind === 'cancel') {
      const outcome = await deps.db.transaction().execute((trx) => cancelDraft(trx, key, action.version, when()));
      if (outcome.kind !== 'cancelled') return ctx.answerCbQuery(M.stale);
      await acknowledgeTap(ctx);
      return reply(ctx, M.cancelled(outcome.draft.period.label, outcome.draft.base !== null));
    }

    if (kind === 'move') {
      const moved = await deps.db
        .transaction()
        .execute((trx) => moveDraftToCurrent(trx, reporter, key, action.version, when()));
      if (moved.kind === 'stale') return ctx.answerCbQuery(M.stale);
      await acknowledgeTap(ctx);
      const step = renderStep(moved.draft, moved.version, s.unit.name);
      // Over a report another focal point already sent for that period, say what sending would replace.
      const replaces = moved.replaces.length > 0 ? `\n${M.movedOverrides(moved.replaces.map(describeOverride))}` : '';
      return reply(ctx, `${M.moved(moved.draft.period.label)}${replaces}\n\n${step.text}`, step.keyboard);
    }

    const what = kind === 'nil' ? 'nil' : 'report';
    const outcome = await deps.db
      .transaction()
      .execute((trx) => sendDraft(trx, reporter, key, action.version, what, when()));
    await showSendOutcome(ctx, deps, outcome);
  });

  return feature;
}

// Starting a report: /baocao (resume a draft, choose the period, or start at once), the period
// buttons, and "Sửa báo cáo này" under a receipt (any message may carry that e:<period> button).
// The draft use cases (src/reporting/draft.ts) decide; this feature renders their outcomes, a
// period the bot no longer takes, or a draft for one, in period-closed.ts's words.
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import { formatDateTimeVi } from '../../../core/time.js';
import {
  type BeginForPeriodOutcome,
  type BeginOutcome,
  beginForPeriod,
  beginOrResume,
} from '../../../reporting/draft.js';
import { yearOfPeriod } from '../../../reporting/report-context.js';
import { reporterOf } from '../../../reporting/reporter.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import type { BotDeps } from '../deps.js';
import { M } from '../../conversation/messages.js';
import { renderStep } from '../render-step.js';
import { acknowledgeTap, reply } from '../reply.js';
import { activeOf, conversationKeyOf } from '../session.js';
import { showClosedDraft, showClosedPeriod } from './period-closed.js';

type Shown = BeginOutcome | Exclude<BeginForPeriodOutcome, { kind: 'stale' }>;

async function show(ctx: Context, deps: BotDeps, outcome: Shown): Promise<void> {
  const s = activeOf(ctx);
  switch (outcome.kind) {
    case 'started': {
      const { draft, stored } = outcome;
      const intro = stored
        ? M.introEdit(
            draft.period.label,
            s.unit.name,
            stored.revision,
            formatDateTimeVi(new Date(stored.updatedAt), deps.timeZone),
          )
        : M.introNew(draft.period.label, s.unit.name, draft.criteria.length, String(yearOfPeriod(draft.period)));
      const step = renderStep(draft, outcome.version, s.unit.name);
      return reply(ctx, `${intro}\n\n${step.text}`, step.keyboard);
    }
    case 'resumed': {
      const step = renderStep(outcome.draft, outcome.version, s.unit.name);
      return reply(ctx, `${M.resume(outcome.draft.period.label)}\n\n${step.text}`, step.keyboard);
    }
    case 'busy': {
      const step = renderStep(outcome.draft, outcome.version, s.unit.name);
      return reply(ctx, `${M.draftBusy(outcome.draft.period.label)}\n\n${step.text}`, step.keyboard);
    }
    case 'choosePeriod': {
      const rows = outcome.periods.map(({ period, reported }) => [
        {
          text: M.periodButton(period.label, reported),
          callback_data: callbackData.period(outcome.version, period.key),
        },
      ]);
      return reply(ctx, M.choosePeriod(outcome.lastDay), { inline_keyboard: rows });
    }
    case 'periodNotTaken':
      return showClosedPeriod(ctx, deps, outcome.period);
    case 'draftNotTaken':
      return showClosedDraft(ctx, deps, outcome.draft, outcome.version, M.draftPending(outcome.draft.period.label));
  }
}

export function reportStartFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const when = () => ({ now: deps.now(), timeZone: deps.timeZone });

  feature.command('baocao', async (ctx) => {
    const reporter = reporterOf(activeOf(ctx), 'telegram');
    const key = conversationKeyOf(ctx);
    const outcome = await deps.db.transaction().execute((trx) => beginOrResume(trx, reporter, key, when()));
    await show(ctx, deps, outcome);
  });

  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== 'period' && action?.kind !== 'report_period') return next();
    const reporter = reporterOf(activeOf(ctx), 'telegram');
    const key = conversationKeyOf(ctx);
    // A period choice belongs to the conversation's state it was drawn for; "Sửa báo cáo này" to none.
    const version = action.kind === 'period' ? action.version : undefined;
    const outcome = await deps.db
      .transaction()
      .execute((trx) => beginForPeriod(trx, reporter, key, action.periodKey, version, when()));
    if (outcome.kind === 'stale') return ctx.answerCbQuery(M.stale);
    await acknowledgeTap(ctx);
    await show(ctx, deps, outcome);
  });

  return feature;
}

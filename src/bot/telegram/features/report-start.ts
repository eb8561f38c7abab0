// Starting a report: /baocao (resume a draft, choose the period, or start at once), the period
// buttons, and "Sửa báo cáo này" under a receipt (any message may carry that e:<period> button).
// A period the bot no longer takes, or a draft for one, is refused in period-closed.ts's words.
import { Composer, type Context } from 'telegraf';
import { callbackQuery } from 'telegraf/filters';
import { startDraft } from '../../../core/report-flow/machine.js';
import type { ReportDraft } from '../../../core/report-flow/types.js';
import { periodFromKey, type ReportingPeriod } from '../../../core/periods.js';
import { formatDateTimeVi } from '../../../core/time.js';
import type { Db } from '../../../db/connection.js';
import { getReport } from '../../../db/reports.js';
import { callbackData, parseCallbackData } from '../callback-data.js';
import { type ConversationKey, loadState, saveState } from '../../conversation/conversation-store.js';
import type { BotDeps } from '../deps.js';
import type { ActiveFocalPoint } from '../../conversation/identity.js';
import { M } from '../../conversation/messages.js';
import { renderStep } from '../render-step.js';
import { acknowledgeTap, reply } from '../reply.js';
import { draftTarget, openPeriods, yearOfPeriod } from '../../../reporting/report-context.js';
import { activeOf, conversationKeyOf } from '../session.js';
import { isBlocPeriod, isTaken, lastDayTakenOf } from '../../../reporting/period-taken.js';
import { showClosedDraft, showClosedPeriod } from './period-closed.js';

type StartOutcome =
  | { kind: 'started'; draft: ReportDraft; version: number; intro: string }
  | { kind: 'resume'; draft: ReportDraft; version: number }
  | { kind: 'choose'; version: number; periods: { period: ReportingPeriod; reported: boolean }[] }
  | { kind: 'closed'; period: ReportingPeriod }
  | { kind: 'draft_closed'; draft: ReportDraft; version: number }
  | { kind: 'stale' };

/** Starts a draft for the period inside the caller's transaction. */
async function begin(
  trx: Db,
  deps: BotDeps,
  s: ActiveFocalPoint,
  key: ConversationKey,
  period: ReportingPeriod,
  expectedVersion: number,
): Promise<StartOutcome> {
  const target = await draftTarget(trx, s, period);
  const draft = startDraft(target);
  const version = await saveState(trx, key, draft, expectedVersion, deps.now());
  const intro = target.stored
    ? M.introEdit(
        period.label,
        s.unit.name,
        target.stored.revision,
        formatDateTimeVi(new Date(target.stored.updated_at), deps.timeZone),
      )
    : M.introNew(period.label, s.unit.name, target.criteria.length, String(yearOfPeriod(period)));
  return { kind: 'started', draft, version, intro };
}

async function show(ctx: Context, deps: BotDeps, outcome: StartOutcome): Promise<void> {
  const s = activeOf(ctx);
  switch (outcome.kind) {
    case 'started': {
      const step = renderStep(outcome.draft, outcome.version, s.unit.name);
      return reply(ctx, `${outcome.intro}\n\n${step.text}`, step.keyboard);
    }
    case 'resume': {
      const step = renderStep(outcome.draft, outcome.version, s.unit.name);
      return reply(ctx, `${M.resume(outcome.draft.period.label)}\n\n${step.text}`, step.keyboard);
    }
    case 'choose': {
      const rows = outcome.periods.map(({ period, reported }) => [
        {
          text: M.periodButton(period.label, reported),
          callback_data: callbackData.period(outcome.version, period.key),
        },
      ]);
      const previous = outcome.periods.at(-1)!.period;
      return reply(ctx, M.choosePeriod(lastDayTakenOf(s.bloc, previous)), { inline_keyboard: rows });
    }
    case 'closed':
      return showClosedPeriod(ctx, deps, outcome.period);
    case 'draft_closed':
      return showClosedDraft(ctx, deps, outcome.draft, outcome.version, M.draftPending(outcome.draft.period.label));
    case 'stale':
      return;
  }
}

export function reportStartFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();

  feature.command('baocao', async (ctx) => {
    const s = activeOf(ctx);
    const key = conversationKeyOf(ctx);
    const outcome = await deps.db.transaction().execute(async (trx): Promise<StartOutcome> => {
      const state = await loadState(trx, key);
      if (state.draft) {
        // A draft for a period the bot no longer takes is not resumed: it could not be sent.
        const taken = isTaken(s.bloc, state.draft.period, deps.now(), deps.timeZone);
        return { kind: taken ? 'resume' : 'draft_closed', draft: state.draft, version: state.version };
      }
      const periods = openPeriods(s.bloc, deps.now(), deps.timeZone);
      if (periods.length === 1) return begin(trx, deps, s, key, periods[0]!, state.version);
      const choices = [];
      for (const period of periods) {
        choices.push({ period, reported: (await getReport(trx, s.bloc.id, s.unit.id, period.key)) !== undefined });
      }
      return { kind: 'choose', version: await saveState(trx, key, null, state.version, deps.now()), periods: choices };
    });
    await show(ctx, deps, outcome);
  });

  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== 'period' && action?.kind !== 'report_period') return next();
    const s = activeOf(ctx);
    const key = conversationKeyOf(ctx);
    let period: ReportingPeriod;
    try {
      period = periodFromKey(action.periodKey);
    } catch {
      return ctx.answerCbQuery(M.stale);
    }
    const outcome = await deps.db
      .transaction()
      .execute(async (trx): Promise<StartOutcome | { kind: 'busy'; draft: ReportDraft; version: number }> => {
        const state = await loadState(trx, key);
        if (action.kind === 'period' && (state.version !== action.version || state.draft)) return { kind: 'stale' };
        const now = deps.now();
        if (state.draft) {
          const taken = isTaken(s.bloc, state.draft.period, now, deps.timeZone);
          return { kind: taken ? 'busy' : 'draft_closed', draft: state.draft, version: state.version };
        }
        // A key of another cadence or a period still to come is no button the bot drew for this bloc now.
        if (!isBlocPeriod(s.bloc, period, now, deps.timeZone)) return { kind: 'stale' };
        const open = openPeriods(s.bloc, now, deps.timeZone).find((p) => p.key === period.key);
        if (!open) return { kind: 'closed', period };
        return begin(trx, deps, s, key, open, state.version);
      });
    if (outcome.kind === 'stale') return ctx.answerCbQuery(M.stale);
    await acknowledgeTap(ctx);
    if (outcome.kind === 'busy') {
      const step = renderStep(outcome.draft, outcome.version, s.unit.name);
      return reply(ctx, `${M.draftBusy(outcome.draft.period.label)}\n\n${step.text}`, step.keyboard);
    }
    await show(ctx, deps, outcome);
  });

  return feature;
}

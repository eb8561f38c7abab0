// What the bot says about a period it does not take a report for now. The bot, like the personal
// web link, takes only the current period and the previous one while it is not locked
// (openPeriods). A lock longer than a period leaves an older period unlocked but no longer taken:
// saying it "đã khóa sổ từ hết ngày …" a date still ahead would be untrue, so it is told apart
// from a period whose lock date has passed, in the web form's words (src/web-report/messages.ts).
import type { Context } from 'telegraf';
import { isLocked, type ReportingPeriod } from '../../../core/periods.js';
import type { ReportDraft } from '../../../core/report-flow/types.js';
import type { Bloc } from '../../../db/blocs.js';
import { callbackData } from '../callback-data.js';
import type { BotDeps } from '../deps.js';
import { BUTTONS, M } from '../../conversation/messages.js';
import type { InlineKeyboard } from '../render-step.js';
import { reply } from '../reply.js';
import { deadlinesOf, lockDateOf, openPeriods } from '../../../reporting/report-context.js';
import { activeOf } from '../session.js';

type PeriodRef = Pick<ReportingPeriod, 'kind' | 'key' | 'start' | 'end' | 'label'>;

/** Why a period the bot does not take is refused: locked (with its past lock date) or no longer taken. */
export function closedText(bloc: Bloc, period: PeriodRef, now: Date, timeZone: string): string {
  return isLocked(now, deadlinesOf(bloc, period, timeZone))
    ? M.locked(period.label, lockDateOf(bloc, period))
    : M.notOffered(period.label);
}

/** Refuses a period the bot does not take, and offers the periods it does take. */
export async function showClosedPeriod(ctx: Context, deps: BotDeps, period: PeriodRef): Promise<void> {
  const s = activeOf(ctx);
  const now = deps.now();
  const open = openPeriods(s.bloc, now, deps.timeZone);
  const keyboard: InlineKeyboard = {
    inline_keyboard: open.map((p) => [
      { text: BUTTONS.reportFor(p.label), callback_data: callbackData.reportPeriod(p.key) },
    ]),
  };
  const text = `${closedText(s.bloc, period, now, deps.timeZone)}\n${M.openPeriodsHint(open.map((p) => p.label))}`;
  return reply(ctx, text, keyboard);
}

/** Refuses a draft whose period the bot no longer takes: the draft is kept, to move to the current period or cancel. */
export async function showClosedDraft(
  ctx: Context,
  deps: BotDeps,
  draft: ReportDraft,
  version: number,
  intro?: string,
): Promise<void> {
  const s = activeOf(ctx);
  const now = deps.now();
  const current = openPeriods(s.bloc, now, deps.timeZone)[0]!;
  const text = `${intro ? `${intro}\n` : ''}${closedText(s.bloc, draft.period, now, deps.timeZone)}\n${M.lockedKeepDraft}`;
  return reply(ctx, text, {
    inline_keyboard: [
      [{ text: BUTTONS.move(current.label), callback_data: callbackData.draft(version, { kind: 'move' }) }],
      [{ text: BUTTONS.cancel, callback_data: callbackData.draft(version, { kind: 'cancel' }) }],
    ],
  });
}

// Entering the report step by step: typed text, photos and documents, and the step buttons
// (0, keep, skip, change a step). Each becomes one answer for the answer use case
// (src/reporting/answer.ts), which applies it to the stored draft in one transaction.
import { Composer, type Context } from 'telegraf';
import { callbackQuery, message } from 'telegraf/filters';
import { normalizeCaption } from '../../../core/report-flow/text-input.js';
import type { DraftAttachment, FlowInput } from '../../../core/report-flow/types.js';
import { type AnswerOutcome, applyAnswer } from '../../../reporting/answer.js';
import { type DraftAction, parseCallbackData } from '../callback-data.js';
import type { BotDeps } from '../deps.js';
import { flowError, M } from '../../conversation/messages.js';
import { renderStep } from '../render-step.js';
import { acknowledgeTap, reply } from '../reply.js';
import { activeOf, conversationKeyOf } from '../session.js';

function apply(ctx: Context, deps: BotDeps, input: FlowInput, expectedVersion?: number): Promise<AnswerOutcome> {
  const key = conversationKeyOf(ctx);
  const when = { now: deps.now(), timeZone: deps.timeZone };
  return deps.db.transaction().execute((trx) => applyAnswer(trx, key, input, expectedVersion, when));
}

function toFlowInput(action: DraftAction): FlowInput | null {
  switch (action.kind) {
    case 'zero':
    case 'keep':
    case 'skip':
    case 'edit_menu':
    case 'back':
      return { kind: action.kind };
    case 'edit':
      return { kind: 'edit', step: action.step };
    default:
      return null;
  }
}

function attachmentOf(ctx: Context): DraftAttachment | null {
  const msg = ctx.message;
  if (!msg) return null;
  if ('photo' in msg && msg.photo.length > 0) {
    const largest = msg.photo.at(-1)!;
    return {
      kind: 'photo',
      fileId: largest.file_id,
      fileUniqueId: largest.file_unique_id,
      fileName: null,
      mimeType: 'image/jpeg',
      sizeBytes: largest.file_size ?? null,
      caption: normalizeCaption(msg.caption),
    };
  }
  if ('document' in msg) {
    return {
      kind: 'document',
      fileId: msg.document.file_id,
      fileUniqueId: msg.document.file_unique_id,
      fileName: msg.document.file_name ?? null,
      mimeType: msg.document.mime_type ?? null,
      sizeBytes: msg.document.file_size ?? null,
      caption: normalizeCaption(msg.caption),
    };
  }
  return null;
}

export function reportInputFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const unitName = (ctx: Context) => activeOf(ctx).unit.name;

  feature.on(callbackQuery('data'), async (ctx, next) => {
    const action = parseCallbackData(ctx.callbackQuery.data);
    const input = action?.kind === 'draft' ? toFlowInput(action.action) : null;
    if (action?.kind !== 'draft' || !input) return next();
    const outcome = await apply(ctx, deps, input, action.version);
    if (outcome.kind === 'stale' || outcome.kind === 'noDraft') return ctx.answerCbQuery(M.stale);
    if (outcome.kind === 'refused') {
      await ctx.answerCbQuery();
      const step = renderStep(outcome.draft, outcome.version, unitName(ctx));
      return reply(ctx, `${flowError(outcome.error)}\n\n${step.text}`, step.keyboard);
    }
    await acknowledgeTap(ctx);
    const step = renderStep(outcome.draft, outcome.version, unitName(ctx));
    await reply(ctx, step.text, step.keyboard);
  });

  feature.on(message('text'), async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    const outcome = await apply(ctx, deps, { kind: 'text', text: ctx.message.text });
    if (outcome.kind === 'noDraft' || outcome.kind === 'stale') return reply(ctx, M.hint);
    const step = renderStep(outcome.draft, outcome.version, unitName(ctx));
    const text = outcome.kind === 'refused' ? `${flowError(outcome.error)}\n\n${step.text}` : step.text;
    await reply(ctx, text, step.keyboard);
  });

  feature.on([message('photo'), message('document')], async (ctx) => {
    const attachment = attachmentOf(ctx)!;
    const outcome = await apply(ctx, deps, { kind: 'attachment', attachment });
    if (outcome.kind === 'noDraft' || outcome.kind === 'stale') return reply(ctx, M.attachmentWithoutDraft);
    const step = renderStep(outcome.draft, outcome.version, unitName(ctx));
    const head =
      outcome.kind === 'refused'
        ? flowError(outcome.error)
        : M.attachmentReceived(attachment.kind, outcome.draft.attachments.length);
    await reply(ctx, outcome.draft.step.kind === 'attachments' ? head : `${head}\n\n${step.text}`, step.keyboard);
  });

  return feature;
}

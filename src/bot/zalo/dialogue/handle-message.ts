// One Zalo message, answered: linking by code, then the report flow, status and help through the
// src/reporting use cases, each in one transaction. Zalo has no buttons: a command, a typed word or
// a number from the last list stands for each choice (render-step.ts). Replies to the person's own
// message are sent at once (not through the outbox), each within 2,000 characters.
import { canOfferNil } from '../../../core/report-flow/submission.js';
import type { ReportDraft } from '../../../core/report-flow/types.js';
import { formatDateTimeVi } from '../../../core/time.js';
import { setAddressState } from '../../../db/channel-accounts.js';
import type { Db } from '../../../db/connection.js';
import { subscribeToDigest, unsubscribeFromDigest } from '../../../db/digest-subscriptions.js';
import type { Logger } from '../../../logger.js';
import { applyAnswer } from '../../../reporting/answer.js';
import { type ConversationKey, loadState } from '../../../reporting/conversation.js';
import { beginForPeriod, beginOrResume } from '../../../reporting/draft.js';
import { cancelDraft, moveDraftToCurrent } from '../../../reporting/draft-move.js';
import { nilForPeriod, sendDraft } from '../../../reporting/draft-send.js';
import { linkByCode } from '../../../reporting/link-by-code.js';
import { isTaken } from '../../../reporting/period-taken.js';
import { rebaseConversationDraft } from '../../../reporting/rebase.js';
import { openPeriods } from '../../../reporting/report-context.js';
import { type Reporter, reporterOf, type When } from '../../../reporting/reporter.js';
import { unitStatus } from '../../../reporting/status.js';
import { type ActiveFocalPoint, refusalOf, resolveSenderAt } from '../../conversation/identity.js';
import { M } from '../../conversation/messages.js';
import { overrideLine } from '../../conversation/override-text.js';
import { splitSections } from '../../conversation/split-sections.js';
import { statusText } from '../../conversation/status-text.js';
import { ZALO_TEXT_LIMIT } from '../typed-commands.js';
import type { ZaloMessage } from '../update.js';
import { looksLikeCode, typed, Z, zaloFlowError } from './messages.js';
import { choiceNumber, choiceWord, plainWords, readCommand } from './read-input.js';
import { numberedChoices, renderZaloStep, type StepChoice, takesFreeAnswer, wordChoices } from './render-step.js';

export interface ZaloDialogueDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Sends one text (within 2,000 characters) to a chat. */
  sendText(chatId: string, text: string): Promise<void>;
  /** Fetches a photo a person sent and keeps it as evidence; the draft's attachment, or null when it failed. */
  keepPhoto?(
    focalPointId: number,
    url: string,
    caption: string | null,
  ): Promise<ReportDraft['attachments'][number] | null>;
}

export async function handleZaloMessage(deps: ZaloDialogueDeps, msg: ZaloMessage): Promise<void> {
  const say = async (text: string) => {
    for (const part of splitSections([text], ZALO_TEXT_LIMIT)) await deps.sendText(msg.chatId, part);
  };
  if (msg.chatType !== 'PRIVATE') return say(Z.groupRefused);
  const now = deps.now();
  const when: When = { now, timeZone: deps.timeZone };
  const text = msg.text?.trim() ?? '';

  const sender = await resolveSenderAt(deps.db, 'zalo', msg.chatId, now, deps.timeZone);
  const reporter = sender.kind === 'active' ? reporterOf(sender, 'zalo') : null;
  const key: ConversationKey | null = reporter && {
    chatId: `zalo:${msg.chatId}`,
    accountId: `zalo:${msg.userId}`,
    focalPointId: reporter.focalPointId,
  };
  const state = key ? await loadState(deps.db, key) : null;
  // While a figure or a text is expected, plain text is the answer, whatever its first word.
  const command = readCommand(text, state?.draft ? takesFreeAnswer(state.draft) : false);
  // A code: '/start CODE', or a bare code from someone not linked yet.
  const code =
    command?.name === 'start' ? command.argument : sender.kind === 'not_linked' && looksLikeCode(text) ? text : '';
  if (code !== '') return link(deps, msg, code, say);
  if (sender.kind !== 'active' || !reporter || !key || !state) {
    const refusal = refusalOf(sender)!;
    return say(sender.kind === 'not_linked' ? Z.notLinked : refusal);
  }
  // Writing again undoes a block the delivery worker recorded.
  await setAddressState(deps.db, 'zalo', msg.chatId, 'linked');
  const tx = <T>(work: (trx: Db) => Promise<T>) => deps.db.transaction().execute(work);

  switch (command?.name) {
    case 'start':
      return say(Z.welcomeBack(sender.focalPoint.fullName));
    case 'help':
      return say(Z.help);
    case 'status': {
      const status = await unitStatus(deps.db, reporter, when);
      return say(statusText(status, { unitName: sender.unit.name, blocName: sender.bloc.name }, now, deps.timeZone));
    }
    case 'report':
      return begin(deps, sender, reporter, key, when, say);
    case 'cancel':
      return cancel(deps, key, when, say);
    case 'nil':
      return nil(deps, reporter, key, command.argument, when, say);
    case 'reload':
      return reload(deps, reporter, key, when, say);
    case 'move':
      return move(deps, reporter, key, when, say);
    case 'digest':
      return say(await askForDigest(deps.db, reporter.focalPointId, command.argument, sender.bloc.name, now));
  }

  const draft = state.draft;
  if (!draft) {
    if (msg.photo) return say(Z.photoWithoutDraft);
    // A number answers the list of periods /baocao offered.
    const n = choiceNumber(text);
    const periods = openPeriods(reporter.bloc, now, deps.timeZone);
    if (n !== null && n >= 1 && n <= periods.length && periods.length > 1) {
      const outcome = await tx((trx) => beginForPeriod(trx, reporter, key, periods[n - 1]!.key, undefined, when));
      if (outcome.kind === 'started') return say(renderZaloStep(outcome.draft, reporter.unit.name));
      return begin(deps, sender, reporter, key, when, say);
    }
    return say(msg.other ? Z.unsupported : Z.hint);
  }

  if (msg.photo) {
    if (draft.step.kind !== 'attachments')
      return say(`${Z.photoNotAtStep}\n\n${renderZaloStep(draft, reporter.unit.name)}`);
    if (!deps.keepPhoto) return say(`${Z.photoNotYet}\n\n${renderZaloStep(draft, reporter.unit.name)}`);
    const attachment = await deps.keepPhoto(reporter.focalPointId, msg.photo, msg.caption);
    if (!attachment) return say(Z.photoFailed);
    return answer(deps, reporter, key, { kind: 'attachment', attachment }, when, say, (d) =>
      M.attachmentReceived('photo', d.attachments.length),
    );
  }
  if (msg.other) return say(`${Z.unsupported}\n\n${renderZaloStep(draft, reporter.unit.name)}`);
  const choice = choiceOf(draft, text);
  if (choice === 'unknown') return say(`${Z.chooseAgain}\n\n${renderZaloStep(draft, reporter.unit.name)}`);
  switch (choice.kind) {
    case 'cancel':
      return cancel(deps, key, when, say);
    case 'nil':
      return nil(deps, reporter, key, '', when, say);
    case 'send': {
      const outcome = await tx((trx) => sendDraft(trx, reporter, key, state.version, 'report', when));
      return saySent(outcome, reporter, say, deps.timeZone);
    }
    default:
      return answer(deps, reporter, key, choice, when, say);
  }
}

/** '/bantin' asks for the digest in private, '/bantin tat' (or 'tắt', 'ngung', 'off') stops it. */
async function askForDigest(db: Db, focalPointId: number, argument: string, blocName: string, now: Date) {
  if (['tat', 'ngung', 'dung', 'off', 'huy'].includes(plainWords(argument)))
    return (await unsubscribeFromDigest(db, focalPointId)) ? Z.digestOff : Z.digestWasOff;
  return (await subscribeToDigest(db, focalPointId, 'zalo', now)) ? Z.digestOn(blocName) : Z.digestAlreadyOn;
}

/** The choice a typed answer stands for at the draft's step: a listed number, a listed word, or the free answer. */
function choiceOf(draft: ReportDraft, text: string): StepChoice | 'unknown' {
  const numbered = numberedChoices(draft);
  const words = wordChoices(draft);
  const word = choiceWord(text);
  const byWord = words.find((w) => choiceWord(w.word) === word);
  if (byWord) return byWord.choice;
  if (numbered.length > 0) {
    const n = choiceNumber(text);
    return n !== null && n >= 1 && n <= numbered.length ? numbered[n - 1]!.choice : 'unknown';
  }
  return { kind: 'text', text };
}

type Say = (text: string) => Promise<void>;

async function answer(
  deps: ZaloDialogueDeps,
  reporter: Reporter,
  key: ConversationKey,
  input: Parameters<typeof applyAnswer>[2],
  when: When,
  say: Say,
  before?: (draft: ReportDraft) => string,
): Promise<void> {
  const outcome = await deps.db.transaction().execute((trx) => applyAnswer(trx, key, input, undefined, when));
  if (outcome.kind === 'noDraft' || outcome.kind === 'stale') return say(Z.hint);
  const step = renderZaloStep(outcome.draft, reporter.unit.name);
  if (outcome.kind === 'refused') return say(`${zaloFlowError(outcome.error)}\n\n${step}`);
  return say(before ? `${before(outcome.draft)}\n\n${step}` : step);
}

async function begin(
  deps: ZaloDialogueDeps,
  sender: ActiveFocalPoint,
  reporter: Reporter,
  key: ConversationKey,
  when: When,
  say: Say,
): Promise<void> {
  const outcome = await deps.db.transaction().execute((trx) => beginOrResume(trx, reporter, key, when));
  const unit = sender.unit.name;
  switch (outcome.kind) {
    case 'started': {
      const d = outcome.draft;
      const intro = outcome.stored
        ? typed(
            M.introEdit(
              d.period.label,
              unit,
              outcome.stored.revision,
              formatDateTimeVi(new Date(outcome.stored.updatedAt), when.timeZone),
            ),
          )
        : M.introNew(d.period.label, unit, d.criteria.length, d.period.start.slice(0, 4));
      return say(`${intro}\n\n${renderZaloStep(d, unit)}`);
    }
    case 'resumed':
      return say(`${M.resume(outcome.draft.period.label)}\n\n${renderZaloStep(outcome.draft, unit)}`);
    case 'choosePeriod':
      return say(
        [
          Z.choosePeriod(outcome.lastDay),
          outcome.periods.map((p, i) => `${i + 1}. ${M.periodButton(p.period.label, p.reported)}`).join('\n'),
        ].join('\n\n'),
      );
    case 'draftNotTaken':
      return say(Z.draftNotTaken(outcome.draft.period.label));
  }
}

/** '/naplai' after a conflict: the draft started again on the report stored meanwhile (Telegram's "reload" button). */
async function reload(deps: ZaloDialogueDeps, reporter: Reporter, key: ConversationKey, when: When, say: Say) {
  const state = await loadState(deps.db, key);
  if (!state.draft) return say(Z.nothingToReload);
  const outcome = await deps.db
    .transaction()
    .execute((trx) => rebaseConversationDraft(trx, reporter, key, state.version, when));
  if (outcome.kind === 'periodNotTaken') return say(Z.draftNotTaken(outcome.draft.period.label));
  if (outcome.kind === 'stale')
    return say(`${Z.hint}

${renderZaloStep(state.draft, reporter.unit.name)}`);
  const intro = M.rebased(outcome.draft.period.label, outcome.revision, outcome.overrides.map(overrideLine));
  return say(`${intro}

${renderZaloStep(outcome.draft, reporter.unit.name)}`);
}

/** '/chuyenky' for a draft whose period closed: its entries carried to the current period (Telegram's "move" button). */
async function move(deps: ZaloDialogueDeps, reporter: Reporter, key: ConversationKey, when: When, say: Say) {
  const state = await loadState(deps.db, key);
  if (!state.draft) return say(Z.nothingToMove);
  // Only a draft the channels no longer take is moved: one still open is simply continued.
  if (isTaken(reporter.bloc, state.draft.period, when.now, when.timeZone))
    return say(`${Z.nothingToMove}

${renderZaloStep(state.draft, reporter.unit.name)}`);
  const moved = await deps.db
    .transaction()
    .execute((trx) => moveDraftToCurrent(trx, reporter, key, state.version, when));
  if (moved.kind === 'stale') return say(Z.hint);
  const replaces = moved.replaces.length > 0 ? `\n${M.movedOverrides(moved.replaces.map(overrideLine))}` : '';
  return say(`${M.moved(moved.draft.period.label)}${replaces}\n\n${renderZaloStep(moved.draft, reporter.unit.name)}`);
}

async function cancel(deps: ZaloDialogueDeps, key: ConversationKey, when: When, say: Say): Promise<void> {
  const outcome = await deps.db.transaction().execute((trx) => cancelDraft(trx, key, undefined, when));
  if (outcome.kind !== 'cancelled') return say(M.noDraftToCancel);
  return say(M.cancelled(outcome.draft.period.label, outcome.draft.base !== null));
}

async function nil(
  deps: ZaloDialogueDeps,
  reporter: Reporter,
  key: ConversationKey,
  periodKey: string,
  when: When,
  say: Say,
): Promise<void> {
  const state = await loadState(deps.db, key);
  if (state.draft && periodKey === '' && !canOfferNil(state.draft)) return say(Z.nilNotOffered);
  const target = periodKey || state.draft?.period.key || openPeriods(reporter.bloc, when.now, when.timeZone)[0]!.key;
  const outcome = await deps.db.transaction().execute((trx) => nilForPeriod(trx, reporter, key, target, when));
  switch (outcome.kind) {
    case 'busy':
      return say(Z.nilNotOffered);
    case 'periodClosed':
      return say(M.notOffered(outcome.period.label));
    case 'stale':
      // Only a period key the bloc never had ('/khongmoi abc') comes back stale here.
      if (periodKey !== '')
        return say(Z.periodUnknown(periodKey, openPeriods(reporter.bloc, when.now, when.timeZone)[0]!.key));
      return saySent(outcome, reporter, say, when.timeZone);
    default:
      return saySent(outcome, reporter, say, when.timeZone);
  }
}

async function saySent(
  outcome: Awaited<ReturnType<typeof sendDraft>>,
  reporter: Reporter,
  say: Say,
  timeZone: string,
): Promise<void> {
  switch (outcome.kind) {
    case 'stored':
      return say(M.receipt(outcome.receipt));
    case 'alreadyReported':
      return say(M.alreadyReported(outcome.label));
    case 'periodNotTaken':
      return say(Z.draftNotTaken(outcome.draft.period.label));
    case 'conflict': {
      const { author, conflict, stored } = outcome;
      return say(
        [
          M.baseConflict({
            label: outcome.draft.period.label,
            unit: reporter.unit.name,
            who: M.conflictAuthor(author),
            at: formatDateTimeVi(author.at, timeZone),
            via: M.channel[stored.submittedVia],
            revision: stored.revision,
            created: conflict.kind === 'created',
          })
            .split('\n')
            .slice(0, 2)
            .join('\n'),
          Z.conflictHint,
        ].join('\n'),
      );
    }
    case 'stale':
      return say(Z.hint);
  }
}

async function link(deps: ZaloDialogueDeps, msg: ZaloMessage, code: string, say: Say): Promise<void> {
  const now = deps.now();
  const account = { channel: 'zalo' as const, userId: msg.userId, address: msg.chatId, username: msg.name };
  const outcome = await deps.db.transaction().execute((trx) => linkByCode(trx, account, code.trim(), now));
  switch (outcome.kind) {
    case 'linked': {
      const sender = await resolveSenderAt(deps.db, 'zalo', msg.chatId, now, deps.timeZone);
      if (sender.kind !== 'active') return say(refusalOf(sender)!);
      return say(Z.greeting(sender.focalPoint.fullName, sender.unit.name, sender.bloc.name));
    }
    case 'unknown':
      return say(Z.inviteUnknown);
    case 'forGroup':
      return say(Z.inviteForGroup);
    case 'used':
      return say(Z.inviteUsed);
    case 'expired':
      return say(Z.inviteExpired(formatDateTimeVi(outcome.at, deps.timeZone)));
    case 'focalPointLeft':
      return say(M.inviteFocalPointLeft);
    case 'accountLinkedElsewhere':
      return say(Z.accountLinkedElsewhere(outcome.name, outcome.unitName));
  }
}

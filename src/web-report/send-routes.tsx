// POSTs of a personal link: send (or revise) the report, or "nothing new". Each is checked in
// order: the request's origin and form token, the period (open for the holder's own bloc), the
// entries with the core rules, the files by content; then stored in one transaction, or the form
// comes back with everything typed and the files kept. A stored report redirects (303) to its
// receipt, so a reload sends nothing again.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_ATTACHMENTS } from '../core/report-flow/machine.js';
import { formatValue } from '../core/report-flow/number-input.js';
import { formatDateTimeVi } from '../core/time.js';
import {
  findFormSubmission,
  listPendingUploads,
  pendingUploadsWithContent,
  pruneWebFormState,
  removePendingUploads,
  savePendingUploads,
  type UploadedFile,
  type WebPendingUpload,
} from '../db/web-uploads.js';
import { newFormNonce, sameOriginRequest, validFormToken } from './csrf.js';
import { repeatsStoredRevision } from './repeat-check.js';
import { message, type WebReportEnv, type WebReportRuntime } from './env.js';
import {
  type Body,
  entriesOf,
  type FieldError,
  filesOf,
  readEntries,
  stringOf,
  stringsOf,
  validateEntries,
} from './form-input.js';
import { loadFormContext, parseReportBase } from './form-model.js';
import { VIAS, W } from './messages.js';
import { choosePeriod } from './period-choice.js';
import { formEnv, renderForm, renderLocked } from './render-form.js';
import { type StoreOutcome, storeWebReport } from './store.js';
import { checkUpload, MAX_FILE_BYTES, MAX_PENDING_BYTES_PER_LINK, MAX_REQUEST_BYTES } from './uploads.js';

type Checked = { body: Body; nonce: string } | { refused: Response };

/** Origin, body and form token: anything wrong here stores nothing and shows a plain page. */
async function checkRequest(c: Context<WebReportEnv>, rt: WebReportRuntime): Promise<Checked> {
  const refused = async () => ({
    refused: await message(c, rt, 403, W.csrfTitle, W.csrf, {
      href: `${rt.base}/${c.get('token')}`,
      label: W.openForm,
    }),
  });
  const headers = {
    origin: c.req.header('origin'),
    host: c.req.header('host') ?? new URL(c.req.url).host,
    secFetchSite: c.req.header('sec-fetch-site'),
  };
  if (!sameOriginRequest(headers, rt.deps.publicUrl)) return refused();
  let body: Body;
  try {
    body = (await c.req.parseBody({ all: true })) as Body;
  } catch {
    return refused();
  }
  const nonce = stringOf(body, 'nonce');
  if (!validFormToken(rt.formSecret, c.get('holder').link.id, nonce, stringOf(body, 'csrf'))) return refused();
  return { body, nonce };
}

function receiptUrl(rt: WebReportRuntime, token: string, periodKey: string, revision: number): string {
  return `${rt.base}/${token}/receipt?ky=${periodKey}&lan=${revision}`;
}

const toUploaded = (p: WebPendingUpload): UploadedFile => ({
  kind: p.kind,
  fileName: p.fileName,
  mimeType: p.mimeType,
  sizeBytes: p.sizeBytes,
  sha256: p.sha256,
  content: p.content,
});

/** The files of this submit: those kept from earlier tries (unticked ones dropped) and the new ones, checked. */
async function collectFiles(rt: WebReportRuntime, linkId: number, nonce: string, body: Body) {
  const keep = new Set(stringsOf(body, 'giu_tep'));
  const earlier = await listPendingUploads(rt.deps.db, linkId, nonce);
  await removePendingUploads(
    rt.deps.db,
    linkId,
    nonce,
    earlier.filter((p) => !keep.has(String(p.id))).map((p) => p.id),
  );
  const kept = earlier.filter((p) => keep.has(String(p.id))).length;
  const errors: FieldError[] = [];
  const accepted: UploadedFile[] = [];
  const overflow: string[] = [];
  for (const file of filesOf(body, 'tep').filter((f) => f.name !== '' || f.size > 0)) {
    const check = await checkUpload(file);
    if (!check.ok) {
      const text =
        check.reason === 'too_big'
          ? W.fileTooBig(check.name, MAX_FILE_BYTES)
          : check.reason === 'empty'
            ? W.fileEmpty(check.name)
            : W.fileBadType(check.name);
      errors.push({ field: 'tep', label: W.filesTitle, error: { code: 'file', message: text } });
    } else if (kept + accepted.length >= MAX_ATTACHMENTS) overflow.push(check.file.fileName);
    else accepted.push(check.file);
  }
  if (overflow.length > 0)
    errors.push({
      field: 'tep',
      label: W.filesTitle,
      error: { code: 'file', message: W.tooManyFiles(overflow, MAX_ATTACHMENTS) },
    });
  return { accepted, errors };
}

function afterStore(
  c: Context<WebReportEnv>,
  rt: WebReportRuntime,
  periodKey: string,
  outcome: Extract<StoreOutcome, { kind: 'sent' | 'duplicate' }>,
) {
  return c.redirect(receiptUrl(rt, c.get('token'), periodKey, outcome.revision), 303);
}

export function sendRoutes(rt: WebReportRuntime): Hono<WebReportEnv> {
  const app = new Hono<WebReportEnv>();
  // Refused before a byte is parsed: the form's files are read into memory.
  const maxSize = rt.deps.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const limit = bodyLimit({ maxSize, onError: (c) => message(c, rt, 413, W.bodyTooBigTitle, W.bodyTooBig(maxSize)) });

  app.post('/:token/send', limit, async (c) => {
    const checked = await checkRequest(c, rt);
    if ('refused' in checked) return checked.refused;
    const { body } = checked;
    let nonce = checked.nonce;
    const { db, timeZone } = rt.deps;
    const now = rt.deps.now();
    const holder = c.get('holder');
    await pruneWebFormState(db, now);
    const choice = choosePeriod(holder.bloc, stringOf(body, 'ky'), now, timeZone);
    if (choice.kind === 'invalid')
      return message(c, rt, 400, W.badPeriodTitle, W.badPeriod, {
        href: `${rt.base}/${c.get('token')}`,
        label: W.openForm,
      });
    const ctx = await loadFormContext(formEnv(c, rt), holder, choice.period);
    const entries = readEntries(body, ctx.target.criteria);
    const checkedEntries = validateEntries(entries, ctx.target.criteria);
    const done = await findFormSubmission(db, holder.link.id, nonce);
    if (done) {
      const posted = checkedEntries.ok
        ? { values: checkedEntries.values, texts: checkedEntries.texts, files: filesOf(body, 'tep') }
        : null;
      if (posted && (await repeatsStoredRevision(db, done, posted))) {
        return afterStore(c, rt, choice.period.key, {
          kind: 'duplicate',
          reportId: done.reportId,
          revision: done.revision,
        });
      }
      // The same form sent again with other entries (a page kept by the browser): a new send.
      nonce = newFormNonce();
    }
    if (choice.kind === 'closed') {
      return renderLocked(
        c,
        rt,
        409,
        holder,
        choice.period,
        choice.current,
        (ctx) => readEntries(body, ctx.target.criteria),
        nonce,
      );
    }
    const files = await collectFiles(rt, holder.link.id, nonce, body);
    const errors = [...(checkedEntries.ok ? [] : checkedEntries.errors), ...files.errors];
    const reportBase = stringOf(body, 'base');
    if (!checkedEntries.ok || errors.length > 0) {
      await savePendingUploads(db, holder.link.id, nonce, files.accepted, now, MAX_PENDING_BYTES_PER_LINK);
      return renderForm(c, rt, 422, ctx, {
        nonce,
        entries,
        errors,
        reportBase: parseReportBase(reportBase) === undefined ? undefined : reportBase,
      });
    }
    const kept = (await pendingUploadsWithContent(db, holder.link.id, nonce)).map(toUploaded);
    const outcome = await storeWebReport(
      db,
      { holder, period: choice.period, nonce, now, timeZone },
      {
        isNil: false,
        base: parseReportBase(reportBase) ?? null,
        values: checkedEntries.values,
        texts: checkedEntries.texts,
        files: [...kept, ...files.accepted],
      },
    );
    if (outcome.kind === 'sent' || outcome.kind === 'duplicate') return afterStore(c, rt, choice.period.key, outcome);
    if (outcome.kind === 'conflict') {
      await savePendingUploads(db, holder.link.id, nonce, files.accepted, now, MAX_PENDING_BYTES_PER_LINK);
      const fresh = await loadFormContext(formEnv(c, rt), holder, choice.period);
      const text = W.conflict({
        who: W.conflictAuthor(outcome.author),
        at: formatDateTimeVi(new Date(outcome.author.at), timeZone),
        revision: outcome.conflict.revision,
        created: outcome.conflict.kind === 'created',
        via: VIAS[outcome.stored.submittedVia],
      });
      const overrides = outcome.overrides.map((o) =>
        o.kind === 'value' ? W.overrideValue(o.criterion, o.mine, o.stored) : W.overrideText(o.field),
      );
      return renderForm(c, rt, 409, fresh, {
        nonce,
        entries: entriesOf(fresh.target.criteria, outcome.rebased.values, outcome.rebased.texts, formatValue),
        notice: { kind: 'conflict', text, overrides },
        reportBase: `${outcome.stored.id}:${outcome.stored.revision}`,
      });
    }
    // Locked between the form's check and the transaction.
    return renderLocked(c, rt, 409, holder, choice.period, choice.current, () => entries, nonce);
  });

  app.post('/:token/nil', limit, async (c) => {
    const checked = await checkRequest(c, rt);
    if ('refused' in checked) return checked.refused;
    const { body, nonce } = checked;
    const { db, timeZone } = rt.deps;
    const now = rt.deps.now();
    const holder = c.get('holder');
    const choice = choosePeriod(holder.bloc, stringOf(body, 'ky'), now, timeZone);
    if (choice.kind === 'invalid')
      return message(c, rt, 400, W.badPeriodTitle, W.badPeriod, {
        href: `${rt.base}/${c.get('token')}`,
        label: W.openForm,
      });
    if (choice.kind === 'closed') return renderLocked(c, rt, 409, holder, choice.period, choice.current, null, nonce);
    const form = { holder, period: choice.period, nonce, now, timeZone };
    const outcome = await storeWebReport(db, form, { isNil: true });
    if (outcome.kind === 'sent' || outcome.kind === 'duplicate') return afterStore(c, rt, choice.period.key, outcome);
    if (outcome.kind === 'already_reported') {
      const ctx = await loadFormContext(formEnv(c, rt), holder, choice.period);
      return renderForm(c, rt, 409, ctx, {
        nonce,
        notice: { kind: 'already_reported', text: W.alreadyReported(choice.period.label) },
      });
    }
    return renderLocked(c, rt, 409, holder, choice.period, choice.current, null, nonce);
  });

  return app;
}

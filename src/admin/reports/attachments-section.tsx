import type { ReportAttachment } from '../../db/web-uploads.js';
import { reportsText as t } from '../messages.js';
import { showBytes } from '../ui/format.js';
import { attachmentUrl, contentTypeOf, fileNameOf, isShownInPage, isTooBigToFetch } from './attachment-file.js';

/**
 * Why a file cannot be opened here, or null when it can; '' when only the bot is missing. Files
 * sent through the web form are in the database and always open.
 */
function problemOf(a: ReportAttachment, fileMaxBytes: number | null, storedHere: Set<number>): string | null {
  if (storedHere.has(a.id)) return null;
  if (!a.telegramFileId) return t.fileMissing;
  if (fileMaxBytes === null) return '';
  return isTooBigToFetch(a, fileMaxBytes) ? t.fileTooBig : null;
}

function Photo(props: { blocId: number; a: ReportAttachment; n: number }) {
  const url = attachmentUrl(props.blocId, props.a);
  return (
    <figure class="photo">
      <a href={url} target="_blank" rel="noopener" title={t.openPhoto}>
        <img
          class="thumb"
          src={url}
          alt={t.photoAlt(props.n, props.a.caption)}
          loading="lazy"
          width="200"
          height="150"
        />
      </a>
      <figcaption class="small">
        {props.a.caption ? `${props.a.caption} ` : ''}
        <span class="muted">({t.addedIn(props.a.addedInRevision)})</span>
      </figcaption>
    </figure>
  );
}

function FileLine(props: { blocId: number; a: ReportAttachment; problem: string | null; web: boolean }) {
  const a = props.a;
  const name = a.fileName ?? (a.kind === 'photo' ? t.photo : t.unnamedDocument);
  const size = a.sizeBytes ? ` · ${showBytes(a.sizeBytes)}` : '';
  return (
    <li>
      <b>{a.kind === 'photo' ? t.photo : t.document}</b>{' '}
      {props.problem === null ? (
        <a href={attachmentUrl(props.blocId, a)} download={fileNameOf(a)}>
          {name}
        </a>
      ) : (
        name
      )}
      <span class="muted small">
        {size} ({t.addedIn(a.addedInRevision)}
        {props.web ? `, ${t.fromWeb}` : ''})
      </span>
      {a.caption ? ` — ${a.caption}` : ''}
      {props.problem ? <div class="muted small">{props.problem}</div> : null}
    </li>
  );
}

/** The report's photos as thumbnails and its documents as download links (from Telegram or the database). */
export function AttachmentsSection(props: {
  blocId: number;
  attachments: ReportAttachment[];
  /** The largest file the report file source fetches; null without one (no bot). */
  fileMaxBytes: number | null;
  storedHere: Set<number>;
}) {
  const problem = (a: ReportAttachment) => problemOf(a, props.fileMaxBytes, props.storedHere);
  const shown = props.attachments.filter((a) => problem(a) === null && isShownInPage(contentTypeOf(a)));
  const listed = props.attachments.filter((a) => !shown.includes(a));
  const fromTelegram = props.attachments.filter((a) => !props.storedHere.has(a.id));
  return (
    <section class="card" id="attachments">
      <h2>{t.attachmentsTitle}</h2>
      {props.attachments.length === 0 ? <p class="muted">{t.noAttachments}</p> : null}
      {fromTelegram.length > 0 && props.fileMaxBytes === null ? (
        <div class="alert info">{t.filesBotNotConnected}</div>
      ) : null}
      {shown.length > 0 ? (
        <div class="photos">
          {shown.map((a, i) => (
            <Photo blocId={props.blocId} a={a} n={i + 1} />
          ))}
        </div>
      ) : null}
      {listed.length > 0 ? (
        <ul class="files">
          {listed.map((a) => (
            <FileLine blocId={props.blocId} a={a} problem={problem(a)} web={props.storedHere.has(a.id)} />
          ))}
        </ul>
      ) : null}
      {fromTelegram.length > 0 ? <p class="muted small">{t.storedInTelegram}</p> : null}
      {fromTelegram.length < props.attachments.length ? <p class="muted small">{t.storedInDatabase}</p> : null}
    </section>
  );
}

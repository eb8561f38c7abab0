import { MAX_ATTACHMENTS } from '../../core/report-flow/machine.js';
import type { FieldError } from '../form-input.js';
import { W } from '../messages.js';
import { MAX_FILE_BYTES, MAX_REQUEST_BYTES } from '../uploads.js';
import { errorText } from './form-notices.js';
import type { FormView } from './form-page.js';

/** Evidence: files kept from an earlier try (each with a tick to keep it), then the file picker. */
export function Files(props: { v: FormView; error: FieldError[] }) {
  const v = props.v;
  return (
    <section class="card">
      <h2 id="files-title">{W.filesTitle}</h2>
      {v.stored && v.stored.attachments > 0 ? (
        <p class="small muted">{W.storedAttachments(v.stored.attachments)}</p>
      ) : null}
      {v.pending.length > 0 ? (
        <>
          <p class="label">{W.keptFilesTitle}</p>
          <ul class="files">
            {v.pending.map((f) => (
              <li>
                <input
                  type="checkbox"
                  name="giu_tep"
                  value={String(f.id)}
                  id={`giu-${f.id}`}
                  checked
                  aria-label={`${W.keepFile}: ${f.fileName}`}
                />
                <label class="name" for={`giu-${f.id}`}>
                  {f.fileName} <span class="muted small">({W.fileSize(f.sizeBytes)})</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <label for="tep" class="label">
        {W.chooseFiles}
        <span class="hint">{W.filesHint(MAX_ATTACHMENTS, MAX_FILE_BYTES, MAX_REQUEST_BYTES)}</span>
      </label>
      <input
        type="file"
        id="tep"
        name="tep"
        multiple
        accept="image/jpeg,image/png,image/webp,image/heic,.heic,.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods"
        aria-invalid={props.error.length > 0 ? 'true' : undefined}
      />
      {props.error.map((e) => (
        <p class="error">{errorText(e.error)}</p>
      ))}
    </section>
  );
}

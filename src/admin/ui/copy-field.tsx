import { personalLinkText as t } from '../messages.js';

/**
 * A read-only text with a copy button. Without JavaScript the button stays hidden and the text can
 * be selected by hand; admin.js shows the button, and selects the whole text on a tap.
 */
export function CopyField(props: { id: string; label: string; value: string; rows?: number; hideLabel?: boolean }) {
  return (
    <div class="copy-field">
      <label for={props.id} class={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <div class="copy-row">
        {props.rows ? (
          <textarea id={props.id} readonly rows={props.rows} data-select-all="">
            {props.value}
          </textarea>
        ) : (
          <input id={props.id} type="text" readonly value={props.value} data-select-all="" spellcheck={false} />
        )}
        <button
          type="button"
          class="secondary small"
          data-copy={props.id}
          data-copied={t.copied}
          data-copy-failed={t.copyFailed}
          hidden
        >
          {t.copy}
        </button>
      </div>
      <span class="copy-status small" id={`${props.id}-status`} role="status" aria-live="polite"></span>
    </div>
  );
}

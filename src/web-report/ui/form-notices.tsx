// The messages a refused send brings back above the form: the field errors and the notices.
import type { FieldError } from '../form-input.js';
import { flowErrorText, W } from '../messages.js';

export type FormNotice =
  | { kind: 'conflict'; text: string; overrides: string[] }
  | {
      kind: 'locked';
      title: string;
      text: string;
      currentHref: string | null;
      currentLabel: string | null;
      posted: boolean;
    }
  | { kind: 'already_reported'; text: string };

/** The message shown for a refused field. */
export function errorText(e: FieldError['error']): string {
  if (e.code === 'missing_value') return W.missingValue;
  if (e.code === 'file') return e.message;
  return flowErrorText(e);
}

/** The id of a field's error message (aria-describedby). */
export const errorId = (field: string) => `err-${field}`;

/** The list of refusals at the top, each linking to its field. */
export function ErrorSummary(props: { errors: FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="alert" role="alert" id="errors" tabindex={-1}>
      <h2>{W.errorSummary(props.errors.length)}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.label}</a>: {errorText(e.error)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why the form came back without storing anything: a conflict, the lock, a report already there. */
export function Notice(props: { notice: FormNotice | undefined }) {
  const n = props.notice;
  if (!n) return null;
  if (n.kind === 'conflict') {
    return (
      <div class="alert" role="alert" id="conflict">
        <h2>{W.conflictTitle}</h2>
        <p>{n.text}</p>
        <p>{W.conflictKept}</p>
        {n.overrides.length > 0 ? (
          <>
            <p>{W.conflictOverrides}</p>
            <ul>
              {n.overrides.map((o) => (
                <li>{o}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{W.conflictNoOverrides}</p>
        )}
      </div>
    );
  }
  if (n.kind === 'locked') {
    return (
      <div class="alert" role="alert" id="locked">
        <h2>{n.title}</h2>
        <p>{n.text}</p>
        {n.posted ? <p>{W.lockedKept}</p> : null}
        {n.currentHref && n.currentLabel ? (
          <a class="button secondary" href={n.currentHref}>
            {W.toCurrent(n.currentLabel)}
          </a>
        ) : null}
      </div>
    );
  }
  return (
    <div class="alert info" role="alert" id="already-reported">
      <p>{n.text}</p>
    </div>
  );
}

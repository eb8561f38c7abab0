import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AdminEnv } from '../env.js';
import type { FormState } from '../http/form.js';
import { common } from '../messages.js';

/** The session's CSRF token as a hidden field; every POST form carries it. */
export function CsrfField() {
  const c = useRequestContext<AdminEnv>();
  return <input type="hidden" name="_csrf" value={c.get('csrfToken') ?? ''} />;
}

/** A POST form with its CSRF token; `long` shows a progress line while the server works. */
export function PostForm(props: {
  action: string;
  children?: Child;
  class?: string;
  long?: boolean | string;
  confirm?: string;
  multipart?: boolean;
  id?: string;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      id={props.id}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      data-long={props.long ? '' : undefined}
      data-confirm={props.confirm}
    >
      <CsrfField />
      {props.children}
      {props.long ? <Busy text={typeof props.long === 'string' ? props.long : common.working} /> : null}
    </form>
  );
}

/** The progress line of a long action (shown by admin.js while it runs). */
export function Busy(props: { text?: string }) {
  return (
    <div class="busy" role="status" aria-live="polite">
      <progress></progress>
      <span class="busy-text">{props.text ?? common.working}</span>
    </div>
  );
}

export function ErrorSummary(props: { form: FormState }) {
  const n = Object.keys(props.form.errors).length;
  if (n === 0) return null;
  const general = props.form.errors._form;
  return (
    <div class="alert error" role="alert">
      {general ?? common.formHasErrors}
    </div>
  );
}

interface FieldProps {
  label: string;
  name: string;
  form: FormState;
  /** The stored value, shown unless the form carries a typed one. */
  value?: string | number | null;
  type?: 'text' | 'password' | 'number';
  hint?: string;
  placeholder?: string;
  inputmode?: 'numeric' | 'decimal' | 'text' | 'tel';
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  id?: string;
}

function shownValue(props: { form: FormState; name: string; value?: string | number | null }): string {
  const typed = props.form.values[props.name];
  if (typed !== undefined) return typed;
  return props.value === null || props.value === undefined ? '' : String(props.value);
}

function FieldFrame(props: { id: string; label: string; hint?: string; error?: string; children: Child }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <div class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div class="error" id={`${props.id}-error`}>
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function Field(props: FieldProps) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? '' : shownValue(props)}
        placeholder={props.placeholder}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </FieldFrame>
  );
}

export function DateField(props: Omit<FieldProps, 'type' | 'placeholder' | 'inputmode'>) {
  return (
    <Field
      {...props}
      placeholder={common.datePlaceholder}
      inputmode="numeric"
      hint={props.hint ?? common.datePlaceholder}
    />
  );
}

/**
 * A text area. `counter` shows (through admin.js) how many characters are typed out of `max`,
 * its text a template with {n} and {max}; there is no maxlength then: a browser would silently cut
 * a longer pasted text, while the server says what is too long and keeps all of it.
 */
export function TextArea(props: Omit<FieldProps, 'type'> & { rows?: number; counter?: { max: number; text: string } }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        maxlength={props.maxlength}
        data-counter={props.counter?.max}
        data-counter-text={props.counter?.text}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      >
        {shownValue(props)}
      </textarea>
      {props.counter ? <div class="hint counter" id={`${id}-count`} aria-live="polite"></div> : null}
    </FieldFrame>
  );
}

export interface Option {
  value: string | number;
  label: string;
}

export function SelectField(props: Omit<FieldProps, 'type'> & { options: Option[]; empty?: string }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  const current = shownValue(props);
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error}>
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={String(o.value)} selected={String(o.value) === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckField(props: { label: string; name: string; form: FormState; checked: boolean; hint?: string }) {
  const typed = Object.keys(props.form.values).length > 0 ? props.form.values[props.name] !== undefined : props.checked;
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label class="check" for={id}>
        <input type="checkbox" id={id} name={props.name} value="1" checked={typed} />
        {props.label}
      </label>
      {props.hint ? <div class="hint">{props.hint}</div> : null}
      {props.form.errors[props.name] ? <div class="error">{props.form.errors[props.name]}</div> : null}
    </div>
  );
}

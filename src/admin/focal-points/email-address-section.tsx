import type { EmailAddress } from '../../db/email-addresses.js';
import type { FormState } from '../http/form.js';
import { emailAdminText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { Field, PostForm } from '../ui/forms.js';

export interface EmailAddressView {
  address: EmailAddress | undefined;
  /** The typed address and its error after a refused save. */
  form: FormState;
  /** Whether this server sends e-mail (SMTP_URL set). */
  running: boolean;
}

/** "Thư điện tử" on a focal point's page: their address, set, changed or removed; an unsubscribe shown and resumed. */
export function EmailAddressSection(props: {
  action: string;
  view: EmailAddressView;
  canEdit: boolean;
  timeZone: string;
}) {
  const a = props.view.address;
  return (
    <section class="card" id="email">
      <h2>{t.sectionTitle}</h2>
      <p class="small">{t.explain}</p>
      {props.view.running ? null : <div class="alert info">{t.off}</div>}
      {a ? (
        <p>
          <span class="code">{a.address}</span> · {t.states[a.state] ?? a.state}
        </p>
      ) : (
        <p class="muted">{t.none}</p>
      )}
      {a?.state === 'unsubscribed' ? (
        <div class="alert error">
          {t.unsubscribed(showDateTime(a.unsubscribedAt, props.timeZone))}
          {props.canEdit ? (
            <PostForm action={`${props.action}/resume`}>
              <button type="submit" class="secondary">
                {t.resume}
              </button>
            </PostForm>
          ) : null}
        </div>
      ) : null}
      {props.canEdit ? (
        <>
          {props.view.form.errors._form ? (
            <div class="alert error" role="alert">
              {props.view.form.errors._form}
            </div>
          ) : null}
          <PostForm action={props.action}>
            <Field
              label={t.address}
              name="address"
              form={props.view.form}
              value={a?.address ?? ''}
              hint={t.addressHint}
              autocomplete="off"
              maxlength={254}
            />
            <div class="actions">
              <button type="submit">{t.save}</button>
            </div>
          </PostForm>
          {a ? (
            <PostForm action={`${props.action}/remove`} confirm={t.removeConfirm}>
              <button type="submit" class="secondary">
                {t.remove}
              </button>
            </PostForm>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

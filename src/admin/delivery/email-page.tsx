import type { EmailDeliveryState } from '../../db/email-addresses.js';
import type { FormState } from '../http/form.js';
import { emailAdminText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { Field, PostForm } from '../ui/forms.js';
import { DeliveryTabs } from './delivery-tabs.js';

/** "Thư điện tử" under "Gửi tin": the sender, a test mail, and each focal point's address, last mail and last error. */
export function EmailPage(props: {
  blocId: number;
  /** 'Văn phòng Khối <khoi6@…>' when the server sends mail; null when SMTP_URL is not set. */
  sender: string | null;
  canSendTest: boolean;
  testForm: FormState;
  /** What became of the test mail just sent. */
  testResult: { ok: true; to: string } | { ok: false; error: string } | null;
  people: EmailDeliveryState[];
  timeZone: string;
}) {
  return (
    <>
      <h1>{t.tabTitle}</h1>
      <DeliveryTabs blocId={props.blocId} current="email" />
      <p>{t.tabIntro}</p>
      {props.sender ? <p class="small">{t.sender(props.sender)}</p> : <div class="alert info">{t.off}</div>}
      {props.sender && props.canSendTest ? (
        <section class="card" id="test-mail">
          <h2>{t.testTitle}</h2>
          <p class="small">{t.testExplain}</p>
          {props.testResult?.ok ? (
            <div class="alert ok" role="status">
              {t.testSent(props.testResult.to)}
            </div>
          ) : props.testResult ? (
            <div class="alert error" role="alert">
              {t.testFailed(props.testResult.error)}
            </div>
          ) : null}
          <PostForm action={`/blocs/${props.blocId}/delivery/email/test`}>
            <Field label={t.testTo} name="to" form={props.testForm} hint={t.addressHint} maxlength={254} />
            <div class="actions">
              <button type="submit">{t.testSend}</button>
            </div>
          </PostForm>
        </section>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>{t.colPerson}</th>
            <th>{t.colUnit}</th>
            <th>{t.colAddress}</th>
            <th>{t.colState}</th>
            <th>{t.colLastSent}</th>
            <th>{t.colLastError}</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              <td>
                <a href={`/blocs/${props.blocId}/focal-points/${p.focalPointId}#email`}>{p.fullName}</a>
              </td>
              <td>{p.unitName}</td>
              <td class="code">{p.address ?? <span class="muted">{t.noAddress}</span>}</td>
              <td>{p.state ? (t.states[p.state] ?? p.state) : ''}</td>
              <td>{p.lastDeliveredAt ? showDateTime(p.lastDeliveredAt, props.timeZone) : t.never}</td>
              <td>
                {p.lastError ? (
                  <>
                    <span class="small">
                      {showDateTime(p.lastError.at, props.timeZone)} ·{' '}
                      {p.lastError.failed ? t.failedForGood : t.willRetry}
                    </span>
                    <br />
                    <span class="code small">{p.lastError.error}</span>
                  </>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

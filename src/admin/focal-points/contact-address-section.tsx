import type { ContactAddress } from '../../db/contact-addresses.js';
import { contactAddressText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { PostForm } from '../ui/forms.js';

/** Where a Telegram account is shown by its username, when it has one; other channels by their address. */
const shown = (a: ContactAddress) => (a.channel === 'telegram' && a.detail ? `@${a.detail}` : a.address);

/** "Kênh nhận tin" on a focal point's page: their addresses in the order they are tried, and a button to put one first. */
export function ContactAddressSection(props: {
  action: string;
  addresses: ContactAddress[];
  canEdit: boolean;
  timeZone: string;
}) {
  return (
    <section class="card" id="channels">
      <h2>{t.title}</h2>
      {props.addresses.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <>
          <p class="small">{t.explain}</p>
          <table>
            <thead>
              <tr>
                <th>{t.channel}</th>
                <th>{t.address}</th>
                <th>{t.state}</th>
                <th>{t.linkedAt}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.addresses.map((a, i) => (
                <tr>
                  <td>{t.channelLabel(a.channel)}</td>
                  <td class="code">{shown(a)}</td>
                  <td>{t.states[a.state] ?? a.state}</td>
                  <td>{showDateTime(a.linkedAt, props.timeZone)}</td>
                  <td>
                    {i === 0 ? (
                      <span class="muted small">{t.first}</span>
                    ) : props.canEdit ? (
                      <PostForm action={`${props.action}/${a.id}/prefer`}>
                        <button type="submit" class="secondary">
                          {t.prefer}
                        </button>
                      </PostForm>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

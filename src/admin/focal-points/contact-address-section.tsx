import type { ContactAddress } from '../../db/contact-addresses.js';
import { failureReasonText } from '../../delivery/failure-reasons.js';
import type { ChannelReachView } from './channel-reach.js';
import { contactAddressText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { PostForm } from '../ui/forms.js';

/** Where a Telegram account is shown by its username, when it has one; other channels by their address. */
const shown = (a: ContactAddress) => (a.channel === 'telegram' && a.detail ? `@${a.detail}` : a.address);

/** Blocked: a delivery found it so (the product uses the next linked address meanwhile). */
const isBlocked = (a: ContactAddress, reach: ChannelReachView | undefined) =>
  a.state === 'blocked' || reach?.failures.get(a.id) === 'blocked';

/** An address's state: linked, or the reason its last delivery failed for good (blocked the bot…). */
function stateOf(a: ContactAddress, reach: ChannelReachView | undefined): string {
  const failed = reach?.failures.get(a.id);
  if (failed === 'blocked') return t.states.blocked!;
  if (failed) return failureReasonText[failed]?.label ?? failed;
  return t.states[a.state] ?? a.state;
}

/** "Kênh nhận tin" on a focal point's page: their addresses in the order they are tried, and a button to put one first. */
export function ContactAddressSection(props: {
  action: string;
  addresses: ContactAddress[];
  canEdit: boolean;
  timeZone: string;
  /** Failed addresses, channels never linked and how to link on Zalo (channel-reach.ts). */
  reach?: ChannelReachView;
}) {
  return (
    <section class="card" id="channels">
      <h2>{t.title}</h2>
      {props.addresses.length === 0 && (props.reach?.neverLinked.length ?? 0) === 0 ? (
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
                  <td>{stateOf(a, props.reach)}</td>
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
              {props.reach?.neverLinked.map((channel) => (
                <tr>
                  <td>{t.channelLabel(channel)}</td>
                  <td />
                  <td class="muted">{t.neverLinked}</td>
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          {props.addresses.some((a) => isBlocked(a, props.reach)) ? <p class="small">{t.blockedExplain}</p> : null}
          {props.addresses.some((a) => props.reach?.failures.has(a.id) && !isBlocked(a, props.reach)) ? (
            <p class="small">{t.failedExplain}</p>
          ) : null}
          {props.addresses.length === 0 ? <p class="muted small">{t.none}</p> : null}
        </>
      )}
      {props.reach?.zalo ? <ZaloLinking zalo={props.reach.zalo} /> : null}
    </section>
  );
}

/** How a person links their Zalo account: the invite code typed to the bot, and the bot's link and QR when known. */
function ZaloLinking(props: { zalo: NonNullable<ChannelReachView['zalo']> }) {
  const z = props.zalo;
  return (
    <div id="zalo">
      <h3>{t.zaloTitle}</h3>
      <p class="small">{z.code ? t.zaloHow(z.code) : t.zaloNoCode}</p>
      {z.botLink ? (
        <>
          {z.qr ? <img class="qr" src={z.qr} alt={t.zaloQrAlt} width="220" height="220" /> : null}
          <p>
            {t.zaloBotLink}:{' '}
            <a href={z.botLink} class="code">
              {z.botLink}
            </a>
          </p>
        </>
      ) : (
        <p class="muted small">{t.zaloNoBotLink}</p>
      )}
    </div>
  );
}

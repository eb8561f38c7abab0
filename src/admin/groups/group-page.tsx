import type { BlocChat } from '../../db/bloc-chats.js';
import type { Invite } from '../../db/invites.js';
import { DeliveryTabs } from '../delivery/delivery-tabs.js';
import { groupsText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { PostForm } from '../ui/forms.js';

export interface GroupInviteView {
  invite: Invite;
  /** The ?startgroup= deep link, or null while the bot's username is unknown. */
  link: string | null;
  qr: string | null;
}

function InviteBox(props: { view: GroupInviteView; blocName: string; timeZone: string }) {
  const v = props.view;
  return (
    <div class="invite">
      {v.link ? (
        <>
          {v.qr ? <img class="qr" src={v.qr} alt={t.qrAlt(props.blocName)} width="220" height="220" /> : null}
          <p>
            {t.inviteLink}:{' '}
            <a href={v.link} class="code">
              {v.link}
            </a>
          </p>
        </>
      ) : (
        <div class="alert info">{t.botNotConnected}</div>
      )}
      <p>
        {t.inviteCode}: <span class="code">{v.invite.code}</span>
      </p>
      <p class="muted small">{t.inviteExpires(showDateTime(v.invite.expiresAt, props.timeZone))}</p>
    </div>
  );
}

export function GroupPage(props: {
  blocId: number;
  blocName: string;
  chats: BlocChat[];
  invites: GroupInviteView[];
  canEdit: boolean;
  timeZone: string;
}) {
  const base = `/blocs/${props.blocId}/delivery/groups`;
  const [newest, ...others] = props.invites;
  return (
    <>
      <DeliveryTabs blocId={props.blocId} current="groups" />
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <section class="card" id="groups">
        {props.chats.length === 0 ? (
          <p class="muted">{t.none}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colTitle}</th>
                  <th class="hide-phone">{t.colLinked}</th>
                  <th>{t.colStatus}</th>
                </tr>
              </thead>
              <tbody>
                {props.chats.map((g) => (
                  <tr>
                    <td>
                      {g.title ?? t.untitled}
                      <div class="muted small show-phone">{showDateTime(g.linkedAt, props.timeZone)}</div>
                    </td>
                    <td class="hide-phone">{showDateTime(g.linkedAt, props.timeZone)}</td>
                    <td>
                      {g.active ? (
                        <span class="badge reported">{t.active}</span>
                      ) : (
                        <span class="badge neutral">{t.inactive}</span>
                      )}
                      {props.canEdit && g.active ? (
                        <PostForm
                          action={`${base}/${g.id}/deactivate`}
                          confirm={t.deactivateConfirm}
                          class="cell-action"
                        >
                          <button
                            type="submit"
                            class="secondary small"
                            aria-label={t.deactivateLabel(g.title ?? t.untitled)}
                          >
                            {t.deactivate}
                          </button>
                        </PostForm>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {props.chats.some((g) => !g.active) ? <p class="muted small">{t.inactiveHint}</p> : null}
      </section>
      <section class="card" id="invite">
        <h2>{t.inviteTitle}</h2>
        {props.canEdit ? (
          <>
            <ol class="steps">
              {t.inviteSteps.map((s) => (
                <li>{s}</li>
              ))}
            </ol>
            <p class="muted small">{t.inviteRules}</p>
            {newest ? (
              <>
                <InviteBox view={newest} blocName={props.blocName} timeZone={props.timeZone} />
                <RevokeForm action={`${base}/invites/${newest.invite.id}/revoke`} />
              </>
            ) : (
              <p class="muted">{t.noInvite}</p>
            )}
            <PostForm action={`${base}/invite`}>
              <button type="submit" class={newest ? 'secondary' : undefined}>
                {t.newInvite}
              </button>
            </PostForm>
            {others.length > 0 ? (
              <>
                <h3>{t.otherInvites}</h3>
                <ul>
                  {others.map((v) => (
                    <li>
                      {v.link ? (
                        <a href={v.link} class="code">
                          {v.link}
                        </a>
                      ) : (
                        <span class="code">{v.invite.code}</span>
                      )}{' '}
                      <span class="muted small">
                        {t.inviteExpires(showDateTime(v.invite.expiresAt, props.timeZone))}
                      </span>
                      <RevokeForm action={`${base}/invites/${v.invite.id}/revoke`} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p class="muted">{t.readOnly}</p>
        )}
      </section>
    </>
  );
}

function RevokeForm(props: { action: string }) {
  return (
    <PostForm action={props.action} confirm={t.revokeConfirm} class="cell-action">
      <button type="submit" class="secondary small">
        {t.revokeInvite}
      </button>
    </PostForm>
  );
}

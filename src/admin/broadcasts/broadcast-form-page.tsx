import { BROADCAST_MAX_CHARS } from '../../core/broadcast-text.js';
import type { BroadcastAudience } from '../../db/broadcast-audience.js';
import type { Broadcast, BroadcastCounts } from '../../db/broadcasts.js';
import { DeliveryTabs } from '../delivery/delivery-tabs.js';
import type { FormState } from '../http/form.js';
import { broadcastText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { CheckField, ErrorSummary, PostForm, TextArea } from '../ui/forms.js';
import { UnreachableList } from './unreachable-list.js';

function excerpt(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function SendForm(props: { blocId: number; form: FormState; nonce: string; audience: BroadcastAudience }) {
  const a = props.audience;
  return (
    <section class="card" id="send">
      <ErrorSummary form={props.form} />
      <PostForm action={`/blocs/${props.blocId}/delivery/broadcasts`} confirm={t.sendConfirm} long={t.sending}>
        <input type="hidden" name="nonce" value={props.nonce} />
        <TextArea
          label={t.text}
          name="text"
          form={props.form}
          rows={8}
          hint={t.textHint(BROADCAST_MAX_CHARS)}
          counter={{ max: BROADCAST_MAX_CHARS, text: t.counter }}
        />
        {a.groups.length > 0 ? (
          <CheckField label={t.includeGroups(a.groups.length)} name="includeGroups" form={props.form} checked={false} />
        ) : (
          <p class="muted small">
            {t.noGroups} <a href={`/blocs/${props.blocId}/delivery/groups`}>{t.linkGroups}</a>
          </p>
        )}
        <h2>{t.recipientsTitle}</h2>
        <p>{t.recipients(a.focalPoints.length)}</p>
        {a.unreachable.length > 0 ? (
          <details>
            <summary>{t.unreachableTitle(a.unreachable.length)}</summary>
            <p class="muted small">{t.unreachableHint}</p>
            <UnreachableList people={a.unreachable} />
          </details>
        ) : null}
        <div class="actions">
          <button type="submit">{t.send}</button>
        </div>
      </PostForm>
    </section>
  );
}

export function BroadcastFormPage(props: {
  blocId: number;
  canEdit: boolean;
  form: FormState;
  nonce: string;
  audience: BroadcastAudience;
  history: (Broadcast & BroadcastCounts)[];
  timeZone: string;
}) {
  const base = `/blocs/${props.blocId}/delivery/broadcasts`;
  return (
    <>
      <DeliveryTabs blocId={props.blocId} current="broadcasts" />
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {props.canEdit ? (
        <SendForm blocId={props.blocId} form={props.form} nonce={props.nonce} audience={props.audience} />
      ) : (
        <div class="alert info">{t.readOnly}</div>
      )}
      <section class="card" id="history">
        <h2>{t.historyTitle}</h2>
        {props.history.length === 0 ? (
          <p class="muted">{t.noHistory}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colAt}</th>
                  <th class="hide-phone">{t.colSender}</th>
                  <th>{t.colText}</th>
                  <th>{t.colResult}</th>
                </tr>
              </thead>
              <tbody>
                {props.history.map((b) => (
                  <tr>
                    <td class="nowrap">
                      <a href={`${base}/${b.id}`}>{showDateTime(b.createdAt, props.timeZone)}</a>
                    </td>
                    <td class="hide-phone">{b.senderName}</td>
                    <td class="small">{excerpt(b.text)}</td>
                    <td class="small">{t.resultLine(b.sent, b.sent + b.failed + b.pending, b.failed, b.pending)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

import type { Broadcast, UnreachableRecipient } from '../../db/broadcasts.js';
import { countMessages } from '../../db/broadcasts.js';
import type { OutboxMessage } from '../../db/outbox.js';
import { failureReasonText } from '../../delivery/failure-reasons.js';
import { DeliveryTabs } from '../delivery/delivery-tabs.js';
import { recipientKey } from '../delivery/recipients.js';
import { broadcastText as t, deliveryText } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { UnreachableList } from './unreachable-list.js';

/** Seconds between two updates of the progress while messages are still queued. */
export const PROGRESS_REFRESH_SECONDS = 3;

function StatusBadge(props: { status: OutboxMessage['status'] }) {
  if (props.status === 'sent') return <span class="badge reported">{t.sent}</span>;
  if (props.status === 'failed') return <span class="badge missing">{t.failed}</span>;
  return <span class="badge nil">{t.pending}</span>;
}

function Reason(props: { m: OutboxMessage }) {
  if (props.m.status !== 'failed') return null;
  const r = failureReasonText[props.m.failureReason ?? 'unknown'] ?? failureReasonText.unknown!;
  return (
    <>
      <b>{r.label}.</b> {r.action}
    </>
  );
}

/** The part of the page that admin.js refreshes in place while anything is still queued. */
function Progress(props: { messages: OutboxMessage[]; names: Map<string, string>; url: string }) {
  const n = countMessages(props.messages);
  const total = props.messages.length;
  const done = n.sent + n.failed;
  return (
    <section
      class="card"
      id="broadcast-progress"
      data-refresh={n.pending > 0 ? String(PROGRESS_REFRESH_SECONDS) : undefined}
    >
      <h2>{t.progressTitle}</h2>
      {total === 0 ? (
        <p class="muted">{t.nothingQueued}</p>
      ) : (
        <>
          <progress class="progress-bar" max={total} value={done} aria-label={t.progressLabel(done, total)}></progress>
          <p>
            <b>{t.progressLabel(done, total)}</b>
            {n.pending > 0 ? null : ` · ${t.allDone}`}
          </p>
        </>
      )}
      <div class="stats compact">
        {(
          [
            ['pending', n.pending],
            ['sent', n.sent],
            ['failed', n.failed],
          ] as const
        ).map(([k, v]) => (
          <div class="stat" id={`count-${k}`}>
            <b>{v}</b>
            <span>{t[k]}</span>
          </div>
        ))}
      </div>
      {n.pending > 0 ? (
        <p class="muted small">
          {t.stillSending} <a href={props.url}>{t.refresh}</a>
        </p>
      ) : null}
      {total > 0 ? (
        <>
          <h3>{t.recipientsListTitle}</h3>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colRecipient}</th>
                  <th>{t.colStatus}</th>
                  {n.failed > 0 ? <th>{t.colReason}</th> : null}
                </tr>
              </thead>
              <tbody>
                {props.messages.map((m) => (
                  <tr>
                    <td>
                      {m.chatType === 'group'
                        ? t.groupRecipient(props.names.get(recipientKey(m.channel, m.address)) ?? m.address)
                        : (props.names.get(recipientKey(m.channel, m.address)) ?? t.unknownRecipient(m.address))}
                    </td>
                    <td>
                      <StatusBadge status={m.status} />
                    </td>
                    {n.failed > 0 ? (
                      <td class="small">
                        <Reason m={m} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function sentText(messages: OutboxMessage[], fallback: string): string {
  try {
    const p = JSON.parse(messages[0]?.payload ?? '') as { text?: unknown };
    return typeof p.text === 'string' ? p.text : fallback;
  } catch {
    return fallback;
  }
}

export function BroadcastProgressPage(props: {
  blocId: number;
  broadcast: Broadcast;
  messages: OutboxMessage[];
  names: Map<string, string>;
  unreachable: UnreachableRecipient[];
  timeZone: string;
}) {
  const b = props.broadcast;
  const when = showDateTime(b.createdAt, props.timeZone);
  return (
    <>
      <DeliveryTabs blocId={props.blocId} current="broadcasts" />
      <p>
        <a href={`/blocs/${props.blocId}/delivery/broadcasts`}>{t.back}</a>
      </p>
      <h1>{t.detailTitle(when)}</h1>
      <Progress
        messages={props.messages}
        names={props.names}
        url={`/blocs/${props.blocId}/delivery/broadcasts/${b.id}`}
      />
      {props.unreachable.length > 0 ? (
        <section class="card" id="unreachable">
          <h2>{t.unreachableTitle(props.unreachable.length)}</h2>
          <p class="muted small">{t.unreachableHint}</p>
          <UnreachableList people={props.unreachable} />
        </section>
      ) : null}
      <section class="card">
        <dl class="facts">
          <dt>{t.sentBy}</dt>
          <dd>{b.senderName}</dd>
          <dt>{t.sentAt}</dt>
          <dd>{when}</dd>
          <dt>{deliveryText.colKind}</dt>
          <dd>{deliveryText.kinds.broadcast}</dd>
        </dl>
        <h2>{t.message}</h2>
        <div class="digest-text pre">{sentText(props.messages, b.text)}</div>
      </section>
    </>
  );
}

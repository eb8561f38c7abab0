import { type Context, Hono } from 'hono';
import { reminderDeadlines } from '../../core/reminder-periods.js';
import { failureReasonText } from '../../delivery/failure-reasons.js';
import { addDays, formatDateVi, localDateOf } from '../../core/time.js';
import { deadlineRulesOf } from '../../db/figures.js';
import {
  type DeliveryStats,
  deliveryStats,
  getOutboxMessage,
  listFailedOutbox,
  PERIOD_BOUND_KINDS,
  periodKeyOfOutboxRow,
  requeueFailedOutbox,
} from '../../db/outbox-admin.js';
import type { Bloc } from '../../db/blocs.js';
import type { OutboxMessage } from '../../db/outbox.js';
import { periodOfKey } from '../../reporting/period-taken.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { contactAddressText, deliveryText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { PostForm } from '../ui/forms.js';
import { DeliveryTabs } from './delivery-tabs.js';
import { recipientKey, recipientNames } from './recipients.js';

function reasonLabel(reason: string | null): string {
  return (failureReasonText[reason ?? 'unknown'] ?? failureReasonText.unknown!).label;
}

function DeliveryPage(props: {
  blocId: number;
  stats: DeliveryStats;
  failed: OutboxMessage[];
  names: Map<string, string>;
  canEdit: boolean;
  timeZone: string;
  /** Why the admin's resend was refused. */
  error?: string;
}) {
  const s = props.stats;
  return (
    <>
      <DeliveryTabs blocId={props.blocId} current="status" />
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {props.error ? (
        <div class="alert error" role="alert">
          {props.error}
        </div>
      ) : null}
      <div class="stats">
        {(
          [
            ['queued', s.queued],
            ['sending', s.sending],
            ['sent', s.sent],
            ['failed', s.failed],
          ] as const
        ).map(([k, n]) => (
          <div class="stat">
            <b>{n}</b>
            <span>{t[k]}</span>
          </div>
        ))}
      </div>
      {s.oldestQueuedAt ? (
        <p class="muted small">{t.oldestQueued(showDateTime(s.oldestQueuedAt, props.timeZone))}</p>
      ) : null}
      {s.failureReasons.length > 0 ? (
        <section class="card">
          <h2>{t.reasonsTitle}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colReason}</th>
                  <th class="num">{t.colCount}</th>
                  <th>{t.colAction}</th>
                </tr>
              </thead>
              <tbody>
                {s.failureReasons.map((r) => (
                  <tr>
                    <td>{reasonLabel(r.reason)}</td>
                    <td class="num">{r.count}</td>
                    <td class="small">{(failureReasonText[r.reason] ?? failureReasonText.unknown!).action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section class="card">
        <h2>{t.failedTitle}</h2>
        {props.failed.length === 0 ? (
          <p class="muted">{t.noFailed}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colKind}</th>
                  <th>{t.colTo}</th>
                  <th class="hide-phone">{t.colCreated}</th>
                  <th>{t.colReason}</th>
                  <th class="hide-phone">{t.colError}</th>
                  <th class="num hide-phone">{t.colAttempts}</th>
                  {props.canEdit ? <th></th> : null}
                </tr>
              </thead>
              <tbody>
                {props.failed.map((m) => (
                  <tr>
                    <td>{t.kinds[m.kind] ?? m.kind}</td>
                    <td>
                      {props.names.get(recipientKey(m.channel, m.address)) ??
                        (m.chatType === 'group' ? `${t.group} ${m.address}` : m.address)}
                      {/* Telegram is the usual channel; another is named. */}
                      {m.channel === 'telegram' ? null : (
                        <span class="muted small"> · {contactAddressText.channelLabel(m.channel)}</span>
                      )}
                    </td>
                    <td class="hide-phone">{showDateTime(m.createdAt, props.timeZone)}</td>
                    <td>{reasonLabel(m.failureReason)}</td>
                    <td class="hide-phone small">{m.lastError ?? ''}</td>
                    <td class="num hide-phone">{m.attempts}</td>
                    {props.canEdit ? (
                      <td>
                        <PostForm action={`/blocs/${props.blocId}/delivery/${m.id}/requeue`} confirm={t.resendConfirm}>
                          <button type="submit" class="secondary small">
                            {t.resend}
                          </button>
                        </PostForm>
                      </td>
                    ) : null}
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

async function renderDeliveryPage(c: Context<AdminEnv>, error?: string) {
  const { db, timeZone } = c.get('deps');
  const bloc = c.get('bloc');
  const failed = await listFailedOutbox(db, { blocId: bloc.id, limit: 100 });
  return c.render(
    <DeliveryPage
      blocId={bloc.id}
      stats={await deliveryStats(db, bloc.id)}
      failed={failed}
      names={
        await recipientNames(
          db,
          bloc.id,
          failed.map((m) => ({ channel: m.channel, address: m.address })),
        )
      }
      canEdit={canEditBloc(currentAdmin(c), bloc.id)}
      timeZone={timeZone}
      error={error}
    />,
    { title: `${t.title} · ${bloc.name}` },
  );
}

/**
 * The sending window of a resent reminder or escalation: it asks for its period's report, so it
 * ends when the bot and the personal link stop taking that period (the end of lastDayTaken, as
 * the reminder job's own window does). Refused, with the reason, when that moment has passed or
 * the row names no period: queued, it would either expire unsent behind the admin's back or ask
 * for a report nobody can send any more.
 */
function resendWindow(
  bloc: Bloc,
  row: Pick<OutboxMessage, 'dedupeKey' | 'message'>,
  now: Date,
  timeZone: string,
): { notAfter: Date } | { refused: string } {
  const period = periodOfKey(periodKeyOfOutboxRow(row) ?? '');
  if (!period) return { refused: t.resendNoPeriod };
  const { takenUntil } = reminderDeadlines(period, deadlineRulesOf(bloc), timeZone);
  if (now.getTime() >= takenUntil.getTime()) {
    const lastDay = formatDateVi(addDays(localDateOf(takenUntil, timeZone), -1));
    return { refused: t.resendPeriodClosed(period.label, lastDay) };
  }
  return { notAfter: takenUntil };
}

/** /blocs/:blocId/delivery: queued, sent and failed messages with reasons; a failed one can be sent again. */
export function deliveryRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', (c) => renderDeliveryPage(c));

  app.post('/:messageId/requeue', async (c) => {
    const bloc = c.get('bloc');
    const raw = c.req.param('messageId');
    const id = /^\d{1,12}$/.test(raw) ? Number(raw) : 0;
    const { db, now, timeZone } = c.get('deps');
    const message = id ? await getOutboxMessage(db, id) : undefined;
    if (!message || message.blocId !== bloc.id) notFound();
    const at = now();
    let notAfter: Date | null = null;
    if (message.status === 'failed' && PERIOD_BOUND_KINDS.has(message.kind)) {
      const window = resendWindow(bloc, message, at, timeZone);
      if ('refused' in window) {
        c.status(409);
        return renderDeliveryPage(c, window.refused);
      }
      notAfter = window.notAfter;
    }
    const requeued = await applyChange(c, async (trx, audit) => {
      const ok = await requeueFailedOutbox(trx, id, at, notAfter);
      if (ok)
        await audit({
          action: 'outbox.requeue',
          entity: 'outbox_message',
          entityId: id,
          blocId: bloc.id,
          details: { kind: message.kind },
        });
      return ok;
    });
    return c.redirect(`/blocs/${bloc.id}/delivery${requeued ? '?ok=requeued' : ''}`, 303);
  });

  return app;
}

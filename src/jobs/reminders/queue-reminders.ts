// Writes the reminder and escalation messages to the outbox. Each dedupe key names the stage, the
// bloc, the unit, the recipient and the period, so a message is queued once however often the
// job runs for the same moment, and a restart cannot queue it again.

import type { OutboundMessage } from '../../core/outbound-message.js';
import type { ReportingPeriod } from '../../core/periods.js';
import { type SendingWindow, sendingWindowEnd } from '../../core/quiet-hours.js';
import type { EscalateTo, ReminderStage } from '../../core/reminder-policy.js';
import { chairEscalationMessage, unitHeadEscalationMessage, unitReminderMessage } from '../../core/reminder-text.js';
import type { Db } from '../../db/connection.js';
import type { RunningChannels } from '../../db/contact-addresses.js';
import type { UnitPeriodRow } from '../../db/figures.js';
import { enqueueOutbox } from '../../db/outbox.js';
import {
  chairUnitFor,
  type Contact,
  listReachableContacts,
  unitReminderRecipients,
} from '../../db/reminder-recipients.js';
import type { Bloc } from '../../db/blocs.js';

export interface ReminderContext {
  db: Db;
  /** The channels this process delivers through: a person is reached only on one of them. */
  channels: RunningChannels;
  bloc: Pick<Bloc, 'id' | 'name'>;
  period: ReportingPeriod;
  deadline: Date;
  now: Date;
  timeZone: string;
  window: SendingWindow;
}

const periodRef = (ctx: ReminderContext) => ({ key: ctx.period.key, label: ctx.period.label, deadline: ctx.deadline });

/**
 * Queues the stage's reminder to every reachable focal point of each missing unit; counts the
 * focal points it could not reach (no linked chat).
 */
export async function queueUnitReminders(
  ctx: ReminderContext,
  stage: ReminderStage,
  missing: readonly UnitPeriodRow[],
): Promise<{ queued: number; unreachable: number[]; withoutChat: number }> {
  const recipients = await unitReminderRecipients(
    ctx.db,
    missing.map((u) => u.unitId),
    ctx.channels,
  );
  let queued = 0;
  const unreachable: number[] = [];
  for (const unit of missing) {
    const focalPoints = recipients.reachable.filter((c) => c.unitId === unit.unitId);
    if (focalPoints.length === 0) unreachable.push(unit.unitId);
    for (const fp of focalPoints) {
      const message = unitReminderMessage({
        blocName: ctx.bloc.name,
        focalPointName: fp.fullName,
        unitName: unit.unitName,
        period: periodRef(ctx),
        stage: { kind: stage.kind === 'before' ? 'before' : 'after', ordinal: stage.ordinal },
        timeZone: ctx.timeZone,
      });
      const added = await enqueue(
        ctx,
        'reminder',
        `reminder:${stage.key}:${ctx.bloc.id}:${unit.unitId}:${fp.focalPointId}:${ctx.period.key}`,
        fp,
        message,
        // A reminder that cannot go out the same working day is dropped, not sent at night.
        stage.validUntil,
      );
      if (added) queued++;
    }
  }
  return { queued, unreachable, withoutChat: recipients.withoutChat.length };
}

/**
 * Queues the escalation once: to each missing unit's head ('unit_head'; units without a reachable
 * head fall back to the chair), or to the chair unit's focal points naming the missing units.
 */
export async function queueEscalation(
  ctx: ReminderContext,
  escalateTo: EscalateTo,
  missing: readonly UnitPeriodRow[],
  expected: number,
): Promise<{ queued: number }> {
  if (escalateTo === 'none' || missing.length === 0) return { queued: 0 };
  const contacts = await listReachableContacts(
    ctx.db,
    missing.map((u) => u.unitId),
    ctx.channels,
  );
  const notAfter = sendingWindowEnd(ctx.now, ctx.window);
  let queued = 0;
  const toChair: UnitPeriodRow[] = [];
  for (const unit of missing) {
    const heads =
      escalateTo === 'unit_head' ? contacts.filter((c) => c.unitId === unit.unitId && c.role === 'unit_head') : [];
    if (heads.length === 0) toChair.push(unit);
    for (const head of heads) {
      const message = unitHeadEscalationMessage({
        blocName: ctx.bloc.name,
        recipientName: head.fullName,
        unitName: unit.unitName,
        period: periodRef(ctx),
        timeZone: ctx.timeZone,
      });
      if (
        await enqueue(
          ctx,
          'escalation',
          `reminder:escalation:${ctx.bloc.id}:${unit.unitId}:${head.focalPointId}:${ctx.period.key}`,
          head,
          message,
          notAfter,
        )
      )
        queued++;
    }
  }
  if (toChair.length === 0) return { queued };
  const chairUnitId = await chairUnitFor(ctx.db, ctx.bloc.id, Number(ctx.period.key.slice(0, 4)));
  if (chairUnitId === null) return { queued };
  const chairContacts = await listReachableContacts(ctx.db, [chairUnitId], ctx.channels);
  // The chair's focal points run the secretariat; its head only when no focal point is linked.
  const focal = chairContacts.filter((c) => c.role === 'focal_point');
  const recipients = focal.length > 0 ? focal : chairContacts;
  for (const r of recipients) {
    const message = chairEscalationMessage({
      blocName: ctx.bloc.name,
      recipientName: r.fullName,
      period: periodRef(ctx),
      expected,
      missing: toChair.map((u) => ({
        name: u.unitName,
        reachable: contacts.some((c) => c.unitId === u.unitId && c.role === 'focal_point'),
      })),
      now: ctx.now,
      timeZone: ctx.timeZone,
    });
    if (
      await enqueue(
        ctx,
        'escalation',
        `reminder:escalation:${ctx.bloc.id}:chair:${r.focalPointId}:${ctx.period.key}`,
        r,
        message,
        notAfter,
      )
    )
      queued++;
  }
  return { queued };
}

/**
 * Queues a message to a contact at their first linked address; their channel renders it (and
 * splits it, should a list of units ever pass its limit) when it sends it.
 */
function enqueue(
  ctx: ReminderContext,
  kind: 'reminder' | 'escalation',
  dedupeKey: string,
  to: Contact,
  message: OutboundMessage,
  notAfter: Date,
): Promise<boolean> {
  return enqueueOutbox(ctx.db, {
    dedupeKey,
    blocId: ctx.bloc.id,
    kind,
    channel: to.reach.channel,
    address: to.reach.address,
    audience: 'person',
    message,
    notAfter,
    now: ctx.now,
  });
}

// Which reminders a period's missing units (and the escalation recipients) get, and when. Pure.
//
// The timeline of a period (docs/decisions/0022-reminder-timeline.md):
//   before      (deadline date - beforeDays) at beforeTime, only if it can go out before the deadline;
//   after1      the deadline date at afterTime;
//   after2..N   afterEveryDays after the day the previous one actually went out, at afterTime;
//   escalation  afterEveryDays after the last after-reminder (or at after1's time when N = 0).
// A moment in quiet hours, on a weekend (unless allowed) or on a holiday is deferred to the start
// of the next sending window. A unit reminder not sent on its day (the process was down) is
// dropped for the next one; the escalation stays due until the period is no longer taken. No stage
// begins or stays valid past the end of the last day the bot and the personal link take the period
// (takenUntil, from lastDayTaken): a queued message held by an outage must not chase a period
// nobody can send any more, even when the lock is days later (decision 0022).

import {
  isSendingAllowed,
  isValidClockTime,
  nextSendingMoment,
  type SendingWindow,
  sendingWindowEnd,
} from './quiet-hours.js';
import { addDays, localDateOf, zonedInstant } from './time.js';

export type EscalateTo = 'none' | 'chair' | 'unit_head';

/** A bloc's reminder settings. */
export interface ReminderPolicy {
  enabled: boolean;
  /** Days before the deadline's date (the deadline is local midnight); null: no reminder before. */
  beforeDays: number | null;
  beforeTime: string;
  afterTime: string;
  afterEveryDays: number;
  /** How many reminders after the deadline (0 to 10). */
  afterMax: number;
  escalateTo: EscalateTo;
  sendFrom: string;
  sendUntil: string;
  sendOnWeekends: boolean;
}

/** Defaults: the afternoon before the deadline, two mornings after it, then the chair is told. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  enabled: true,
  beforeDays: 1,
  beforeTime: '15:00',
  afterTime: '08:00',
  afterEveryDays: 1,
  afterMax: 2,
  escalateTo: 'chair',
  sendFrom: '07:30',
  sendUntil: '17:30',
  sendOnWeekends: false,
};

export type ReminderStageKind = 'before' | 'after' | 'escalation';

/** One reminder of a period's timeline. */
export interface ReminderStage {
  /** 'before', 'after1', 'after2', … or 'escalation' (part of the outbox dedupe key). */
  key: string;
  kind: ReminderStageKind;
  /** 1-based number of an after-deadline reminder; 0 otherwise. */
  ordinal: number;
  /** When the policy asks for it. */
  nominalAt: Date;
  /** When it may actually go out (nominalAt deferred out of quiet hours, weekends and holidays). */
  sendAt: Date;
  /** Not sent from this instant on (superseded, outside its day's window, or the period no longer taken). */
  validUntil: Date;
}

/** The instants a period's reminders depend on. */
export interface ReminderDeadlines {
  /** The on-time deadline (local midnight). */
  deadline: Date;
  /**
   * 00:00 local after the last day the bot and the personal link take the period (lastDayTaken):
   * its lock, or earlier when the lock is longer than a period. Nothing is sent from then on.
   */
  takenUntil: Date;
}

/** The sending window of a policy, with the holidays it must respect. */
export function sendingWindowOf(
  policy: ReminderPolicy,
  timeZone: string,
  holidays: ReadonlySet<string>,
): SendingWindow {
  return { timeZone, from: policy.sendFrom, until: policy.sendUntil, weekends: policy.sendOnWeekends, holidays };
}

const minDate = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);

/** Every reminder of a period with its nominal and effective moments, in order. */
export function reminderTimeline(
  policy: ReminderPolicy,
  deadlines: ReminderDeadlines,
  window: SendingWindow,
): ReminderStage[] {
  const tz = window.timeZone;
  const { deadline, takenUntil } = deadlines;
  const deadlineDate = localDateOf(deadline, tz);
  const stages: ReminderStage[] = [];

  if (policy.beforeDays !== null) {
    const nominalAt = zonedInstant(addDays(deadlineDate, -policy.beforeDays), policy.beforeTime, tz);
    const sendAt = nextSendingMoment(nominalAt, window);
    if (sendAt && sendAt < deadline && sendAt < takenUntil) {
      const validUntil = minDate(minDate(deadline, sendingWindowEnd(sendAt, window)), takenUntil);
      stages.push({ key: 'before', kind: 'before', ordinal: 0, nominalAt, sendAt, validUntil });
    }
  }

  const after: ReminderStage[] = [];
  let nominalAt = zonedInstant(deadlineDate, policy.afterTime, tz);
  for (let k = 1; k <= policy.afterMax; k++) {
    const sendAt = nextSendingMoment(nominalAt, window);
    if (!sendAt || sendAt >= takenUntil) break;
    after.push({
      key: `after${k}`,
      kind: 'after',
      ordinal: k,
      nominalAt,
      sendAt,
      validUntil: sendingWindowEnd(sendAt, window),
    });
    nominalAt = zonedInstant(addDays(localDateOf(sendAt, tz), policy.afterEveryDays), policy.afterTime, tz);
  }

  let escalation: ReminderStage | null = null;
  if (policy.escalateTo !== 'none') {
    const sendAt = nextSendingMoment(nominalAt, window);
    if (sendAt && sendAt < takenUntil) {
      escalation = { key: 'escalation', kind: 'escalation', ordinal: 0, nominalAt, sendAt, validUntil: takenUntil };
    }
  }

  // An after-reminder also ends where the next stage begins, and never outlives the period's last
  // day taken.
  for (const [i, stage] of after.entries()) {
    const next = after[i + 1]?.sendAt ?? escalation?.sendAt ?? takenUntil;
    stage.validUntil = minDate(minDate(stage.validUntil, next), takenUntil);
  }
  return [...stages, ...after, ...(escalation ? [escalation] : [])];
}

/** What is due at `now` for a period: at most one unit reminder, and the escalation. */
export interface DueReminders {
  unit: ReminderStage | null;
  escalation: ReminderStage | null;
}

/** The reminders of a period due at `now`; nothing outside the sending window or when disabled. */
export function dueReminders(
  policy: ReminderPolicy,
  deadlines: ReminderDeadlines,
  now: Date,
  window: SendingWindow,
): DueReminders {
  const none: DueReminders = { unit: null, escalation: null };
  if (!policy.enabled || !isSendingAllowed(now, window)) return none;
  const active = reminderTimeline(policy, deadlines, window).filter((s) => s.sendAt <= now && now < s.validUntil);
  return {
    unit: active.filter((s) => s.kind !== 'escalation').at(-1) ?? null,
    escalation: active.find((s) => s.kind === 'escalation') ?? null,
  };
}

/** The local times at which a policy's reminders can become due (for the job's schedule). */
export function reminderClockTimes(policy: ReminderPolicy): string[] {
  const times = new Set([policy.afterTime, policy.sendFrom]);
  if (policy.beforeDays !== null) times.add(policy.beforeTime);
  return [...times].sort();
}

/** Problems with a policy as Vietnamese messages, one per field; empty when valid. */
export function reminderPolicyProblems(p: ReminderPolicy): string[] {
  const problems: string[] = [];
  const time = (v: string, label: string) => {
    if (!isValidClockTime(v)) problems.push(`${label} phải có dạng GG:PP, ví dụ 08:00 (đang là "${v}").`);
  };
  time(p.beforeTime, 'Giờ nhắc trước hạn');
  time(p.afterTime, 'Giờ nhắc sau hạn');
  time(p.sendFrom, 'Giờ bắt đầu được gửi tin');
  time(p.sendUntil, 'Giờ thôi gửi tin');
  if (isValidClockTime(p.sendFrom) && isValidClockTime(p.sendUntil) && p.sendFrom >= p.sendUntil)
    problems.push('Giờ bắt đầu được gửi tin phải sớm hơn giờ thôi gửi tin.');
  if (p.beforeDays !== null && !(Number.isInteger(p.beforeDays) && p.beforeDays >= 0 && p.beforeDays <= 31))
    problems.push('Số ngày nhắc trước hạn phải là số nguyên từ 0 đến 31.');
  if (!(Number.isInteger(p.afterEveryDays) && p.afterEveryDays >= 1 && p.afterEveryDays <= 31))
    problems.push('Khoảng cách giữa các lần nhắc sau hạn phải là số nguyên từ 1 đến 31 ngày.');
  if (!(Number.isInteger(p.afterMax) && p.afterMax >= 0 && p.afterMax <= 10))
    problems.push('Số lần nhắc sau hạn phải là số nguyên từ 0 đến 10.');
  if (!['none', 'chair', 'unit_head'].includes(p.escalateTo))
    problems.push('Nơi báo cáo khi đơn vị vẫn chưa gửi phải là: không báo, Khối trưởng, hoặc thủ trưởng đơn vị.');
  return problems;
}

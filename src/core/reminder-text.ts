// The message catalogue of reminders and escalations: every word a focal point, a unit head or
// the chair reads from the reminder job. Pure.

import { formatDateTimeVi, formatDateVi, localDateOf } from './time.js';

/** callback_data of the reminder buttons (≤ 64 bytes); the bot answers them. */
export const reminderCallback = {
  /** Opens the report flow for the period: 'remind:report:2026-W48'. */
  report: (periodKey: string) => `remind:report:${periodKey}`,
  /** Records a nil report ("nothing new") for the period: 'remind:nil:2026-W48'. */
  nil: (periodKey: string) => `remind:nil:${periodKey}`,
  pattern: /^remind:(report|nil):(\d{4}-(?:W\d{2}|\d{2}))$/,
} as const;

export const reminderButtons = {
  report: '📝 Gửi báo cáo',
  nil: 'Kỳ này không có gì mới',
} as const;

export interface ReminderMessage {
  text: string;
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

interface PeriodRef {
  key: string;
  label: string;
  /** The on-time deadline (local midnight). */
  deadline: Date;
}

/** 'hết ngày 30/11/2026': the last day a report is on time. */
function dueDay(deadline: Date, timeZone: string): string {
  return `hết ngày ${formatDateVi(localDateOf(new Date(deadline.getTime() - 1), timeZone))}`;
}

const header = (blocName: string) => `[${blocName}]`;

/** A reminder to a focal point of a unit that has not reported, with the two buttons. */
export function unitReminderMessage(m: {
  blocName: string;
  focalPointName: string;
  unitName: string;
  period: PeriodRef;
  stage: { kind: 'before' | 'after'; ordinal: number };
  timeZone: string;
}): ReminderMessage {
  const due = dueDay(m.period.deadline, m.timeZone);
  const body =
    m.stage.kind === 'before'
      ? [
          `Đơn vị ${m.unitName} chưa gửi báo cáo tiến độ ${m.period.label}. Hạn báo cáo: ${due}.`,
          'Đề nghị đồng chí gửi báo cáo trước hạn. Nếu trong kỳ đơn vị không có kết quả mới, đồng chí bấm «Kỳ này không có gì mới».',
        ]
      : [
          `Đã quá hạn báo cáo tiến độ ${m.period.label} (hạn: ${due}) nhưng Khối chưa nhận được báo cáo của ${m.unitName}.`,
          `Đề nghị đồng chí gửi báo cáo sớm (nhắc lần ${m.stage.ordinal}). Nếu trong kỳ đơn vị không có kết quả mới, đồng chí bấm «Kỳ này không có gì mới».`,
        ];
  return {
    text: [header(m.blocName), `Kính gửi đồng chí ${m.focalPointName},`, ...body].join('\n'),
    reply_markup: {
      inline_keyboard: [
        [{ text: reminderButtons.report, callback_data: reminderCallback.report(m.period.key) }],
        [{ text: reminderButtons.nil, callback_data: reminderCallback.nil(m.period.key) }],
      ],
    },
  };
}

/** Telegram's limit on a message's text. */
const MAX_TEXT = 4096;

/** The escalation to the chair's focal point: the units still missing after every reminder. */
export function chairEscalationMessage(m: {
  blocName: string;
  recipientName: string;
  period: PeriodRef;
  expected: number;
  missing: { name: string; reachable: boolean }[];
  now: Date;
  timeZone: string;
}): ReminderMessage {
  const lines = [
    header(m.blocName),
    `Kính gửi đồng chí ${m.recipientName},`,
    `Đến ${formatDateTimeVi(m.now, m.timeZone)}, ${m.missing.length}/${m.expected} đơn vị chưa gửi báo cáo tiến độ ${m.period.label} (hạn: ${dueDay(m.period.deadline, m.timeZone)}) dù đã được nhắc:`,
  ];
  const items = m.missing.map(
    (u, i) => `${i + 1}. ${u.name}${u.reachable ? '' : ' (chưa có cán bộ đầu mối nhận tin qua Telegram)'}`,
  );
  const closing = 'Đề nghị đồng chí đôn đốc các đơn vị gửi báo cáo.';
  let text = [...lines, ...items, closing].join('\n');
  // Eleven units never come near the limit; a very long list is cut rather than refused.
  for (let kept = items.length - 1; text.length > MAX_TEXT && kept > 0; kept--) {
    text = [...lines, ...items.slice(0, kept), `… và ${items.length - kept} đơn vị khác.`, closing].join('\n');
  }
  return { text };
}

/** The escalation to a unit's head: their unit has still not reported. */
export function unitHeadEscalationMessage(m: {
  blocName: string;
  recipientName: string;
  unitName: string;
  period: PeriodRef;
  timeZone: string;
}): ReminderMessage {
  return {
    text: [
      header(m.blocName),
      `Kính gửi đồng chí ${m.recipientName},`,
      `Đơn vị ${m.unitName} chưa gửi báo cáo tiến độ ${m.period.label} (hạn: ${dueDay(m.period.deadline, m.timeZone)}) dù cán bộ đầu mối đã được nhắc.`,
      'Đề nghị đồng chí chỉ đạo gửi báo cáo sớm.',
    ].join('\n'),
  };
}

// The message catalogue of reminders and escalations: every word a focal point, a unit head or
// the chair reads from the reminder job, as neutral messages each channel renders. Pure.

import { actionLabels } from './action-labels.js';
import { type OutboundMessage, paragraph } from './outbound-message.js';
import { shortPeriodLabel } from './periods.js';
import { formatDateTimeVi, formatDateVi, localDateOf } from './time.js';

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

/** A reminder to a focal point of a unit that has not reported, offering to report or to say nothing is new. */
export function unitReminderMessage(m: {
  blocName: string;
  focalPointName: string;
  unitName: string;
  period: PeriodRef;
  stage: { kind: 'before' | 'after'; ordinal: number };
  timeZone: string;
}): OutboundMessage {
  const due = dueDay(m.period.deadline, m.timeZone);
  const nilHint = `Nếu trong kỳ đơn vị không có kết quả mới, đồng chí bấm «${actionLabels.nilReport}».`;
  const body =
    m.stage.kind === 'before'
      ? [
          `Đơn vị ${m.unitName} chưa gửi báo cáo tiến độ ${m.period.label}. Hạn báo cáo: ${due}.`,
          `Đề nghị đồng chí gửi báo cáo trước hạn. ${nilHint}`,
        ]
      : [
          `Đã quá hạn báo cáo tiến độ ${m.period.label} (hạn: ${due}) nhưng Khối chưa nhận được báo cáo của ${m.unitName}.`,
          `Đề nghị đồng chí gửi báo cáo sớm (nhắc lần ${m.stage.ordinal}). ${nilHint}`,
        ];
  return {
    topic: 'reminder',
    title: header(m.blocName),
    subject: `${header(m.blocName)} Nhắc báo cáo ${shortPeriodLabel(m.period.label)} – hạn ${due}`,
    blocks: [paragraph([`Kính gửi đồng chí ${m.focalPointName},`, ...body].join('\n'))],
    actions: [
      { kind: 'sendReport', periodKey: m.period.key },
      { kind: 'nilReport', periodKey: m.period.key },
    ],
  };
}

/** The escalation to the chair's focal point: the units still missing after every reminder. */
export function chairEscalationMessage(m: {
  blocName: string;
  recipientName: string;
  period: PeriodRef;
  expected: number;
  missing: { name: string; reachable: boolean }[];
  now: Date;
  timeZone: string;
}): OutboundMessage {
  const items = m.missing.map(
    (u, i) => `${i + 1}. ${u.name}${u.reachable ? '' : ' (chưa có cán bộ đầu mối nhận được tin nhắn)'}`,
  );
  // One block: the list stays with its request, and a channel splits it only if it alone is too long.
  const text = [
    `Kính gửi đồng chí ${m.recipientName},`,
    `Đến ${formatDateTimeVi(m.now, m.timeZone)}, ${m.missing.length}/${m.expected} đơn vị chưa gửi báo cáo tiến độ ${m.period.label} (hạn: ${dueDay(m.period.deadline, m.timeZone)}) dù đã được nhắc:`,
    ...items,
    'Đề nghị đồng chí đôn đốc các đơn vị gửi báo cáo.',
  ].join('\n');
  return {
    topic: 'escalation',
    title: header(m.blocName),
    subject: `${header(m.blocName)} ${m.missing.length}/${m.expected} đơn vị chưa gửi báo cáo ${shortPeriodLabel(m.period.label)}`,
    blocks: [paragraph(text)],
    actions: [],
  };
}

/** The escalation to a unit's head: their unit has still not reported. */
export function unitHeadEscalationMessage(m: {
  blocName: string;
  recipientName: string;
  unitName: string;
  period: PeriodRef;
  timeZone: string;
}): OutboundMessage {
  const text = [
    `Kính gửi đồng chí ${m.recipientName},`,
    `Đơn vị ${m.unitName} chưa gửi báo cáo tiến độ ${m.period.label} (hạn: ${dueDay(m.period.deadline, m.timeZone)}) dù cán bộ đầu mối đã được nhắc.`,
    'Đề nghị đồng chí chỉ đạo gửi báo cáo sớm.',
  ].join('\n');
  return {
    topic: 'escalation',
    title: header(m.blocName),
    subject: `${header(m.blocName)} Đơn vị ${m.unitName} chưa gửi báo cáo ${shortPeriodLabel(m.period.label)}`,
    blocks: [paragraph(text)],
    actions: [],
  };
}

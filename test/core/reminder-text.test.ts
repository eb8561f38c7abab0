import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/core/periods.js';
import { plainText } from '../../src/core/plain-text.js';
import {
  chairEscalationMessage,
  unitHeadEscalationMessage,
  unitReminderMessage,
} from '../../src/core/reminder-text.js';
import { zonedInstant } from '../../src/core/time.js';

const TZ = 'Asia/Ho_Chi_Minh';
const w48 = periodFromKey('2026-W48');
const period = { key: w48.key, label: w48.label, deadline: zonedInstant('2026-12-01', '00:00', TZ) };

describe('reminder texts', () => {
  it('address the focal point as đồng chí, name the unit, period and last day, offering to report or say nothing is new', () => {
    const message = unitReminderMessage({
      blocName: 'Khối thi đua số 6',
      focalPointName: 'Nguyễn Thị Hoa',
      unitName: 'Hội Nông dân tỉnh',
      period,
      stage: { kind: 'before', ordinal: 0 },
      timeZone: TZ,
    });
    const text = plainText(message);
    expect(text).toBe(
      [
        '[Khối thi đua số 6]',
        'Kính gửi đồng chí Nguyễn Thị Hoa,',
        'Đơn vị Hội Nông dân tỉnh chưa gửi báo cáo tiến độ Tuần 48/2026 (23/11/2026 – 29/11/2026). Hạn báo cáo: hết ngày 30/11/2026.',
        'Đề nghị đồng chí gửi báo cáo trước hạn. Nếu trong kỳ đơn vị không có kết quả mới, đồng chí bấm «Kỳ này không có gì mới».',
      ].join('\n'),
    );
    expect(text.normalize('NFC')).toBe(text);
    expect(message.topic).toBe('reminder');
    expect(message.actions).toEqual([
      { kind: 'sendReport', periodKey: '2026-W48' },
      { kind: 'nilReport', periodKey: '2026-W48' },
    ]);
  });

  it('say how late and which reminder it is after the deadline', () => {
    const text = plainText(
      unitReminderMessage({
        blocName: 'Khối thi đua số 6',
        focalPointName: 'Trần Văn Nam',
        unitName: 'Tỉnh đoàn',
        period,
        stage: { kind: 'after', ordinal: 2 },
        timeZone: TZ,
      }),
    );
    expect(text).toContain('Đã quá hạn báo cáo tiến độ Tuần 48/2026');
    expect(text).toContain('(hạn: hết ngày 30/11/2026)');
    expect(text).toContain('nhắc lần 2');
  });

  it('tell the chair which units are still missing, and which cannot be reached', () => {
    const m = chairEscalationMessage({
      blocName: 'Khối thi đua số 6',
      recipientName: 'Lê Minh Tâm',
      period,
      expected: 7,
      missing: [
        { name: 'Hội Cựu chiến binh tỉnh', reachable: true },
        { name: 'Hội Chữ thập đỏ tỉnh', reachable: false },
      ],
      now: zonedInstant('2026-12-03', '08:00', TZ),
      timeZone: TZ,
    });
    expect(plainText(m)).toBe(
      [
        '[Khối thi đua số 6]',
        'Kính gửi đồng chí Lê Minh Tâm,',
        'Đến 08:00 03/12/2026, 2/7 đơn vị chưa gửi báo cáo tiến độ Tuần 48/2026 (23/11/2026 – 29/11/2026) (hạn: hết ngày 30/11/2026) dù đã được nhắc:',
        '1. Hội Cựu chiến binh tỉnh',
        '2. Hội Chữ thập đỏ tỉnh (chưa có cán bộ đầu mối nhận được tin nhắn)',
        'Đề nghị đồng chí đôn đốc các đơn vị gửi báo cáo.',
      ].join('\n'),
    );
    expect(m).toMatchObject({ topic: 'escalation', actions: [] });
  });

  it('ask a unit head to see that the report is sent', () => {
    const m = unitHeadEscalationMessage({
      blocName: 'Khối thi đua số 6',
      recipientName: 'Phạm Văn Hùng',
      unitName: 'Tỉnh đoàn',
      period,
      timeZone: TZ,
    });
    expect(plainText(m)).toBe(
      [
        '[Khối thi đua số 6]',
        'Kính gửi đồng chí Phạm Văn Hùng,',
        'Đơn vị Tỉnh đoàn chưa gửi báo cáo tiến độ Tuần 48/2026 (23/11/2026 – 29/11/2026) (hạn: hết ngày 30/11/2026) dù cán bộ đầu mối đã được nhắc.',
        'Đề nghị đồng chí chỉ đạo gửi báo cáo sớm.',
      ].join('\n'),
    );
    expect(m).toMatchObject({ topic: 'escalation', actions: [] });
  });
});

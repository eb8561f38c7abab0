import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/core/periods.js';
import {
  chairEscalationMessage,
  reminderCallback,
  unitHeadEscalationMessage,
  unitReminderMessage,
} from '../../src/core/reminder-text.js';
import { zonedInstant } from '../../src/core/time.js';

const TZ = 'Asia/Ho_Chi_Minh';
const w48 = periodFromKey('2026-W48');
const period = { key: w48.key, label: w48.label, deadline: zonedInstant('2026-12-01', '00:00', TZ) };

describe('reminder texts', () => {
  it('address the focal point as đồng chí, name the unit, period and last day, with two buttons', () => {
    const m = unitReminderMessage({
      blocName: 'Khối thi đua số 6',
      focalPointName: 'Nguyễn Thị Hoa',
      unitName: 'Hội Nông dân tỉnh',
      period,
      stage: { kind: 'before', ordinal: 0 },
      timeZone: TZ,
    });
    expect(m.text).toBe(
      [
        '[Khối thi đua số 6]',
        'Kính gửi đồng chí Nguyễn Thị Hoa,',
        'Đơn vị Hội Nông dân tỉnh chưa gửi báo cáo tiến độ Tuần 48/2026 (23/11/2026 – 29/11/2026). Hạn báo cáo: hết ngày 30/11/2026.',
        'Đề nghị đồng chí gửi báo cáo trước hạn. Nếu trong kỳ đơn vị không có kết quả mới, đồng chí bấm «Kỳ này không có gì mới».',
      ].join('\n'),
    );
    expect(m.text.normalize('NFC')).toBe(m.text);
    expect(m.reply_markup?.inline_keyboard).toEqual([
      [{ text: '📝 Gửi báo cáo', callback_data: 'remind:report:2026-W48' }],
      [{ text: 'Kỳ này không có gì mới', callback_data: 'remind:nil:2026-W48' }],
    ]);
  });

  it('say how late and which reminder it is after the deadline', () => {
    const m = unitReminderMessage({
      blocName: 'Khối thi đua số 6',
      focalPointName: 'Trần Văn Nam',
      unitName: 'Tỉnh đoàn',
      period,
      stage: { kind: 'after', ordinal: 2 },
      timeZone: TZ,
    });
    expect(m.text).toContain('Đã quá hạn báo cáo tiến độ Tuần 48/2026');
    expect(m.text).toContain('(hạn: hết ngày 30/11/2026)');
    expect(m.text).toContain('nhắc lần 2');
  });

  it('keep callback data within Telegram’s 64 bytes and in the form the bot parses', () => {
    for (const key of ['2026-W48', '2026-11', '9999-W53']) {
      for (const data of [reminderCallback.report(key), reminderCallback.nil(key)]) {
        expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(64);
        expect(reminderCallback.pattern.exec(data)?.[2]).toBe(key);
      }
    }
    expect(reminderCallback.pattern.test('remind:report:2026-W48;drop')).toBe(false);
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
    expect(m.text).toContain('Kính gửi đồng chí Lê Minh Tâm,');
    expect(m.text).toContain('Đến 08:00 03/12/2026, 2/7 đơn vị chưa gửi báo cáo tiến độ Tuần 48/2026');
    expect(m.text).toContain('\n1. Hội Cựu chiến binh tỉnh\n');
    expect(m.text).toContain('\n2. Hội Chữ thập đỏ tỉnh (chưa có cán bộ đầu mối nhận tin qua Telegram)\n');
    expect(m.reply_markup).toBeUndefined();
  });

  it('cut an impossibly long list to Telegram’s 4096 characters, saying how many were left out', () => {
    const missing = Array.from({ length: 400 }, (_, i) => ({
      name: `Đơn vị thành viên có tên rất dài số ${i + 1}`,
      reachable: true,
    }));
    const m = chairEscalationMessage({
      blocName: 'Khối thi đua số 6',
      recipientName: 'Lê Minh Tâm',
      period,
      expected: 400,
      missing,
      now: zonedInstant('2026-12-03', '08:00', TZ),
      timeZone: TZ,
    });
    expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(m.text).toMatch(/… và \d+ đơn vị khác\./);
  });

  it('ask a unit head to see that the report is sent', () => {
    const m = unitHeadEscalationMessage({
      blocName: 'Khối thi đua số 6',
      recipientName: 'Phạm Văn Hùng',
      unitName: 'Tỉnh đoàn',
      period,
      timeZone: TZ,
    });
    expect(m.text).toContain(
      'Đơn vị Tỉnh đoàn chưa gửi báo cáo tiến độ Tuần 48/2026 (23/11/2026 – 29/11/2026) (hạn: hết ngày 30/11/2026)',
    );
    expect(m.text).toContain('Đề nghị đồng chí chỉ đạo gửi báo cáo sớm.');
  });
});

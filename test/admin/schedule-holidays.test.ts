import { afterEach, describe, expect, it } from 'vitest';
import { getDigestSchedule } from '../../src/db/digests.js';
import { getReminderPolicy } from '../../src/db/reminder-policies.js';
import { upsertHoliday } from '../../src/db/holidays.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, signIn } from './helpers.js';

const REMINDERS = {
  enabled: '1',
  beforeDays: '1',
  beforeTime: '15:00',
  afterTime: '08:00',
  afterEveryDays: '2',
  afterMax: '3',
  escalateTo: 'unit_head',
  sendFrom: '07:00',
  sendUntil: '17:00',
};

describe('schedule', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup() {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 2 });
    return signIn(a, 'bloc_admin', 1);
  }

  it("shows the settings with an example of the current period's deadlines", async () => {
    const c = await setup();
    const html = await (await c.get('/blocs/1/schedule')).text();
    expect(html).toContain('Ví dụ với kỳ hiện tại: hạn đúng hạn trước 00:00 01/12/2026, khóa sửa từ 00:00 14/12/2026.');
    expect(html).toContain('name="graceDays" type="text" value="1"');
    expect(html).toContain('name="sendFrom" type="text" value="07:30"');
    expect(html).toContain('name="midYearOn" type="text" value="05/07"');
  });

  it('saves the cadence, grace and lock days, and refuses a lock before the grace', async () => {
    const c = await setup();
    const bad = await c.post('/blocs/1/schedule/reporting', { cadence: 'month', graceDays: '5', lockDays: '3' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Số ngày khóa kỳ phải lớn hơn hoặc bằng số ngày gia hạn.');
    const junk = await c.post('/blocs/1/schedule/reporting', { cadence: 'day', graceDays: 'x', lockDays: '400' });
    const html = await junk.text();
    expect(html).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect(html).toContain('Vui lòng nhập số nguyên từ 0 đến 31.');
    expect(html).toContain('Vui lòng nhập số nguyên từ 0 đến 366.');
    expect(
      (await c.post('/blocs/1/schedule/reporting', { cadence: 'month', graceDays: '5', lockDays: '20' })).status,
    ).toBe(303);
    expect(
      await a.db.selectFrom('bloc').select(['reporting_cadence', 'grace_days', 'lock_days']).executeTakeFirstOrThrow(),
    ).toEqual({
      reporting_cadence: 'month',
      grace_days: 5,
      lock_days: 20,
    });
    expect(
      await a.db.selectFrom('audit_log').select('action').where('action', '=', 'bloc.reporting').execute(),
    ).toHaveLength(1);
  });

  it('saves the reminder policy and quiet hours, and refuses a window that ends before it starts', async () => {
    const c = await setup();
    expect(
      (await c.post('/blocs/1/schedule/reminders', { ...REMINDERS, beforeDays: '', sendOnWeekends: '1' })).status,
    ).toBe(303);
    expect(await getReminderPolicy(a.db, 1)).toMatchObject({
      beforeDays: null,
      afterEveryDays: 2,
      afterMax: 3,
      escalateTo: 'unit_head',
      sendOnWeekends: true,
      enabled: true,
    });
    const bad = await c.post('/blocs/1/schedule/reminders', {
      ...REMINDERS,
      sendFrom: '18:00',
      sendUntil: '8:00',
      afterTime: '25:00',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Giờ phải có dạng GG:PP, ví dụ 08:00.');
    const order = await c.post('/blocs/1/schedule/reminders', { ...REMINDERS, sendFrom: '18:00', sendUntil: '08:00' });
    expect(await order.text()).toContain('Giờ bắt đầu được gửi tin phải sớm hơn giờ thôi gửi tin.');
    expect((await getReminderPolicy(a.db, 1)).sendFrom).toBe('07:00');
    const off = await c.post('/blocs/1/schedule/reminders', { ...REMINDERS });
    expect(off.status).toBe(303);
    expect((await getReminderPolicy(a.db, 1)).sendOnWeekends).toBe(false);
  });

  it('saves the digest times through the summaries module, with its audit entry', async () => {
    const c = await setup();
    const res = await c.post('/blocs/1/schedule/digest', {
      weekday: '5',
      time: '16:30',
      midYearOn: '10/7',
      annualOn: '15/12',
      summaryTime: '09:00',
    });
    expect(res.status).toBe(303);
    expect(await getDigestSchedule(a.db, 1)).toEqual({
      enabled: false,
      digestWeekday: 5,
      digestTime: '16:30',
      midYearOn: '07-10',
      annualOn: '12-15',
      summaryTime: '09:00',
    });
    expect(
      await a.db.selectFrom('audit_log').select('actor').where('action', '=', 'digest.schedule').execute(),
    ).toEqual([{ actor: 'blocadmin1' }]);
    const bad = await c.post('/blocs/1/schedule/digest', {
      enabled: '1',
      weekday: '8',
      time: '8h',
      midYearOn: '29/02',
      annualOn: '15/12',
      summaryTime: '09:00',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Ngày phải có dạng dd/mm, ví dụ 05/07.');
    expect(html).toContain('Vui lòng nhập số nguyên từ 1 đến 7.');
  });

  it('lets a viewer read but not save', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 2 });
    const v = await signIn(a, 'viewer', 1);
    const html = await (await v.get('/blocs/1/schedule')).text();
    expect(html).not.toContain('<button type="submit">Lưu</button>');
    expect(
      (await v.post('/blocs/1/schedule/reporting', { cadence: 'month', graceDays: '1', lockDays: '2' })).status,
    ).toBe(403);
    expect(
      (await a.db.selectFrom('bloc').select('reporting_cadence').executeTakeFirstOrThrow()).reporting_cadence,
    ).toBe('week');
  });
});

describe('holidays', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('adds a run of days, deletes one, and shows them by year', async () => {
    a = await createAdminTest();
    const c = await signIn(a, 'province_admin');
    const res = await c.post('/holidays?year=2027', {
      from: '05/02/2027',
      to: '10/02/2027',
      name: 'Tết Nguyên đán Đinh Mùi',
    });
    expect(res.status).toBe(303);
    expect(await a.db.selectFrom('public_holiday').select('date').orderBy('date').execute()).toHaveLength(6);
    const html = await (await c.get('/holidays?year=2027')).text();
    expect(html).toContain('05/02/2027');
    expect(html).toContain('Tết Nguyên đán Đinh Mùi');
    expect((await c.post('/holidays/2027-02-10/delete')).status).toBe(303);
    expect(await a.db.selectFrom('public_holiday').selectAll().execute()).toHaveLength(5);
    expect((await c.post('/holidays/2027-02-11/delete')).status).toBe(404);
    expect(await a.db.selectFrom('audit_log').select('action').orderBy('id').execute()).toEqual([
      { action: 'holiday.add' },
      { action: 'holiday.delete' },
    ]);
  });

  it('refuses an end before the start or a run longer than 15 days', async () => {
    a = await createAdminTest();
    const c = await signIn(a, 'province_admin');
    const back = await c.post('/holidays', { from: '10/02/2027', to: '05/02/2027', name: 'Tết' });
    expect(back.status).toBe(422);
    expect(await back.text()).toContain('Ngày kết thúc không được trước ngày bắt đầu.');
    const long = await c.post('/holidays', { from: '01/01/2027', to: '31/01/2027', name: '' });
    const html = await long.text();
    expect(html).toContain('Một lần thêm tối đa 15 ngày.');
    expect(html).toContain('Vui lòng nhập thông tin này.');
    expect(await a.db.selectFrom('public_holiday').selectAll().execute()).toHaveLength(0);
  });

  it('lets bloc admins and viewers read the list but not change it', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    await upsertHoliday(a.db, '2026-09-02', 'Quốc khánh');
    for (const role of ['bloc_admin', 'viewer'] as const) {
      const c = await signIn(a, role, 1);
      const html = await (await c.get('/holidays')).text();
      expect(html).toContain('Quốc khánh');
      expect(html).toContain('Chỉ Ban Thi đua - Khen thưởng tỉnh sửa được danh sách này.');
      expect((await c.post('/holidays', { from: '01/01/2027', name: 'Tết Dương lịch' })).status).toBe(403);
      expect((await c.post('/holidays/2026-09-02/delete')).status).toBe(403);
    }
    expect(await a.db.selectFrom('public_holiday').selectAll().execute()).toEqual([
      { date: '2026-09-02', name: 'Quốc khánh' },
    ]);
  });
});

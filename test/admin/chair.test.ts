import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { createBloc } from '../../src/db/blocs.js';
import { addMembership, createUnit } from '../../src/db/units.js';
import { type AdminTest, createAdminTest, NOW, signIn, TZ } from './helpers.js';

describe('chair rotation', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function demo() {
    a = await createAdminTest();
    const seeded = await seedDemo(a.db, { now: NOW, timeZone: TZ });
    const units = await a.db.selectFrom('unit').select(['id', 'name']).orderBy('id').execute();
    const c = await signIn(a, 'bloc_admin', seeded.blocId);
    const id = (name: string) => units.find((u) => u.name === name)!.id;
    return { c, blocId: seeded.blocId, id };
  }

  it('shows the current chair and deputy, the policy, the order and the history', async () => {
    const { c, blocId } = await demo();
    const html = await (await c.get(`/blocs/${blocId}/chair`)).text();
    expect(html).toContain('Năm 2026');
    expect(html).toContain('Bàn giao Khối trưởng cho năm 2027');
    expect(html).toContain('Bàn giao Khối trưởng năm 2024 cho Tỉnh đoàn tại Hội nghị tổng kết ngày 13/3/2024.');
    expect(html).toContain('13/03/2024');
    expect(html).toMatch(/Theo đề xuất của quy tắc: Khối trưởng [^,]+, Khối phó/);
  });

  it('hands over for next year with the policy proposal, closing this year', async () => {
    const { c, blocId } = await demo();
    const y2026 = await a.db.selectFrom('bloc_year').selectAll().where('year', '=', 2026).executeTakeFirstOrThrow();
    const res = await c.post(`/blocs/${blocId}/chair/handover`, {
      choice: 'proposal',
      handedOverOn: '15/01/2027',
      note: 'Hội nghị tổng kết năm 2026',
    });
    expect(res.status).toBe(303);
    const years = await a.db
      .selectFrom('bloc_year')
      .selectAll()
      .where('year', 'in', [2026, 2027])
      .orderBy('year')
      .execute();
    expect(years[0]).toMatchObject({ status: 'closed', handed_over_on: '2027-01-15' });
    expect(years[1]).toMatchObject({
      status: 'open',
      chair_unit_id: y2026.deputy_unit_id,
      chosen_by: 'deputy_becomes_chair',
      note: 'Hội nghị tổng kết năm 2026',
    });
    const audit = await a.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'chair.handover')
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe('2027');
    const again = await c.post(`/blocs/${blocId}/chair/handover`, { choice: 'proposal', handedOverOn: '16/01/2027' });
    expect(again.status).toBe(303);
    expect(
      (await a.db.selectFrom('bloc_year').selectAll().where('year', '=', 2028).executeTakeFirstOrThrow()).status,
    ).toBe('open');
  });

  it("records the meeting's own choice as such", async () => {
    const { c, blocId, id } = await demo();
    const res = await c.post(`/blocs/${blocId}/chair/handover`, {
      choice: 'other',
      chairUnitId: String(id('Liên đoàn Lao động tỉnh')),
      deputyUnitId: String(id('Hội Chữ thập đỏ tỉnh')),
      handedOverOn: '13/03/2027',
    });
    expect(res.status).toBe(303);
    const y = await a.db.selectFrom('bloc_year').selectAll().where('year', '=', 2027).executeTakeFirstOrThrow();
    expect(y).toMatchObject({
      chair_unit_id: id('Liên đoàn Lao động tỉnh'),
      deputy_unit_id: id('Hội Chữ thập đỏ tỉnh'),
      chosen_by: 'explicit',
    });
  });

  it('refuses a choice of the same unit twice, or a missing one, and changes nothing', async () => {
    const { c, blocId, id } = await demo();
    const same = await c.post(`/blocs/${blocId}/chair/handover`, {
      choice: 'other',
      chairUnitId: String(id('Tỉnh đoàn')),
      deputyUnitId: String(id('Tỉnh đoàn')),
      handedOverOn: '13/03/2027',
    });
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('Khối trưởng và Khối phó phải là hai đơn vị khác nhau.');
    const missing = await c.post(`/blocs/${blocId}/chair/handover`, {
      choice: 'other',
      chairUnitId: '',
      handedOverOn: '32/01/2027',
    });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Xin vui lòng chọn đơn vị.');
    expect(html).toContain('Ngày phải là một ngày có thật, ghi dạng dd/mm/yyyy');
    expect(html).toContain('value="32/01/2027"');
    const foreign = await createUnit(a.db, { name: 'Đơn vị khối khác' });
    const outsider = await c.post(`/blocs/${blocId}/chair/handover`, {
      choice: 'other',
      chairUnitId: String(foreign.id),
      deputyUnitId: String(id('Tỉnh đoàn')),
      handedOverOn: '13/03/2027',
    });
    expect(outsider.status).toBe(422);
    expect(await outsider.text()).toContain('không còn là thành viên của Khối');
    expect(
      (await a.db.selectFrom('bloc_year').selectAll().where('year', '=', 2026).executeTakeFirstOrThrow()).status,
    ).toBe('open');
    expect(
      (await a.db.selectFrom('bloc_year').selectAll().where('year', '=', 2027).executeTakeFirstOrThrow()).status,
    ).toBe('planned');
  });

  it('changes the policy and the rotation order', async () => {
    const { c, blocId } = await demo();
    expect((await c.post(`/blocs/${blocId}/chair/policy`, { policy: 'agreed_order' })).status).toBe(303);
    expect((await a.db.selectFrom('bloc').select('rotation_policy').executeTakeFirstOrThrow()).rotation_policy).toBe(
      'agreed_order',
    );
    expect((await c.post(`/blocs/${blocId}/chair/policy`, { policy: 'lottery' })).status).toBe(422);
    const before = (await a.db.selectFrom('rotation_slot').select('unit_id').orderBy('position').execute()).map(
      (r) => r.unit_id,
    );
    await c.post(`/blocs/${blocId}/chair/order/${before[2]}/move`, { direction: 'up' });
    const after = (await a.db.selectFrom('rotation_slot').select('unit_id').orderBy('position').execute()).map(
      (r) => r.unit_id,
    );
    expect(after).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
  });

  it("answers 404 for another bloc's unit, a unit that left or a forged id in the rotation order, and changes nothing", async () => {
    a = await createAdminTest();
    const mine = await createSmallBloc(a.db, { units: 3 });
    const theirs = await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 2 });
    const left = mine.unitIds[2]!;
    await a.db.updateTable('bloc_membership').set({ left_on: '2026-01-31' }).where('unit_id', '=', left).execute();
    const rows = async () => ({
      slots: await a.db.selectFrom('rotation_slot').selectAll().orderBy('bloc_id').orderBy('position').execute(),
      audit: await a.db.selectFrom('audit_log').selectAll().execute(),
    });
    const before = await rows();
    const blocAdmin = await signIn(a, 'bloc_admin', mine.blocId);
    for (const c of [blocAdmin, await signIn(a, 'province_admin')]) {
      for (const unit of [theirs.unitIds[1]!, left, 99999, '1e3', 'abc']) {
        for (const form of [{ direction: 'up' }, { direction: 'down' }, {}] as Record<string, string>[]) {
          const res = await c.post(`/blocs/${mine.blocId}/chair/order/${unit}/move`, form);
          expect(res.status, `${unit} ${JSON.stringify(form)}`).toBe(404);
          expect(await res.text()).toContain('Không tìm thấy trang');
        }
      }
    }
    expect(await rows()).toEqual(before);
    // The bloc's own current member still moves.
    expect(
      (await blocAdmin.post(`/blocs/${mine.blocId}/chair/order/${mine.unitIds[1]}/move`, { direction: 'up' })).status,
    ).toBe(303);
    const order = await a.db
      .selectFrom('rotation_slot')
      .select('unit_id')
      .where('bloc_id', '=', mine.blocId)
      .orderBy('position')
      .execute();
    expect(order.map((r) => r.unit_id).slice(0, 2)).toEqual([mine.unitIds[1], mine.unitIds[0]]);
  });

  it('records the first chair of a new bloc', async () => {
    a = await createAdminTest();
    const bloc = await createBloc(a.db, { name: 'Khối mới', province: 'Sóc Trăng', description: null });
    const u1 = await createUnit(a.db, { name: 'Đơn vị A' });
    const u2 = await createUnit(a.db, { name: 'Đơn vị B' });
    for (const u of [u1, u2]) await addMembership(a.db, { blocId: bloc.id, unitId: u.id, joinedOn: '2026-01-01' });
    const c = await signIn(a, 'province_admin');
    expect(await (await c.get(`/blocs/${bloc.id}/chair`)).text()).toContain('Khối chưa có Khối trưởng.');
    const res = await c.post(`/blocs/${bloc.id}/chair/first`, {
      year: '2026',
      chairUnitId: String(u1.id),
      deputyUnitId: String(u2.id),
    });
    expect(res.status).toBe(303);
    expect(await a.db.selectFrom('bloc_year').selectAll().executeTakeFirstOrThrow()).toMatchObject({
      year: 2026,
      chair_unit_id: u1.id,
      chosen_by: 'explicit',
      status: 'open',
    });
  });

  it('lets a viewer read the page but not hand over', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 3 });
    const v = await signIn(a, 'viewer', bloc.blocId);
    const html = await (await v.get('/blocs/1/chair')).text();
    expect(html).not.toContain('Bàn giao Khối trưởng cho năm');
    expect((await v.post('/blocs/1/chair/handover', { choice: 'proposal', handedOverOn: '01/01/2027' })).status).toBe(
      403,
    );
    expect(await a.db.selectFrom('bloc_year').selectAll().execute()).toHaveLength(1);
  });
});

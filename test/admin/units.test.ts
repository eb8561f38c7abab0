import { afterEach, describe, expect, it } from 'vitest';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, signIn } from './helpers.js';

describe('units', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup() {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 3 });
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    return { bloc, c };
  }

  it('lists the member units in display order', async () => {
    const { c } = await setup();
    const html = await (await c.get('/blocs/1/units')).text();
    expect(html.indexOf('Đơn vị 1')).toBeLessThan(html.indexOf('Đơn vị 2'));
    expect(html).toContain('Thêm đơn vị');
  });

  it('adds a unit with its join date and writes the audit log', async () => {
    const { c } = await setup();
    const res = await c.post('/blocs/1/units', {
      name: ' Hội  Cựu chiến binh tỉnh ',
      shortName: 'Hội CCB',
      joinedOn: '13/03/2024',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/blocs/1/units?ok=unitCreated');
    const unit = await a.db
      .selectFrom('unit')
      .selectAll()
      .where('name', '=', 'Hội Cựu chiến binh tỉnh')
      .executeTakeFirstOrThrow();
    const m = await a.db
      .selectFrom('bloc_membership')
      .selectAll()
      .where('unit_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({ bloc_id: 1, joined_on: '2024-03-13', left_on: null, display_order: 4 });
    const audit = await a.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'unit.create')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ bloc_id: 1, entity_id: String(unit.id), actor: 'blocadmin1' });
    const page = await (await c.get('/blocs/1/units?ok=unitCreated')).text();
    expect(page).toContain('Đã thêm đơn vị vào Khối.');
  });

  it('keeps what was typed and shows the messages next to the fields', async () => {
    const { c } = await setup();
    const res = await c.post('/blocs/1/units', { name: '', shortName: 'X', joinedOn: '31/02/2026' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Vui lòng nhập thông tin này.');
    expect(html).toContain('Ngày phải là một ngày có thật, ghi dạng dd/mm/yyyy, ví dụ 13/03/2024.');
    expect(html).toContain('value="31/02/2026"');
    expect(html).toContain('value="X"');
    const dup = await c.post('/blocs/1/units', { name: 'đơn vị 2', joinedOn: '01/01/2026' });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('Khối đã có đơn vị mang tên này.');
    expect(await a.db.selectFrom('unit').selectAll().execute()).toHaveLength(3);
  });

  it('stores script typed into a name as text and shows it escaped', async () => {
    const { c } = await setup();
    await c.post('/blocs/1/units', { name: '<script>alert(1)</script>', joinedOn: '01/01/2026' });
    const html = await (await c.get('/blocs/1/units')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renames a unit and records its leaving date; a left unit moves to the former list', async () => {
    const { bloc, c } = await setup();
    const u = bloc.unitIds[1]!;
    const edit = await c.get(`/blocs/1/units/${u}`);
    expect(await edit.text()).toContain('value="Đơn vị 2"');
    const res = await c.post(`/blocs/1/units/${u}`, {
      name: 'Đơn vị hai',
      shortName: 'ĐV2',
      joinedOn: '01/01/2025',
      leftOn: '30/06/2026',
    });
    expect(res.headers.get('location')).toBe('/blocs/1/units?ok=unitLeft');
    const m = await a.db.selectFrom('bloc_membership').selectAll().where('unit_id', '=', u).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ joined_on: '2025-01-01', left_on: '2026-06-30' });
    const html = await (await c.get('/blocs/1/units')).text();
    expect(html.indexOf('Đã rời khối')).toBeLessThan(html.indexOf('Đơn vị hai'));
    const bad = await c.post(`/blocs/1/units/${u}`, {
      name: 'Đơn vị hai',
      joinedOn: '01/01/2025',
      leftOn: '01/01/2024',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Ngày rời khối không được trước ngày tham gia.');
  });

  it('records a unit rejoining after it left, and refuses a date before its leaving', async () => {
    const { bloc, c } = await setup();
    const u = bloc.unitIds[2]!;
    await c.post(`/blocs/1/units/${u}`, { name: 'Đơn vị 3', joinedOn: '01/01/2025', leftOn: '31/03/2026' });
    const early = await c.post(`/blocs/1/units/${u}/rejoin`, { joinedOn: '01/03/2026' });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('Ngày tham gia lại phải sau ngày rời khối.');
    expect((await c.post(`/blocs/1/units/${u}/rejoin`, { joinedOn: '01/09/2026' })).status).toBe(303);
    const ms = await a.db
      .selectFrom('bloc_membership')
      .selectAll()
      .where('unit_id', '=', u)
      .orderBy('joined_on')
      .execute();
    expect(ms.map((m) => [m.joined_on, m.left_on])).toEqual([
      ['2025-01-01', '2026-03-31'],
      ['2026-09-01', null],
    ]);
  });

  it('moves a unit up and down the display order', async () => {
    const { bloc, c } = await setup();
    const [u1, u2, u3] = bloc.unitIds as [number, number, number];
    await c.post(`/blocs/1/units/${u3}/move`, { direction: 'up' });
    const order = async () =>
      (
        await a.db
          .selectFrom('bloc_membership')
          .select('unit_id')
          .where('bloc_id', '=', 1)
          .orderBy('display_order')
          .execute()
      ).map((r) => r.unit_id);
    expect(await order()).toEqual([u1, u3, u2]);
    await c.post(`/blocs/1/units/${u1}/move`, { direction: 'up' });
    expect(await order()).toEqual([u1, u3, u2]);
    await c.post(`/blocs/1/units/${u1}/move`, { direction: 'down' });
    expect(await order()).toEqual([u3, u1, u2]);
    expect((await c.post(`/blocs/1/units/${u1}/move`, { direction: 'sideways' })).status).toBe(422);
  });

  it('answers 404 for a unit of another bloc and changes nothing', async () => {
    const { c } = await setup();
    const other = await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 2 });
    const foreign = other.unitIds[0]!;
    expect((await c.get(`/blocs/1/units/${foreign}`)).status).toBe(404);
    const res = await c.post(`/blocs/1/units/${foreign}`, { name: 'Đổi tên', joinedOn: '01/01/2025' });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Đơn vị 1</');
    expect(
      (await a.db.selectFrom('unit').select('name').where('id', '=', foreign).executeTakeFirstOrThrow()).name,
    ).toBe('Đơn vị 1');
  });
});

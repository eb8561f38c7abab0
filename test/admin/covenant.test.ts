import { afterEach, describe, expect, it } from 'vitest';
import { submitReport } from '../../src/db/reports.js';
import { signCovenant } from '../../src/db/covenant.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

describe('covenant', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup() {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 3, year: 2026 });
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    return { bloc, c };
  }

  it("shows the year's criteria, targets and signatures", async () => {
    const { c } = await setup();
    const html = await (await c.get('/blocs/1/covenant?year=2026')).text();
    expect(html).toContain('Giao ước thi đua năm 2026');
    expect(html).toContain('Gương điển hình tiên tiến');
    expect(html).toContain('Cơ quan đạt chuẩn văn hóa');
    expect(html).toContain('name="t_1_1" value="10"');
  });

  it('adds a quantitative criterion with a decimal comma, and refuses a duplicate code or a missing unit of measure', async () => {
    const { c } = await setup();
    const res = await c.post('/blocs/1/covenant/criteria?year=2026', {
      code: '4',
      title: 'Tỷ lệ khen thưởng người lao động trực tiếp',
      kind: 'quantitative',
      valueType: 'percent',
      unitOfMeasure: '%',
      defaultTarget: '62,5',
      maxPoints: '10',
    });
    expect(res.status).toBe(303);
    const crit = await a.db
      .selectFrom('covenant_criterion')
      .selectAll()
      .where('code', '=', '4')
      .executeTakeFirstOrThrow();
    expect(crit).toMatchObject({
      year: 2026,
      value_type: 'percent',
      default_target: 62.5,
      max_points: 10,
      position: 4,
    });
    const dup = await c.post('/blocs/1/covenant/criteria?year=2026', {
      code: '4',
      title: 'X',
      kind: 'qualitative',
      valueType: 'count',
      maxPoints: '5',
    });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('Giao ước năm này đã có mục mang số này.');
    const bad = await c.post('/blocs/1/covenant/criteria?year=2026', {
      code: '5',
      title: 'Y',
      kind: 'quantitative',
      valueType: 'count',
      unitOfMeasure: '',
      defaultTarget: 'mười',
      maxPoints: '',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Chỉ tiêu định lượng cần đơn vị tính.');
    expect(html).toContain('Vui lòng nhập một số không âm');
    expect(html).toContain('value="mười"');
    const grouped = await c.post('/blocs/1/covenant/criteria?year=2026', {
      code: '5',
      title: 'Y',
      kind: 'quantitative',
      valueType: 'count',
      unitOfMeasure: 'gương',
      defaultTarget: '1.500',
      maxPoints: '10',
    });
    expect(grouped.status).toBe(422);
    expect(await grouped.text()).toContain('ví dụ 1500');
  });

  it('edits a criterion, but never changes the kind of one with reported values nor deletes it', async () => {
    const { bloc, c } = await setup();
    const [c1, , c3] = bloc.criterionIds as [number, number, number];
    await a.db.transaction().execute((trx) =>
      submitReport(trx, {
        blocId: 1,
        unitId: bloc.unitIds[0]!,
        period: { kind: 'week', key: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
        isNil: false,
        values: [{ criterionId: c1, value: 2 }],
        notableResults: null,
        difficulties: null,
        proposals: null,
        submittedBy: { admin: 'x' },
        via: 'admin',
        at: NOW,
      }),
    );
    const ok = await c.post(`/blocs/1/covenant/criteria/${c1}`, {
      code: '1',
      title: 'Gương điển hình tiên tiến, người tốt việc tốt',
      kind: 'quantitative',
      valueType: 'count',
      unitOfMeasure: 'gương',
      defaultTarget: '12',
      maxPoints: '40',
    });
    expect(ok.status).toBe(303);
    expect(
      (
        await a.db
          .selectFrom('covenant_criterion')
          .select(['title', 'default_target'])
          .where('id', '=', c1)
          .executeTakeFirstOrThrow()
      ).default_target,
    ).toBe(12);
    const kind = await c.post(`/blocs/1/covenant/criteria/${c1}`, {
      code: '1',
      title: 'X',
      kind: 'qualitative',
      valueType: 'count',
      maxPoints: '40',
    });
    expect(kind.status).toBe(422);
    expect(await kind.text()).toContain('không đổi được loại');
    const del = await c.post(`/blocs/1/covenant/criteria/${c1}/delete`);
    expect(del.status).toBe(409);
    expect(await del.text()).toContain('không thể xóa');
    expect((await c.post(`/blocs/1/covenant/criteria/${c3}/delete`)).status).toBe(303);
    expect(await a.db.selectFrom('covenant_criterion').select('id').where('id', '=', c3).execute()).toHaveLength(0);
    expect(await a.db.selectFrom('report_value').selectAll().execute()).toHaveLength(1);
  });

  it('saves targets per unit, blank meaning the default, and shows a bad cell next to it', async () => {
    const { bloc, c } = await setup();
    const [c1, c2] = bloc.criterionIds as [number, number];
    const [u1, u2] = bloc.unitIds as [number, number];
    const bad = await c.post('/blocs/1/covenant/targets?year=2026', {
      [`t_${c1}_${u1}`]: '-3',
      [`t_${c2}_${u2}`]: '25',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Vui lòng nhập một số không âm, ví dụ 10 hoặc 2,5.');
    expect(html).toContain(`name="t_${c1}_${u1}" value="-3"`);
    // '1.200' is one thousand two hundred in Vietnamese: refused with a suggestion, never stored as 1.2.
    const grouped = await c.post('/blocs/1/covenant/targets?year=2026', { [`t_${c1}_${u1}`]: '1.200' });
    expect(grouped.status).toBe(422);
    expect(await grouped.text()).toContain('Xin nhập số không có dấu phân cách hàng nghìn, ví dụ 1200');
    expect(
      await a.db
        .selectFrom('covenant_target')
        .select('target')
        .where('criterion_id', '=', c1)
        .where('unit_id', '=', u1)
        .executeTakeFirstOrThrow(),
    ).toEqual({ target: 10 });
    expect(
      (
        await a.db
          .selectFrom('covenant_target')
          .select('target')
          .where('criterion_id', '=', c2)
          .where('unit_id', '=', u2)
          .executeTakeFirstOrThrow()
      ).target,
    ).toBe(20);
    const ok = await c.post('/blocs/1/covenant/targets?year=2026', {
      [`t_${c1}_${u1}`]: '',
      [`t_${c2}_${u2}`]: '25,5',
    });
    expect(ok.status).toBe(303);
    expect(
      await a.db
        .selectFrom('covenant_target')
        .selectAll()
        .where('criterion_id', '=', c1)
        .where('unit_id', '=', u1)
        .execute(),
    ).toHaveLength(0);
    expect(
      (
        await a.db
          .selectFrom('covenant_target')
          .select('target')
          .where('criterion_id', '=', c2)
          .where('unit_id', '=', u2)
          .executeTakeFirstOrThrow()
      ).target,
    ).toBe(25.5);
  });

  it('records signature dates and clears one left blank', async () => {
    const { bloc, c } = await setup();
    const [u1, u2] = bloc.unitIds as [number, number];
    await signCovenant(a.db, { blocId: 1, year: 2026, unitId: u2, signedOn: '2026-02-28' });
    const bad = await c.post('/blocs/1/covenant/signatures?year=2026', { [`s_${u1}`]: '30/02/2026' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Ngày phải là một ngày có thật, ghi dạng dd/mm/yyyy');
    expect(
      (await c.post('/blocs/1/covenant/signatures?year=2026', { [`s_${u1}`]: '13/3/2026', [`s_${u2}`]: '' })).status,
    ).toBe(303);
    const rows = await a.db.selectFrom('covenant_signature').select(['unit_id', 'signed_on']).execute();
    expect(rows).toEqual([{ unit_id: u1, signed_on: '2026-03-13' }]);
  });

  it("copies last year's criteria and targets into an empty year, once", async () => {
    const { c } = await setup();
    const empty = await (await c.get('/blocs/1/covenant?year=2027')).text();
    expect(empty).toContain('Khối chưa có giao ước năm 2027.');
    expect(empty).toContain('Sao chép các chỉ tiêu và mức giao của năm 2026');
    expect((await c.post('/blocs/1/covenant/copy?year=2027')).status).toBe(303);
    const copied = await a.db
      .selectFrom('covenant_criterion')
      .selectAll()
      .where('year', '=', 2027)
      .orderBy('position')
      .execute();
    expect(copied.map((x) => x.code)).toEqual(['1', '2', '3']);
    const targets = await a.db
      .selectFrom('covenant_target')
      .selectAll()
      .where(
        'criterion_id',
        'in',
        copied.map((x) => x.id),
      )
      .execute();
    expect(targets).toHaveLength(6);
    const again = await c.post('/blocs/1/covenant/copy?year=2027');
    expect(again.status).toBe(409);
    expect(await a.db.selectFrom('covenant_criterion').selectAll().where('year', '=', 2027).execute()).toHaveLength(3);
    expect((await c.post('/blocs/1/covenant/copy?year=2030')).status).toBe(409);
  });

  it('answers 404 for a criterion of another bloc', async () => {
    const { c } = await setup();
    const other = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const foreign = other.criterionIds[0]!;
    expect((await c.get(`/blocs/1/covenant/criteria/${foreign}`)).status).toBe(404);
    expect((await c.post(`/blocs/1/covenant/criteria/${foreign}/delete`)).status).toBe(404);
    expect(
      (await c.post('/blocs/1/covenant/targets?year=2026', { [`t_${foreign}_${other.unitIds[0]}`]: '99' })).status,
    ).toBe(303);
    expect(
      (
        await a.db
          .selectFrom('covenant_target')
          .select('target')
          .where('criterion_id', '=', foreign)
          .executeTakeFirstOrThrow()
      ).target,
    ).toBe(10);
  });
});

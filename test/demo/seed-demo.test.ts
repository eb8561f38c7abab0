import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '../../src/core/periods.js';
import { verifyPassword } from '../../src/core/password.js';
import { listBlocYears, getRotationOrder } from '../../src/db/bloc-years.js';
import { getBloc } from '../../src/db/blocs.js';
import { yearToDate } from '../../src/db/figures.js';
import { findAdminByUsername } from '../../src/db/admin-users.js';
import { listMemberUnits } from '../../src/db/units.js';
import { DEMO_UNITS } from '../../src/demo/demo-data.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

const now = new Date('2026-11-24T03:00:00Z'); // Tuesday of 2026-W48
let t: TestDb;
let blocId: number;
beforeAll(async () => {
  t = await createTestDb();
  const r = await seedDemo(t.db, { now, timeZone: 'Asia/Ho_Chi_Minh' });
  expect(r.created).toBe(true);
  blocId = r.blocId;
});
afterAll(async () => {
  await t.close();
});

describe('demo data: Khối thi đua số 6', () => {
  it('has the seven units of the article, in order, marked as demo', async () => {
    const bloc = await getBloc(t.db, blocId);
    expect(bloc).toMatchObject({ name: 'Khối thi đua số 6', province: 'Sóc Trăng', isDemo: true });
    const units = await listMemberUnits(t.db, blocId, '2023-01-01');
    expect(units.map((u) => u.name)).toEqual(DEMO_UNITS.map((u) => u.name));
    expect(units.every((u) => u.isDemo)).toBe(true);
    expect(await getRotationOrder(t.db, blocId)).toEqual(units.map((u) => u.id));
    const fps = await t.db.selectFrom('focal_point').selectAll().execute();
    expect(fps).toHaveLength(7);
  });

  it('hands the chair from Hội Cựu chiến binh (2023) to Tỉnh đoàn (2024), then follows the policy', async () => {
    const years = (await listBlocYears(t.db, blocId)).reverse();
    expect(years.map((y) => [y.year, y.chairName, y.deputyName, y.status])).toEqual([
      [2023, 'Hội Cựu chiến binh tỉnh', 'Tỉnh đoàn', 'closed'],
      [2024, 'Tỉnh đoàn', 'Liên đoàn Lao động tỉnh', 'closed'],
      [2025, 'Liên đoàn Lao động tỉnh', 'Hội Chữ thập đỏ tỉnh', 'closed'],
      [2026, 'Hội Chữ thập đỏ tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'open'],
      [2027, 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Hội Nông dân tỉnh', 'planned'],
    ]);
    expect(years[0]?.handedOverOn).toBe('2024-03-13');
  });

  it("adds up the 2023 exemplary models to the article's 78", async () => {
    const ytd = await yearToDate(t.db, blocId, 2023);
    const exemplary = ytd.find((c) => c.code === '1');
    expect(exemplary?.title).toMatch(/gương điển hình tiên tiến/);
    expect(exemplary?.total).toBe(78);
  });

  it('has reports of the current year up to last week and none for this week', async () => {
    const thisWeek = periodContaining('week', '2026-11-24');
    const lastWeek = await t.db
      .selectFrom('progress_report')
      .select('period_key')
      .where('period_key', '=', '2026-W47')
      .execute();
    expect(lastWeek.length).toBeGreaterThan(3);
    const current = await t.db
      .selectFrom('progress_report')
      .selectAll()
      .where('period_key', '=', thisWeek.key)
      .execute();
    expect(current).toEqual([]);
    const kinds = await t.db.selectFrom('progress_report').select(['is_nil', 'is_demo']).execute();
    expect(kinds.some((k) => k.is_nil === 1)).toBe(true);
    expect(kinds.every((k) => k.is_demo === 1)).toBe(true);
  });

  it('creates the demo admin that the README names', async () => {
    const admin = await findAdminByUsername(t.db, 'admin');
    expect(admin?.role).toBe('province_admin');
    expect(verifyPassword('khoithidua6', admin!.passwordHash)).toBe(true);
  });

  it('does nothing the second time', async () => {
    const before = await t.db
      .selectFrom('progress_report')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await seedDemo(t.db, { now, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(again).toMatchObject({ created: false, blocId, reports: 0 });
    const after = await t.db
      .selectFrom('progress_report')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/core/periods.js';
import { getBloc } from '../../src/db/blocs.js';
import { periodStatus, yearToDate } from '../../src/db/figures.js';
import { submitReport } from '../../src/db/reports.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn, TZ } from './helpers.js';

describe('dashboard', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it("shows last week's status per unit and the year-to-date chart, from the shared figures", async () => {
    a = await createAdminTest();
    const { blocId } = await seedDemo(a.db, { now: NOW, timeZone: TZ });
    const c = await signIn(a, 'viewer', blocId);
    const html = await (await c.get(`/blocs/${blocId}`)).text();
    const bloc = (await getBloc(a.db, blocId))!;
    const status = await periodStatus(a.db, bloc, periodFromKey('2026-W47'), TZ);
    expect(html).toContain('Tình hình báo cáo Tuần 47/2026');
    expect(html).toContain(`<b>${status.rates.received}/${status.rates.expected}</b>`);
    for (const u of status.units) expect(html).toContain(u.unitName);
    const ytd = await yearToDate(a.db, blocId, 2026, periodFromKey('2026-W47').end);
    const first = ytd[0]!;
    expect(html).toContain('Lũy kế năm 2026 so với chỉ tiêu giao ước');
    expect(html).toContain(`${first.byUnit[0]!.total}/${first.byUnit[0]!.target}`);
    expect(html.match(/<svg class="bar"/g)).toHaveLength(ytd.reduce((n, x) => n + x.byUnit.length, 0));
  });

  it("counts the year to date up to the end of the period shown, as that period's digest does", async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 1 });
    const report = (key: string, value: number) => {
      const p = periodFromKey(key);
      return a.db.transaction().execute((trx) =>
        submitReport(trx, {
          blocId: 1,
          unitId: bloc.unitIds[0]!,
          period: { kind: 'week', key, start: p.start, end: p.end },
          isNil: false,
          values: [{ criterionId: bloc.criterionIds[0]!, value }],
          notableResults: null,
          difficulties: null,
          proposals: null,
          submittedBy: { admin: 'x' },
          via: 'admin',
          at: new Date(`${p.end}T10:00:00Z`),
        }),
      );
    };
    await report('2026-W09', 2);
    await report('2026-W20', 5);
    const c = await signIn(a, 'viewer', 1);
    expect(await (await c.get('/blocs/1?period=2026-W10')).text()).toContain('2/10');
    expect(await (await c.get('/blocs/1?period=2026-W20')).text()).toContain('7/10');
  });

  it('moves between periods and ignores a period key of another cadence', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 2 });
    const c = await signIn(a, 'bloc_admin', 1);
    expect(await (await c.get('/blocs/1?period=2026-W10')).text()).toContain('Tuần 10/2026');
    const month = await (await c.get('/blocs/1?period=2026-03')).text();
    expect(month).toContain('Tuần 47/2026');
    const junk = await c.get('/blocs/1?period=%3Cscript%3E');
    expect(junk.status).toBe(200);
    expect(await junk.text()).not.toContain('<script>');
  });

  it('counts a late report as late and a nil report as nil', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 3 });
    const period = { kind: 'week' as const, key: '2026-W47', start: '2026-11-16', end: '2026-11-22' };
    const base = {
      blocId: 1,
      period,
      values: [],
      notableResults: null,
      difficulties: null,
      proposals: null,
      submittedBy: { admin: 'x' },
      via: 'admin' as const,
    };
    await a.db.transaction().execute(async (trx) => {
      await submitReport(trx, { ...base, unitId: bloc.unitIds[0]!, isNil: true, at: new Date('2026-11-22T10:00:00Z') });
      await submitReport(trx, {
        ...base,
        unitId: bloc.unitIds[1]!,
        isNil: false,
        at: new Date('2026-11-25T01:00:00Z'),
      });
    });
    const c = await signIn(a, 'bloc_admin', 1);
    const html = await (await c.get('/blocs/1')).text();
    expect(html).toContain('<span class="badge nil">Không có gì mới</span>');
    expect(html).toContain('<span class="badge late">Nộp muộn</span>');
    expect(html).toContain('<span class="badge missing">Chưa báo cáo</span>');
  });

  it('shows a late nil report under both badges, as the late and nil counters count it', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 1 });
    const period = { kind: 'week' as const, key: '2026-W47', start: '2026-11-16', end: '2026-11-22' };
    await a.db.transaction().execute((trx) =>
      submitReport(trx, {
        blocId: 1,
        unitId: bloc.unitIds[0]!,
        period,
        isNil: true,
        values: [],
        notableResults: null,
        difficulties: null,
        proposals: null,
        submittedBy: { admin: 'x' },
        via: 'admin',
        at: new Date('2026-11-25T01:00:00Z'),
      }),
    );
    const c = await signIn(a, 'bloc_admin', 1);
    const html = await (await c.get('/blocs/1')).text();
    expect(html).toContain('<span class="badge late">Nộp muộn</span> <span class="badge nil">Không có gì mới</span>');
  });
});

describe('reports browser', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function demo() {
    a = await createAdminTest();
    const { blocId } = await seedDemo(a.db, { now: NOW, timeZone: TZ });
    return { blocId, c: await signIn(a, 'bloc_admin', blocId) };
  }

  it("lists this year's reports a page at a time, newest first", async () => {
    const { blocId, c } = await demo();
    const total = (
      await a.db
        .selectFrom('progress_report')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('period_key', 'like', '2026-%')
        .executeTakeFirstOrThrow()
    ).n;
    const html = await (await c.get(`/blocs/${blocId}/reports`)).text();
    expect(html).toContain(`Tìm thấy ${total} báo cáo.`);
    expect(html).toContain(`Trang 1/${Math.ceil(Number(total) / 50)}`);
    const table = html.slice(html.indexOf('<tbody>'));
    expect(table.indexOf('Tuần 47/2026')).toBeGreaterThan(0);
    expect(table.indexOf('Tuần 47/2026')).toBeLessThan(table.indexOf('Tuần 46/2026'));
    const page2 = await (await c.get(`/blocs/${blocId}/reports?year=2026&page=2`)).text();
    expect(page2).toContain('Trang 2/');
  });

  it("filters by unit, period and criterion and shows the criterion's value", async () => {
    const { blocId, c } = await demo();
    const unit = await a.db.selectFrom('unit').selectAll().where('name', '=', 'Tỉnh đoàn').executeTakeFirstOrThrow();
    const crit = await a.db
      .selectFrom('covenant_criterion')
      .selectAll()
      .where('year', '=', 2023)
      .where('code', '=', '1')
      .executeTakeFirstOrThrow();
    const expected = await a.db
      .selectFrom('progress_report as r')
      .innerJoin('report_value as v', 'v.report_id', 'r.id')
      .select(['r.id', 'v.value'])
      .where('r.unit_id', '=', unit.id)
      .where('r.period_key', 'like', '2023-%')
      .where('v.criterion_id', '=', crit.id)
      .execute();
    const html = await (await c.get(`/blocs/${blocId}/reports?year=2023&unit=${unit.id}&criterion=${crit.id}`)).text();
    expect(html).toContain(`Tìm thấy ${expected.length} báo cáo.`);
    expect(html).toContain('<th class="num">Số liệu</th>');
    const one = await (await c.get(`/blocs/${blocId}/reports?year=2023&period=2023-W10&unit=${unit.id}`)).text();
    expect(one).toMatch(/Tìm thấy [01] báo cáo|Không có báo cáo nào/);
  });

  it('shows a report with its values, texts, attachments and every revision', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 2 });
    const period = { kind: 'week' as const, key: '2026-W47', start: '2026-11-16', end: '2026-11-22' };
    let reportId = 0;
    await a.db.transaction().execute(async (trx) => {
      const base = {
        blocId: 1,
        unitId: bloc.unitIds[0]!,
        period,
        isNil: false,
        difficulties: null,
        proposals: 'Đề nghị <b>tập huấn</b>',
        submittedBy: { focalPointId: bloc.focalPointIds[0]! },
        via: 'telegram' as const,
      };
      await submitReport(trx, {
        ...base,
        values: [{ criterionId: bloc.criterionIds[0]!, value: 2 }],
        notableResults: 'Tọa đàm',
        at: new Date('2026-11-22T03:00:00Z'),
      });
      const r = await submitReport(trx, {
        ...base,
        values: [{ criterionId: bloc.criterionIds[0]!, value: 3 }],
        notableResults: 'Tọa đàm biểu dương',
        attachments: [{ kind: 'photo', telegramFileId: 'AgAD', caption: 'Ảnh hội nghị' }],
        at: new Date('2026-11-23T03:00:00Z'),
      });
      reportId = r.reportId;
    });
    const c = await signIn(a, 'viewer', 1);
    const html = await (await c.get(`/blocs/1/reports/${reportId}`)).text();
    expect(html).toContain('Đơn vị 1 · Tuần 47/2026');
    expect(html).toContain('Cán bộ 1');
    expect(html).toContain('1. Gương điển hình tiên tiến');
    expect(html).toContain('Ảnh hội nghị');
    expect(html).toContain('Lần 2 · 10:00 23/11/2026 · Cán bộ 1');
    expect(html).toContain('Lần 1 · 10:00 22/11/2026 · Cán bộ 1');
    expect(html).toContain('Đề nghị &lt;b&gt;tập huấn&lt;/b&gt;');
  });

  it('answers 404 for a report of another bloc, and for a made-up id', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const other = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const r = await a.db.transaction().execute((trx) =>
      submitReport(trx, {
        blocId: other.blocId,
        unitId: other.unitIds[0]!,
        period: { kind: 'week', key: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
        isNil: true,
        values: [],
        notableResults: 'Bí mật khối khác',
        difficulties: null,
        proposals: null,
        submittedBy: { admin: 'x' },
        via: 'admin',
        at: NOW,
      }),
    );
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.get(`/blocs/1/reports/${r.reportId}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Bí mật khối khác');
    expect((await c.get('/blocs/1/reports/999999')).status).toBe(404);
    expect((await c.get('/blocs/1/reports/abc')).status).toBe(404);
  });
});

describe('rendered page cache', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('shows a report the moment it is stored, through this connection or another one', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 2 });
    const c = await signIn(a, 'viewer', 1);
    const before = await (await c.get('/blocs/1')).text();
    expect(before).toContain('<b>0/2</b>');
    expect(await (await c.get('/blocs/1')).text()).toBe(before);
    const period = { kind: 'week' as const, key: '2026-W47', start: '2026-11-16', end: '2026-11-22' };
    const base = {
      blocId: 1,
      period,
      isNil: true,
      values: [],
      notableResults: null,
      difficulties: null,
      proposals: null,
      submittedBy: { admin: 'x' },
      via: 'admin' as const,
      at: new Date('2026-11-22T03:00:00Z'),
    };
    await a.db.transaction().execute((trx) => submitReport(trx, { ...base, unitId: bloc.unitIds[0]! }));
    expect(await (await c.get('/blocs/1')).text()).toContain('<b>1/2</b>');
    expect(await (await c.get('/blocs/1/reports')).text()).toContain('Tìm thấy 1 báo cáo.');
    // Another process (the CLI, say) writing to the same file.
    const { openDatabase } = await import('../../src/db/connection.js');
    const other = openDatabase(a.t.path);
    await other.db.transaction().execute((trx) => submitReport(trx, { ...base, unitId: bloc.unitIds[1]! }));
    await other.db.destroy();
    expect(await (await c.get('/blocs/1')).text()).toContain('<b>2/2</b>');
    expect(await (await c.get('/blocs/1/reports')).text()).toContain('Tìm thấy 2 báo cáo.');
  });
});

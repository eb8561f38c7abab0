// On Zalo, what Telegram offers with buttons is typed: a report that collides with one sent
// meanwhile is reloaded on it with /naplai (the person's entries kept), and a draft whose period
// closed is carried to the current period with /chuyenky; both through the src/reporting use cases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBloc } from '../../../src/db/blocs.js';
import { getFocalPoint } from '../../../src/db/focal-points.js';
import { createInvite } from '../../../src/db/invites.js';
import { getReport, getReportValues } from '../../../src/db/reports.js';
import { getUnit } from '../../../src/db/units.js';
import { reporterOf } from '../../../src/reporting/reporter.js';
import { submitEntries } from '../../../src/reporting/submit.js';
import { createTestDb, type TestDb } from '../../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../../helpers/fixtures.js';
import { type ZaloPerson, zaloPerson } from '../../helpers/zalo-dialogue.js';
import { ZaloEmulator } from '../../helpers/zalo-emulator.js';
import { entries, TZ } from '../../reporting/helpers.js';

let t: TestDb;
let emu: ZaloEmulator;
let bloc: SmallBloc;
let p: ZaloPerson;
const clock = { now: new Date('2026-11-26T03:00:00Z') };

beforeEach(async () => {
  t = await createTestDb();
  emu = await ZaloEmulator.start();
  bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 2, year: 2026 });
  clock.now = new Date('2026-11-26T03:00:00Z');
  p = zaloPerson(t.db, emu, 'z-1', clock);
  const invite = await createInvite(t.db, {
    kind: 'focal_point',
    focalPointId: bloc.focalPointIds[0]!,
    createdBy: 'test',
    now: clock.now,
  });
  await p.types(`/start ${invite.code}`);
});
afterEach(async () => {
  await emu.close();
  await t.close();
});

const valuesOf = async (periodKey: string) => {
  const r = await getReport(t.db, bloc.blocId, bloc.unitIds[0]!, periodKey);
  return r ? { revision: r.revision, values: (await getReportValues(t.db, r.id)).map((v) => v.value) } : undefined;
};

describe('Zalo: a collision and a closed period', () => {
  it('reloads the draft on the report sent meanwhile, keeping what the person typed, then sends it', async () => {
    for (const text of ['/baocao', '1', '3', '12', 'bỏ qua', 'bỏ qua', 'bỏ qua', '1']) await p.types(text);
    // Meanwhile the same unit's report is sent through the web form.
    const focalPoint = (await getFocalPoint(t.db, bloc.focalPointIds[0]!))!;
    const web = reporterOf(
      { focalPoint, unit: (await getUnit(t.db, focalPoint.unitId))!, bloc: (await getBloc(t.db, bloc.blocId))! },
      'web',
    );
    await t.db
      .transaction()
      .execute((trx) => submitEntries(trx, web, entries(bloc, '2026-W48', [5, 7]), { now: clock.now, timeZone: TZ }));

    const refused = await p.types('1');
    expect(refused).toContain('chưa được lưu');
    expect(refused).toContain('gõ /naplai');
    expect(await valuesOf('2026-W48')).toEqual({ revision: 1, values: [5, 7] });

    const reloaded = await p.types('/naplai');
    expect(reloaded).toContain('Đã nạp lại báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) trên bản đã gửi (lần 1)');
    expect(reloaded).toContain('1. Gương điển hình tiên tiến: 3 gương (bản đã gửi: 5 gương)');
    expect(reloaded).toContain('1. Gửi báo cáo');
    expect(await p.types('1')).toContain('Đã ghi nhận báo cáo Tuần 48/2026');
    expect(await valuesOf('2026-W48')).toEqual({ revision: 2, values: [3, 12] });
  });

  it('carries a draft whose period closed to the current period, then sends it there', async () => {
    // Week 47 is still taken on Thursday 26/11 (until Sunday 29/11).
    for (const text of ['/baocao', '2', '4', '6', 'Hội thi', 'bỏ qua', 'bỏ qua', '1']) await p.types(text);
    clock.now = new Date('2026-11-30T03:00:00Z');
    const refused = await p.types('1');
    expect(refused).toContain('Báo cáo Tuần 47/2026 (16/11/2026 – 22/11/2026) đang soạn dở không còn gửi được');
    expect(refused).toContain('/chuyenky');

    const moved = await p.types('chuyển kỳ');
    expect(moved).toContain('Đã chuyển nội dung đồng chí đã nhập sang báo cáo Tuần 49/2026');
    expect(moved).toContain('1. Gửi báo cáo');
    expect(await p.types('1')).toContain('Đã ghi nhận báo cáo Tuần 49/2026');
    expect(await valuesOf('2026-W49')).toEqual({ revision: 1, values: [4, 6] });
    expect(await valuesOf('2026-W47')).toBeUndefined();
  });
});

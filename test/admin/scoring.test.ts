// The "Chấm điểm" page: the self-scoring table from computeBlocSummary, bonus and deduction
// entries and the qualitative assessments, through the real app and a real database.
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/audit-log.js';
import { listCriterionAssessments, listScoreAdjustments } from '../../src/db/score-adjustments.js';
import { addMembership, createUnit } from '../../src/db/units.js';
import { computeBlocSummary } from '../../src/summaries/bloc-summary.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, NOW, signIn, TZ } from './helpers.js';

const BONUS = {
  year: '2026',
  unitId: '3',
  kind: 'bonus',
  points: '2,5',
  reason: 'Đăng cai Hội thi nghiệp vụ của Khối',
};

describe('scoring page', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  /** Bloc 1 with three units (no reports yet: each scores the qualitative 20 points) and bloc 2. */
  async function setup(role: 'bloc_admin' | 'province_admin' | 'viewer' = 'bloc_admin'): Promise<Client> {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 3 });
    await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 2 });
    return signIn(a, role, role === 'province_admin' ? null : 1);
  }
  const summary = () => computeBlocSummary(a.db, 1, { kind: 'annual', year: 2026, asOf: NOW, timeZone: TZ });
  const ranking = async () => (await summary()).scores.rows.map((r) => [r.name, r.total]);

  it('shows the scoring table as of today with ranks, the tie-break note and the leading unit', async () => {
    const c = await setup();
    const html = await (await c.get('/blocs/1/scoring')).text();
    expect(html).toContain('Chấm điểm thi đua năm 2026');
    expect(html).toContain(
      'Điểm tự chấm tính đến hôm nay, theo số liệu các kỳ báo cáo đã kết thúc (đến hết Tuần 47/2026 (16/11/2026 – 22/11/2026)).',
    );
    expect(html).toContain('Đơn vị 1: 20 điểm');
    expect(html).toContain('title="Cơ quan đạt chuẩn văn hóa">TC 3<div class="small muted">20 điểm</div>');
    expect(html).toContain('Bằng điểm và tỷ lệ, xếp theo thứ tự trong Khối');
    expect(html).toContain('Chỉ tiêu định tính chưa được đánh giá được tính là đạt (đủ điểm).');
    expect(html).toContain('Chưa đánh giá (tính là đạt)');
    expect(html).toContain('aria-current="page">Tổng kết</a>');
    expect(html).toContain('href="/blocs/1/downloads">Tải về</a>');
    expect(html).not.toContain('Khối thi đua số 2');
  });

  it('a bonus moves a unit to the top, a deduction to the bottom, each audit-logged', async () => {
    const c = await setup();
    const res = await c.post('/blocs/1/scoring/adjustments', BONUS);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/blocs/1/scoring?year=2026&ok=scoreAdjusted#adjustments');
    expect(await ranking()).toEqual([
      ['Đơn vị 3', 22.5],
      ['Đơn vị 1', 20],
      ['Đơn vị 2', 20],
    ]);
    await c.post('/blocs/1/scoring/adjustments', {
      ...BONUS,
      unitId: '1',
      kind: 'deduction',
      points: '1',
      reason: 'Nộp báo cáo muộn',
    });
    expect(await ranking()).toEqual([
      ['Đơn vị 3', 22.5],
      ['Đơn vị 2', 20],
      ['Đơn vị 1', 19],
    ]);
    const html = await (await c.get('/blocs/1/scoring?year=2026&ok=scoreAdjusted')).text();
    expect(html).toContain('Đã ghi điểm; bảng điểm đã được tính lại.');
    expect(html).toContain('Đơn vị 3: 22,5 điểm');
    expect(html).toContain('Đăng cai Hội thi nghiệp vụ của Khối');
    expect(html).toContain('blocadmin1');
    expect(html).toContain('10:00 25/11/2026');
    expect(html).toContain('−1');
    const audit = await listAudit(a.db, { blocId: 1 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['score.bonus', 'score.deduction']));
  });

  it.each([
    ['1.200', 'Xin nhập số không có dấu phân cách hàng nghìn, ví dụ 1200'],
    ['abc', 'Vui lòng nhập một số không âm, ví dụ 10 hoặc 2,5.'],
    ['-2', 'Vui lòng nhập một số không âm, ví dụ 10 hoặc 2,5.'],
    ['0', 'Số điểm phải lớn hơn 0.'],
    ['1001', 'Số điểm tối đa là 1000.'],
    ['0,125', 'Vui lòng nhập một số không âm, ví dụ 10 hoặc 2,5.'],
    ['', 'Vui lòng nhập thông tin này.'],
  ])('refuses the points %j next to the field, keeping what was typed', async (points, message) => {
    const c = await setup();
    const res = await c.post('/blocs/1/scoring/adjustments', { ...BONUS, points });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`id="f-points-error">${message.replace(/[.*+?()[\]\\]/g, '\\$&')}`));
    expect(html).toContain(`value="${points}"`);
    expect(html).toContain('Đăng cai Hội thi nghiệp vụ của Khối</textarea>');
    expect(await listScoreAdjustments(a.db, 1, 2026)).toEqual([]);
  });

  it("requires a reason and a unit of the year, and answers another bloc's unit with 404", async () => {
    const c = await setup();
    const noReason = await c.post('/blocs/1/scoring/adjustments', { ...BONUS, reason: '   ' });
    expect(noReason.status).toBe(422);
    const html = await noReason.text();
    expect(html).toContain('id="f-reason-error">Vui lòng nhập thông tin này.');
    expect(html).toContain('value="2,5"');
    const later = await createUnit(a.db, { name: 'Đơn vị vào năm sau' });
    await addMembership(a.db, { blocId: 1, unitId: later.id, joinedOn: '2027-01-01', displayOrder: 9 });
    const notYet = await c.post('/blocs/1/scoring/adjustments', { ...BONUS, unitId: String(later.id) });
    expect(notYet.status).toBe(422);
    expect(await notYet.text()).toContain(
      'id="f-unitId-error">Đơn vị này không phải thành viên của Khối trong năm 2026.',
    );
    const badKind = await c.post('/blocs/1/scoring/adjustments', { ...BONUS, kind: 'gift' });
    expect(await badKind.text()).toContain('id="f-kind-error">Vui lòng chọn một giá trị trong danh sách.');
    const foreign = await c.post('/blocs/1/scoring/adjustments', { ...BONUS, unitId: '4' });
    expect(foreign.status).toBe(404);
    expect(await listScoreAdjustments(a.db, 1, 2026)).toEqual([]);
    expect(await listScoreAdjustments(a.db, 2, 2026)).toEqual([]);
  });

  it("removes an entry (audited) and the ranking goes back; another bloc's entry is not found", async () => {
    const c = await setup('province_admin');
    await c.post('/blocs/1/scoring/adjustments', BONUS);
    await c.post('/blocs/2/scoring/adjustments', { ...BONUS, unitId: '4' });
    const [mine] = await listScoreAdjustments(a.db, 1, 2026);
    const [theirs] = await listScoreAdjustments(a.db, 2, 2026);
    expect(await c.post(`/blocs/1/scoring/adjustments/${theirs!.id}/delete`).then((r) => r.status)).toBe(404);
    expect(await listScoreAdjustments(a.db, 2, 2026)).toHaveLength(1);
    const res = await c.post(`/blocs/1/scoring/adjustments/${mine!.id}/delete`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/blocs/1/scoring?year=2026&ok=scoreRemoved#adjustments');
    expect(await listScoreAdjustments(a.db, 1, 2026)).toEqual([]);
    expect((await ranking())[0]).toEqual(['Đơn vị 1', 20]);
    const removal = (await listAudit(a.db, { blocId: 1 })).find((e) => e.action === 'score.remove');
    expect(JSON.parse(removal!.details ?? '{}')).toMatchObject({ reason: BONUS.reason, points: 2.5 });
    expect(await c.post(`/blocs/1/scoring/adjustments/${mine!.id}/delete`).then((r) => r.status)).toBe(404);
  });

  it('an assessment of "not met" takes the qualitative points away, and "met" gives them back', async () => {
    const c = await setup();
    const res = await c.post('/blocs/1/scoring/assessments/3/1', {
      met: 'not_met',
      note: 'Chưa được công nhận cơ quan văn hóa',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/blocs/1/scoring?year=2026&ok=assessed#assess-3-1');
    const row = (await summary()).scores.rows.find((r) => r.unitId === 1)!;
    expect(row.criteria.find((x) => x.criterionId === 3)).toMatchObject({ points: 0, basis: 'assessed' });
    expect(row.total).toBe(0);
    expect(row.rank).toBe(3);
    const html = await (await c.get('/blocs/1/scoring')).text();
    expect(html).toContain('Chưa được công nhận cơ quan văn hóa');
    expect(html).toContain('<span class="badge missing">Không đạt</span>');
    expect(html).toContain('Đơn vị 2: 20 điểm');
    await c.post('/blocs/1/scoring/assessments/3/1', { met: 'met', note: '' });
    expect((await ranking())[0]).toEqual(['Đơn vị 1', 20]);
    expect(await listCriterionAssessments(a.db, 1, 2026)).toMatchObject([
      { criterionId: 3, unitId: 1, met: true, note: null },
    ]);
    expect((await listAudit(a.db, { blocId: 1 })).filter((e) => e.action === 'score.assess')).toHaveLength(2);
  });

  it("refuses a bad assessment next to its field, and others' or quantitative ids with 404", async () => {
    const c = await setup();
    const bad = await c.post('/blocs/1/scoring/assessments/3/2', { met: 'maybe', note: 'x'.repeat(501) });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('id="a-3-2-met-error">Vui lòng chọn một giá trị trong danh sách.');
    expect(html).toContain('id="a-3-2-note-error">Tối đa 500 ký tự.');
    expect(html).toContain(`value="${'x'.repeat(501)}"`);
    for (const path of ['1/1', '6/1', '3/4', '3/999', 'abc/1']) {
      expect((await c.post(`/blocs/1/scoring/assessments/${path}`, { met: 'not_met' })).status, path).toBe(404);
    }
    expect(await listCriterionAssessments(a.db, 1, 2026)).toEqual([]);
  });

  it('a viewer reads the table without any form', async () => {
    const c = await setup('viewer');
    const html = await (await c.get('/blocs/1/scoring')).text();
    expect(html).toContain('Bảng tự chấm điểm');
    expect(html).toContain('Tài khoản chỉ xem: đồng chí xem được bảng điểm nhưng không sửa được.');
    expect(html).not.toContain('name="points"');
    expect(html).not.toContain('name="met"');
  });

  it("shows a past year's annual figures, and says when a year has no covenant", async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 2, year: 2025 });
    const c = await signIn(a, 'bloc_admin', 1);
    const past = await (await c.get('/blocs/1/scoring?year=2025')).text();
    expect(past).toContain('Số liệu tổng kết năm 2025, như trong báo cáo tổng kết tải về.');
    expect(past).toContain('href="/blocs/1/scoring?year=2026"');
    const none = await (await c.get('/blocs/1/scoring')).text();
    expect(none).toContain('Chưa có giao ước thi đua của năm này nên chưa chấm điểm được.');
    expect(none).toContain('href="/blocs/1/covenant?year=2026"');
  });
});

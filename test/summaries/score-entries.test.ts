import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/audit-log.js';
import { getDigestSchedule } from '../../src/db/digests.js';
import {
  listCriterionAssessments,
  listScoreAdjustments,
  removeScoreAdjustment,
} from '../../src/db/score-adjustments.js';
import { createUnit } from '../../src/db/units.js';
import { updateDigestSchedule } from '../../src/summaries/schedule-entries.js';
import { recordAssessment, recordScoreAdjustment } from '../../src/summaries/score-entries.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';

let t: TestDb;
let b: SmallBloc;
const admin = { name: 'quantri', adminUserId: null };
const now = new Date('2026-12-10T03:00:00Z');
beforeEach(async () => {
  t = await createTestDb();
  b = await createSmallBloc(t.db, { units: 3, year: 2026 });
});
afterEach(async () => {
  await t.close();
});

const nothingStored = async () => {
  expect(await listScoreAdjustments(t.db, b.blocId, 2026)).toEqual([]);
  expect(await listCriterionAssessments(t.db, b.blocId, 2026)).toEqual([]);
  expect(await listAudit(t.db)).toEqual([]);
};

describe('bonus and deduction entries', () => {
  it('stores a bonus with its reason in NFC, and the audit entry', async () => {
    const decomposed = 'Tổ chức tốt Hội thi  '.normalize('NFD');
    const r = await recordScoreAdjustment(
      t.db,
      { blocId: b.blocId, unitId: b.unitIds[1]!, year: 2026, kind: 'bonus', points: '1,5', reason: decomposed },
      admin,
      now,
    );
    expect(r).toMatchObject({ ok: true, value: { kind: 'bonus', points: 1.5, reason: 'Tổ chức tốt Hội thi' } });
    const audit = await listAudit(t.db);
    expect(audit.map((a) => [a.action, a.actor, a.blocId])).toEqual([['score.bonus', 'quantri', b.blocId]]);
    if (r.ok) expect(await removeScoreAdjustment(t.db, b.blocId, r.value.id)).toBe(true);
    expect(await removeScoreAdjustment(t.db, b.blocId, 999)).toBe(false);
  });

  it('refuses bad points, a missing reason and a unit outside the bloc, changing nothing', async () => {
    const outsider = await createUnit(t.db, { name: 'Đơn vị ngoài Khối' });
    const r = await recordScoreAdjustment(
      t.db,
      { blocId: b.blocId, unitId: outsider.id, year: 2026, kind: 'deduction', points: '-2', reason: '   ' },
      admin,
      now,
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        `Đơn vị mã ${outsider.id} không phải thành viên của Khối trong năm 2026.`,
        'Số điểm "-2" không hợp lệ; đồng chí vui lòng nhập số dương đến 1000, tối đa hai chữ số thập phân (ví dụ 2 hoặc 1,5).',
        'Đồng chí vui lòng ghi lý do cộng hoặc trừ điểm.',
      ],
    });
    for (const points of ['0', '1001', '1,234', 'hai', '']) {
      const bad = await recordScoreAdjustment(
        t.db,
        { blocId: b.blocId, unitId: b.unitIds[0]!, year: 2026, kind: 'bonus', points, reason: 'Lý do' },
        admin,
        now,
      );
      expect(bad.ok).toBe(false);
    }
    const badYear = await recordScoreAdjustment(
      t.db,
      { blocId: b.blocId, unitId: b.unitIds[0]!, year: 20266, kind: 'bonus', points: '1', reason: 'Lý do' },
      admin,
      now,
    );
    expect(badYear).toEqual({ ok: false, errors: ['Năm "20266" không hợp lệ; đồng chí vui lòng nhập năm dạng 2023.'] });
    await nothingStored();
  });
});

describe('qualitative assessments', () => {
  it('records met / not met by criterion code, replacing an earlier entry', async () => {
    const input = { blocId: b.blocId, unitId: b.unitIds[0]!, year: 2026, criterionCode: '3' };
    expect(
      await recordAssessment(t.db, { ...input, met: 'Không đạt', note: 'Có cán bộ vi phạm' }, admin, now),
    ).toMatchObject({ ok: true, value: { met: false } });
    expect(await recordAssessment(t.db, { ...input, met: 'đạt' }, admin, now)).toMatchObject({
      ok: true,
      value: { met: true },
    });
    const stored = await listCriterionAssessments(t.db, b.blocId, 2026);
    expect(stored.map((a) => [a.criterionId, a.unitId, a.met, a.note])).toEqual([
      [b.criterionIds[2], b.unitIds[0], true, null],
    ]);
  });

  it('refuses an unknown or quantitative criterion and an unclear answer, changing nothing', async () => {
    const input = { blocId: b.blocId, unitId: b.unitIds[0]!, year: 2026 };
    expect(await recordAssessment(t.db, { ...input, criterionCode: '9', met: 'đạt' }, admin, now)).toEqual({
      ok: false,
      errors: ['Giao ước thi đua năm 2026 không có chỉ tiêu số "9".'],
    });
    expect(await recordAssessment(t.db, { ...input, criterionCode: '1', met: 'có lẽ' }, admin, now)).toEqual({
      ok: false,
      errors: [
        'Chỉ tiêu "1" là chỉ tiêu định lượng, được chấm theo số liệu báo cáo, không đánh giá đạt/không đạt.',
        'Kết quả đánh giá "có lẽ" không hợp lệ; đồng chí vui lòng nhập "đạt" hoặc "không đạt".',
      ],
    });
    await nothingStored();
  });
});

describe('digest schedule', () => {
  it('changes only the fields given, with an audit entry; refuses bad input and an unknown bloc', async () => {
    expect(await updateDigestSchedule(t.db, b.blocId, { time: '09:15' }, admin, now)).toMatchObject({
      ok: true,
      value: { digestWeekday: 1, digestTime: '09:15' },
    });
    expect(await getDigestSchedule(t.db, b.blocId)).toMatchObject({
      digestWeekday: 1,
      digestTime: '09:15',
      midYearOn: '07-05',
    });
    expect(await updateDigestSchedule(t.db, b.blocId, { weekday: 'thứ hai' }, admin, now)).toEqual({
      ok: false,
      errors: ['Thứ gửi bản tin phải là số từ 1 (thứ Hai) đến 7 (Chủ nhật).'],
    });
    expect(await updateDigestSchedule(t.db, 999, { time: '09:00' }, admin, now)).toEqual({
      ok: false,
      errors: ['Không tìm thấy khối thi đua mã 999.'],
    });
    expect((await getDigestSchedule(t.db, b.blocId)).digestTime).toBe('09:15');
    expect((await listAudit(t.db)).map((a) => a.action)).toEqual(['digest.schedule']);
  });
});

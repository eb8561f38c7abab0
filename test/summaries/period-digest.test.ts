import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTelegramMessage } from '../../src/bot/telegram/render-message.js';
import { periodFromKey } from '../../src/core/periods.js';
import { periodTotals } from '../../src/db/figures.js';
import { addMembership, createUnit, endMembership } from '../../src/db/units.js';
import { computePeriodDigest } from '../../src/summaries/period-digest.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from './helpers.js';

let t: TestDb;
let b: SmallBloc;
beforeEach(async () => {
  t = await createTestDb();
  // Four units, members since 2025; covenant 2026: criterion 1 target 10, criterion 2 target 20 per unit.
  b = await createSmallBloc(t.db, { units: 4, year: 2026 });
});
afterEach(async () => {
  await t.close();
});

// 2026-W47 = 16–22/11/2026; grace 1 day: on time until 24/11 00:00 (+07) = 2026-11-23T17:00Z.
const W47 = periodFromKey('2026-W47');
const afterDeadline = new Date('2026-11-24T01:00:00Z'); // Tuesday 08:00

describe('period digest on a bloc with hand-computed figures', () => {
  beforeEach(async () => {
    await fileReport(t.db, b, 0, '2026-W46', '2026-11-15T03:00:00Z', [5, 5]);
    await fileReport(
      t.db,
      b,
      0,
      '2026-W47',
      '2026-11-21T03:00:00Z',
      [2, 3],
      'Tổ chức hội nghị biểu dương 2 gương điển hình.',
    );
    await fileReport(
      t.db,
      b,
      1,
      '2026-W47',
      '2026-11-23T16:59:59Z',
      null,
      'Ghi chú trong báo cáo không phát sinh không được trích.',
    );
    await fileReport(t.db, b, 2, '2026-W47', '2026-11-23T17:00:00Z', [1, 4], 'Phát động thi đua cao điểm.');
  });

  it('totals the week per criterion', async () => {
    const totals = await periodTotals(t.db, b.blocId, W47);
    expect(totals.map((c) => [c.code, c.total, c.reportingUnits])).toEqual([
      ['1', 3, 2],
      ['2', 7, 2],
    ]);
  });

  it('counts a nil report as received and on time, a late report as received but not on time', async () => {
    const d = await computePeriodDigest(t.db, b.blocId, W47, { timeZone: TZ, now: afterDeadline });
    expect(d.input.rates).toMatchObject({ expected: 4, received: 3, onTime: 2, nil: 1 });
    expect(d.input.units.map((u) => u.status)).toEqual(['reported', 'nil', 'late', 'missing']);
    expect(d.text).toContain('Tỷ lệ báo cáo: 3/4 đơn vị (75%)');
    expect(d.text).toContain('Báo cáo đúng hạn: 2/4 đơn vị (50%)');
    expect(d.text).toContain('✅ Đúng hạn (1): ĐV1');
    expect(d.text).toContain('➖ Không phát sinh (1): ĐV2');
    expect(d.text).toContain('⏰ Nộp muộn (1): ĐV3');
    expect(d.text).toContain('❌ Chưa báo cáo (1): ĐV4');
  });

  it('gives the week and the year to date against the targets, with a bar', async () => {
    const d = await computePeriodDigest(t.db, b.blocId, W47, { timeZone: TZ, now: afterDeadline });
    // Criterion 1: 5 + 2 + 1 = 8 of 4 × 10 = 40 (20%); criterion 2: 5 + 3 + 4 = 12 of 80 (15%).
    expect(d.text).toContain('Tuần này: 3 gương · Lũy kế: 8/40 gương\n   ▓▓░░░░░░░░ 20%');
    expect(d.text).toContain('Tuần này: 7 mô hình · Lũy kế: 12/80 mô hình\n   ▓░░░░░░░░░ 15%');
    expect(renderTelegramMessage(d.message, {}).map((p) => p.text)).toEqual([d.text]);
  });

  it('quotes the notable results of reports with figures, with their unit', async () => {
    const d = await computePeriodDigest(t.db, b.blocId, W47, { timeZone: TZ, now: afterDeadline });
    expect(d.input.notable).toEqual([
      { unitName: 'ĐV1', text: 'Tổ chức hội nghị biểu dương 2 gương điển hình.' },
      { unitName: 'ĐV3', text: 'Phát động thi đua cao điểm.' },
    ]);
    expect(d.text).toContain('• ĐV1: “Tổ chức hội nghị biểu dương 2 gương điển hình.”');
  });

  it('before the deadline, says missing units may still report on time', async () => {
    const monday = new Date('2026-11-23T01:00:00Z');
    const d = await computePeriodDigest(t.db, b.blocId, W47, { timeZone: TZ, now: monday });
    expect(d.text).toContain('vẫn được tính đúng hạn nếu gửi trong ngày 23/11/2026');
  });

  it('counts units only while members: a unit that left is neither expected nor totalled, a newcomer is expected', async () => {
    await endMembership(t.db, b.blocId, b.unitIds[3]!, '2026-11-08');
    await fileReport(t.db, b, 3, '2026-W47', '2026-11-21T03:00:00Z', [100, 100], 'Không được trích vì đã rời Khối.');
    const newcomer = await createUnit(t.db, { name: 'Đơn vị mới', shortName: 'ĐV mới' });
    await addMembership(t.db, { blocId: b.blocId, unitId: newcomer.id, joinedOn: '2026-11-18', displayOrder: 9 });
    const d = await computePeriodDigest(t.db, b.blocId, W47, { timeZone: TZ, now: afterDeadline });
    expect(d.input.units.map((u) => [u.shortName, u.status])).toEqual([
      ['ĐV1', 'reported'],
      ['ĐV2', 'nil'],
      ['ĐV3', 'late'],
      ['ĐV mới', 'missing'],
    ]);
    // ĐV4's report after leaving is not counted (it stays a member of the year, with its target);
    // ĐV mới has no target row, so the covenant's default target (10 and 20) applies to it.
    expect(d.input.criteria.map((c) => [c.periodTotal, c.ytdTotal, c.ytdTarget])).toEqual([
      [3, 8, 50],
      [7, 12, 100],
    ]);
    expect(d.text).not.toContain('Không được trích');
  });
});

describe('a week that spans the new year', () => {
  it('belongs to the year of its Thursday: 2026-W01 (29/12/2025–04/01/2026) counts for 2026', async () => {
    await fileReport(t.db, b, 0, '2025-W52', '2025-12-27T03:00:00Z', [9, 9]);
    await fileReport(t.db, b, 0, '2026-W01', '2026-01-03T03:00:00Z', [1, 2]);
    await fileReport(t.db, b, 1, '2026-W01', '2026-01-04T03:00:00Z', [3, 0]);
    const w01 = periodFromKey('2026-W01');
    expect([w01.start, w01.end]).toEqual(['2025-12-29', '2026-01-04']);
    const d = await computePeriodDigest(t.db, b.blocId, w01, { timeZone: TZ, now: new Date('2026-01-05T01:00:00Z') });
    expect(d.input.year).toBe(2026);
    expect(d.text).toContain('Tuần 01/2026 (29/12/2025 – 04/01/2026)');
    expect(d.text).toContain('LŨY KẾ NĂM 2026');
    expect(d.input.criteria.map((c) => [c.periodTotal, c.ytdTotal])).toEqual([
      [4, 4],
      [2, 2],
    ]);
  });
});

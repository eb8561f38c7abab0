import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCriteria, listSignatures, listTargets, setTarget, signCovenant } from '../../src/db/covenant.js';
import {
  getReport,
  getReportValues,
  listAttachments,
  listReportsForPeriod,
  listRevisions,
  type ReportSubmission,
  submitReport,
} from '../../src/db/reports.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';

let t: TestDb;
let bloc: SmallBloc;
beforeEach(async () => {
  t = await createTestDb();
  bloc = await createSmallBloc(t.db, { units: 3 });
});
afterEach(async () => {
  await t.close();
});

const week = { kind: 'week' as const, key: '2026-W47', start: '2026-11-16', end: '2026-11-22' };

function submission(over: Partial<ReportSubmission> = {}): ReportSubmission {
  return {
    blocId: bloc.blocId,
    unitId: bloc.unitIds[0]!,
    period: week,
    isNil: false,
    values: [
      { criterionId: bloc.criterionIds[0]!, value: 2 },
      { criterionId: bloc.criterionIds[1]!, value: 5 },
    ],
    notableResults: 'Tuyên truyền 2 gương điển hình',
    difficulties: null,
    proposals: null,
    submittedBy: { focalPointId: bloc.focalPointIds[0]! },
    via: 'telegram',
    at: new Date('2026-11-21T03:00:00.000Z'),
    ...over,
  };
}

describe('covenant', () => {
  it('lists criteria in order with targets and signatures', async () => {
    const criteria = await listCriteria(t.db, bloc.blocId, 2026);
    expect(criteria.map((c) => c.code)).toEqual(['1', '2', '3']);
    expect(criteria[2]?.kind).toBe('qualitative');
    await setTarget(t.db, bloc.criterionIds[0]!, bloc.unitIds[0]!, 12);
    const targets = await listTargets(t.db, bloc.blocId, 2026);
    expect(targets.find((x) => x.criterionId === bloc.criterionIds[0] && x.unitId === bloc.unitIds[0])?.target).toBe(
      12,
    );
    await signCovenant(t.db, { blocId: bloc.blocId, year: 2026, unitId: bloc.unitIds[0]!, signedOn: '2026-03-13' });
    await signCovenant(t.db, {
      blocId: bloc.blocId,
      year: 2026,
      unitId: bloc.unitIds[0]!,
      signedOn: '2026-03-14',
      signedBy: 'Chủ tịch',
    });
    const sigs = await listSignatures(t.db, bloc.blocId, 2026);
    expect(sigs).toHaveLength(1);
    expect(sigs[0]?.signedOn).toBe('2026-03-14');
    expect(await listCriteria(t.db, bloc.blocId, 2025)).toEqual([]);
  });
});

describe('progress reports', () => {
  it('store a report with its values and first revision', async () => {
    const r = await t.db.transaction().execute((trx) => submitReport(trx, submission()));
    expect(r).toMatchObject({ revision: 1, created: true });
    const stored = await getReport(t.db, bloc.blocId, bloc.unitIds[0]!, '2026-W47');
    expect(stored?.firstSubmittedAt).toBe('2026-11-21T03:00:00.000Z');
    expect(stored?.isNil).toBe(false);
    expect((await getReportValues(t.db, r.reportId)).map((v) => v.value).sort()).toEqual([2, 5]);
    const revisions = await listRevisions(t.db, r.reportId);
    expect(revisions).toHaveLength(1);
    expect(JSON.parse(revisions[0]!.snapshot).notableResults).toBe('Tuyên truyền 2 gương điển hình');
  });

  it('keep every revision and the first submission time when a report is edited', async () => {
    const first = await t.db.transaction().execute((trx) => submitReport(trx, submission()));
    const second = await t.db.transaction().execute((trx) =>
      submitReport(
        trx,
        submission({
          values: [{ criterionId: bloc.criterionIds[0]!, value: 3 }],
          at: new Date('2026-11-25T03:00:00.000Z'),
          attachments: [{ kind: 'photo', telegramFileId: 'AgAD123', caption: 'Ảnh hội nghị' }],
        }),
      ),
    );
    expect(second).toEqual({
      reportId: first.reportId,
      revision: 2,
      created: false,
      firstSubmittedAt: '2026-11-21T03:00:00.000Z',
    });
    const stored = await getReport(t.db, bloc.blocId, bloc.unitIds[0]!, '2026-W47');
    expect(stored?.firstSubmittedAt).toBe('2026-11-21T03:00:00.000Z');
    expect(stored?.updatedAt).toBe('2026-11-25T03:00:00.000Z');
    expect(await getReportValues(t.db, first.reportId)).toEqual([{ criterionId: bloc.criterionIds[0], value: 3 }]);
    const revisions = await listRevisions(t.db, first.reportId);
    expect(revisions.map((x) => JSON.parse(x.snapshot).values.length)).toEqual([2, 1]);
    expect((await listAttachments(t.db, first.reportId))[0]).toMatchObject({ kind: 'photo', addedInRevision: 2 });
  });

  it('store a nil report without values', async () => {
    await t.db.transaction().execute((trx) => submitReport(trx, submission({ isNil: true })));
    const stored = await getReport(t.db, bloc.blocId, bloc.unitIds[0]!, '2026-W47');
    expect(stored?.isNil).toBe(true);
    expect(await getReportValues(t.db, stored!.id)).toEqual([]);
  });

  it('change nothing when part of a submission fails', async () => {
    await expect(
      t.db.transaction().execute((trx) =>
        submitReport(
          trx,
          submission({
            values: [
              { criterionId: bloc.criterionIds[0]!, value: 1 },
              { criterionId: 99999, value: 1 },
            ],
          }),
        ),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await getReport(t.db, bloc.blocId, bloc.unitIds[0]!, '2026-W47')).toBeUndefined();
    expect(await t.db.selectFrom('report_revision').selectAll().execute()).toEqual([]);
  });

  it('list the reports of a period', async () => {
    await t.db.transaction().execute(async (trx) => {
      await submitReport(trx, submission());
      await submitReport(trx, submission({ unitId: bloc.unitIds[1]! }));
      await submitReport(
        trx,
        submission({ period: { kind: 'week', key: '2026-W48', start: '2026-11-23', end: '2026-11-29' } }),
      );
    });
    expect((await listReportsForPeriod(t.db, bloc.blocId, '2026-W47')).map((r) => r.unitId)).toEqual(
      bloc.unitIds.slice(0, 2),
    );
    expect((await listReportsForPeriod(t.db, bloc.blocId, '2026-W48')).map((r) => r.unitId)).toEqual([bloc.unitIds[0]]);
  });
});

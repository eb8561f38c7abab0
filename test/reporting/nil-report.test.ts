// "Nothing new" in one tap: stored only for a period that is taken and has no report yet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getReport, getReportValues } from '../../src/db/reports.js';
import { submitNilReport } from '../../src/reporting/nil-report.js';
import type { Reporter } from '../../src/reporting/reporter.js';
import { submitEntries } from '../../src/reporting/submit.js';
import { createUseCaseTest, entries, TUESDAY_W48, type UseCaseTest } from './helpers.js';

let u: UseCaseTest;
beforeEach(async () => {
  u = await createUseCaseTest();
});
afterEach(async () => {
  await u.close();
});

const nil = (r: Reporter, key: string) =>
  u.t.db.transaction().execute((trx) => submitNilReport(trx, r, key, u.at(TUESDAY_W48)));

describe('nil report', () => {
  it('stores "nothing new" with its receipt', async () => {
    const out = await nil(await u.reporter(0, 'web'), '2026-W47');
    expect(out).toMatchObject({
      kind: 'stored',
      revision: 1,
      receipt: { isNil: true, revision: 1, onTime: false, lastDay: '29/11/2026', attachments: 0 },
    });
    const report = (await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[0]!, '2026-W47'))!;
    expect(report).toMatchObject({ isNil: true, submittedVia: 'web', notableResults: null });
    expect(await getReportValues(u.t.db, report.id)).toEqual([]);
  });

  it('is never stored over a report, and not for a period no channel takes', async () => {
    const r = await u.reporter(0, 'telegram');
    await u.t.db
      .transaction()
      .execute((trx) => submitEntries(trx, r, entries(u.bloc, '2026-W48', [2, 3]), u.at(TUESDAY_W48)));
    expect(await nil(await u.reporter(0, 'web'), '2026-W48')).toEqual({
      kind: 'alreadyReported',
      label: 'Tuần 48/2026 (23/11/2026 – 29/11/2026)',
    });
    expect(await nil(r, '2026-W45')).toEqual({ kind: 'periodNotTaken', locked: true });
    const report = (await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[0]!, '2026-W48'))!;
    expect(report).toMatchObject({ revision: 1, isNil: false });
    expect(await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[0]!, '2026-W45')).toBeUndefined();
  });
});

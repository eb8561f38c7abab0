// A unit's status and year-to-date: its own periods and figures, and the bloc's count for the
// current period.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitNilReport } from '../../src/reporting/nil-report.js';
import { unitStatus } from '../../src/reporting/status.js';
import { submitEntries } from '../../src/reporting/submit.js';
import { createUseCaseTest, entries, TUESDAY_W48, type UseCaseTest } from './helpers.js';

let u: UseCaseTest;
beforeEach(async () => {
  u = await createUseCaseTest();
});
afterEach(async () => {
  await u.close();
});

describe('unit status', () => {
  it("shows the unit's periods taken now, the bloc's count, and only the unit's own figures", async () => {
    const mine = await u.reporter(0, 'telegram');
    const other = await u.reporter(1, 'web');
    const at = u.at(TUESDAY_W48);
    await u.t.db.transaction().execute(async (trx) => {
      await submitEntries(trx, mine, entries(u.bloc, '2026-W47', [2, 5]), at);
      await submitEntries(trx, other, entries(u.bloc, '2026-W47', [7, 7]), at);
      await submitNilReport(trx, other, '2026-W48', at);
    });
    const status = await unitStatus(u.t.db, mine, at);
    expect(status.periods.map((p) => [p.which, p.period.key, p.row.status, p.row.revision, p.dueDate, p.bloc])).toEqual(
      [
        ['current', '2026-W48', 'missing', null, '30/11/2026', { received: 1, expected: 2 }],
        ['previous', '2026-W47', 'late', 1, '23/11/2026', { received: 2, expected: 2 }],
      ],
    );
    expect(status.year).toBe(2026);
    expect(status.progress.map((c) => [c.code, c.total, c.target])).toEqual([
      ['1', 2, 10],
      ['2', 5, 20],
    ]);
  });
});

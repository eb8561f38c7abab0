// Decision 0051's parity, as a property of the use cases: whichever channel a reporter acts
// through, the same entries store the same report; only the revision's channel differs. A report
// sent through one channel and revised through the other is one report. (The end-to-end check,
// the real bot against the real form, is test/web-report/parity.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getReport, getReportValues, listRevisions } from '../../src/db/reports.js';
import { submitNilReport } from '../../src/reporting/nil-report.js';
import { rebaseOnStored } from '../../src/reporting/rebase.js';
import { draftTarget } from '../../src/reporting/report-context.js';
import type { Reporter } from '../../src/reporting/reporter.js';
import { type ReportEntries, submitEntries } from '../../src/reporting/submit.js';
import { periodFromKey } from '../../src/core/periods.js';
import { startDraft } from '../../src/core/report-flow/machine.js';
import { createUseCaseTest, entries, TUESDAY_W48, type UseCaseTest } from './helpers.js';

let u: UseCaseTest;
beforeEach(async () => {
  u = await createUseCaseTest();
});
afterEach(async () => {
  await u.close();
});

const submit = (r: Reporter, e: ReportEntries, at = TUESDAY_W48) =>
  u.t.db.transaction().execute((trx) => submitEntries(trx, r, e, u.at(at)));

/** A stored report without what differs by unit or channel. */
async function comparable(unit: number, key: string) {
  const r = (await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[unit]!, key))!;
  const { id, unitId, submittedVia, submittedByFocalPointId, ...rest } = r;
  const values = (await getReportValues(u.t.db, id)).sort((a, b) => a.criterionId - b.criterionId);
  const revisions = (await listRevisions(u.t.db, id)).map((v) => ({ revision: v.revision, snapshot: v.snapshot }));
  return { report: rest, values, revisions, channel: submittedVia };
}

const TEXTS = { notableResults: 'Tuyên truyền 3 gương điển hình', difficulties: null, proposals: 'Tập huấn' };

describe('the use cases are the same for every channel', () => {
  it('the same entries store the same report and receipt; only the channel differs', async () => {
    const viaBot = await submit(
      await u.reporter(0, 'telegram'),
      entries(u.bloc, '2026-W48', [3, 12], { texts: TEXTS }),
    );
    const viaWeb = await submit(await u.reporter(1, 'web'), entries(u.bloc, '2026-W48', [3, 12], { texts: TEXTS }));
    const bot = await comparable(0, '2026-W48');
    const web = await comparable(1, '2026-W48');
    expect(web.report).toEqual(bot.report);
    expect(web.values).toEqual(bot.values);
    expect(web.revisions).toEqual(bot.revisions);
    expect([bot.channel, web.channel]).toEqual(['telegram', 'web']);
    if (viaBot.kind !== 'stored' || viaWeb.kind !== 'stored') throw new Error('not stored');
    expect({ ...viaWeb.receipt, unit: '' }).toEqual({ ...viaBot.receipt, unit: '' });
  });

  it('"nothing new" through either channel stores the same nil report', async () => {
    const at = u.at(TUESDAY_W48);
    const [bot1, web2] = [await u.reporter(0, 'telegram'), await u.reporter(1, 'web')];
    await u.t.db.transaction().execute(async (trx) => {
      await submitNilReport(trx, bot1, '2026-W48', at);
      await submitNilReport(trx, web2, '2026-W48', at);
    });
    const bot = await comparable(0, '2026-W48');
    const web = await comparable(1, '2026-W48');
    expect(web.report).toEqual(bot.report);
    expect(web.report.isNil).toBe(true);
    expect(web.revisions).toEqual(bot.revisions);
  });

  it('sent through the bot and revised through the web: one report, each revision with its channel', async () => {
    const first = await submit(await u.reporter(0, 'telegram'), entries(u.bloc, '2026-W48', [3, 12]));
    if (first.kind !== 'stored') throw new Error(first.kind);
    const base = { reportId: first.reportId, revision: 1 };
    const web = await u.reporter(0, 'web');
    expect(await submit(web, entries(u.bloc, '2026-W48', [4, 12], { base }), '2026-11-24T04:00:00.000Z')).toMatchObject(
      { kind: 'stored', reportId: first.reportId, revision: 2 },
    );
    const revisions = await listRevisions(u.t.db, first.reportId);
    expect(revisions.map((r) => [r.revision, r.submittedVia, r.submittedByFocalPointId])).toEqual([
      [1, 'telegram', u.bloc.focalPointIds[0]],
      [2, 'web', u.bloc.focalPointIds[0]],
    ]);
  });

  it('entries started before the other channel stored are refused there too, and rebase keeping the changes', async () => {
    const web = await u.reporter(0, 'web');
    await submit(web, entries(u.bloc, '2026-W48', [2, 3]));
    const bot = await u.reporter(0, 'telegram');
    const out = await submit(bot, entries(u.bloc, '2026-W48', [9, 3]));
    expect(out).toMatchObject({ kind: 'conflict', stored: { submittedVia: 'web' }, author: { self: true } });
    // The bot's draft, started as new, with a 9 for the first criterion: rebased on the web's report.
    const target = await draftTarget(u.t.db, bot, periodFromKey('2026-W48'));
    const mine = { ...startDraft({ ...target, existing: null }), values: { [u.bloc.criterionIds[0]!]: 9 } };
    const rebased = await rebaseOnStored(u.t.db, bot, mine);
    expect(rebased).toMatchObject({ kind: 'rebased', revision: 1 });
    if (rebased.kind !== 'rebased') return;
    expect(rebased.draft.values).toEqual({ [u.bloc.criterionIds[0]!]: 9, [u.bloc.criterionIds[1]!]: 3 });
    expect(rebased.overrides).toHaveLength(1);
  });
});

// The draft's use cases over a conversation: begin or resume, one answer at a time, send once,
// move to the current period, cancel. Buttons drawn for an older state are stale and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getReport } from '../../src/db/reports.js';
import { applyAnswer } from '../../src/reporting/answer.js';
import type { ConversationKey } from '../../src/reporting/conversation.js';
import { beginForPeriod, beginOrResume } from '../../src/reporting/draft.js';
import { cancelDraft, moveDraftToCurrent } from '../../src/reporting/draft-move.js';
import { nilForPeriod, sendDraft } from '../../src/reporting/draft-send.js';
import type { Reporter, When } from '../../src/reporting/reporter.js';
import { createUseCaseTest, TUESDAY_W48, type UseCaseTest } from './helpers.js';

let u: UseCaseTest;
let r: Reporter;
let key: ConversationKey;
const at: When = { now: new Date(TUESDAY_W48), timeZone: 'Asia/Ho_Chi_Minh' };
beforeEach(async () => {
  u = await createUseCaseTest();
  r = await u.reporter(0, 'telegram');
  key = { chatId: '501', accountId: '501', focalPointId: r.focalPointId };
});
afterEach(async () => {
  await u.close();
});

const tx = <T>(f: (trx: typeof u.t.db) => Promise<T>) => u.t.db.transaction().execute(f);

describe('draft', () => {
  it('asks which period, naming the last day the previous one is taken, then begins and resumes', async () => {
    const asked = await tx((trx) => beginOrResume(trx, r, key, at));
    expect(asked).toMatchObject({ kind: 'choosePeriod', lastDay: '29/11/2026' });
    if (asked.kind !== 'choosePeriod') return;
    expect(asked.periods.map((p) => [p.period.key, p.reported])).toEqual([
      ['2026-W48', false],
      ['2026-W47', false],
    ]);
    expect(await tx((trx) => beginForPeriod(trx, r, key, '2026-W48', asked.version - 1, at))).toEqual({
      kind: 'stale',
    });
    const started = await tx((trx) => beginForPeriod(trx, r, key, '2026-W48', asked.version, at));
    expect(started).toMatchObject({ kind: 'started', stored: undefined, draft: { period: { key: '2026-W48' } } });
    expect(await tx((trx) => beginOrResume(trx, r, key, at))).toMatchObject({ kind: 'resumed' });
    expect(await tx((trx) => beginForPeriod(trx, r, key, '2026-W47', undefined, at))).toMatchObject({ kind: 'busy' });
  });

  it('refuses a period no longer taken and one never offered', async () => {
    expect(await tx((trx) => beginForPeriod(trx, r, key, '2026-W45', undefined, at))).toMatchObject({
      kind: 'periodNotTaken',
      period: { key: '2026-W45' },
    });
    expect(await tx((trx) => beginForPeriod(trx, r, key, '2026-W50', undefined, at))).toEqual({ kind: 'stale' });
    expect(await tx((trx) => beginForPeriod(trx, r, key, '2026-11', undefined, at))).toEqual({ kind: 'stale' });
  });

  it('applies answers one at a time, refuses a bad one unchanged, and sends once', async () => {
    await tx((trx) => beginForPeriod(trx, r, key, '2026-W48', undefined, at));
    const refused = await tx((trx) => applyAnswer(trx, key, { kind: 'text', text: '1.200' }, undefined, at));
    expect(refused).toMatchObject({ kind: 'refused', error: { code: 'thousands_separator', suggestion: '1200' } });
    let version = 0;
    for (const input of [
      { kind: 'text', text: '3' },
      { kind: 'text', text: '12' },
      { kind: 'skip' },
      { kind: 'skip' },
      { kind: 'skip' },
      { kind: 'skip' },
    ] as const) {
      const out = await tx((trx) => applyAnswer(trx, key, input, undefined, at));
      if (out.kind !== 'applied') throw new Error(out.kind);
      version = out.version;
    }
    expect(await tx((trx) => applyAnswer(trx, key, { kind: 'zero' }, version - 1, at))).toEqual({ kind: 'stale' });
    const sent = await tx((trx) => sendDraft(trx, r, key, version, 'report', at));
    expect(sent).toMatchObject({ kind: 'stored', revision: 1, periodKey: '2026-W48' });
    expect(await tx((trx) => sendDraft(trx, r, key, version, 'report', at))).toEqual({ kind: 'stale' });
    expect(await tx((trx) => applyAnswer(trx, key, { kind: 'text', text: '1' }, undefined, at))).toEqual({
      kind: 'noDraft',
    });
  });

  it('keeps a draft whose period is no longer taken, and moves it to the current period', async () => {
    const started = await tx((trx) => beginForPeriod(trx, r, key, '2026-W47', undefined, at));
    if (started.kind !== 'started') throw new Error(started.kind);
    const monday = { ...at, now: new Date('2026-11-30T03:00:00.000Z') };
    const nil = await tx((trx) => sendDraft(trx, r, key, started.version, 'nil', monday));
    expect(nil).toMatchObject({ kind: 'periodNotTaken', version: started.version });
    expect(await tx((trx) => beginOrResume(trx, r, key, monday))).toMatchObject({ kind: 'draftNotTaken' });
    const moved = await tx((trx) => moveDraftToCurrent(trx, r, key, started.version, monday));
    expect(moved).toMatchObject({ kind: 'moved', draft: { period: { key: '2026-W49' } }, replaces: [] });
    expect(await tx((trx) => cancelDraft(trx, key, started.version, monday))).toEqual({ kind: 'stale' });
    expect(await tx((trx) => cancelDraft(trx, key, undefined, monday))).toMatchObject({ kind: 'cancelled' });
    expect(await tx((trx) => cancelDraft(trx, key, undefined, monday))).toEqual({ kind: 'noDraft' });
  });

  it('"nothing new" from a reminder: stored for an untouched period, refused over a draft with entries', async () => {
    await tx((trx) => beginForPeriod(trx, r, key, '2026-W48', undefined, at));
    await tx((trx) => applyAnswer(trx, key, { kind: 'text', text: '3' }, undefined, at));
    expect(await tx((trx) => nilForPeriod(trx, r, key, '2026-W48', at))).toMatchObject({ kind: 'busy' });
    expect(await tx((trx) => nilForPeriod(trx, r, key, '2026-W47', at))).toMatchObject({
      kind: 'stored',
      periodKey: '2026-W47',
      receipt: { isNil: true },
    });
    expect(await tx((trx) => nilForPeriod(trx, r, key, '2026-W47', at))).toMatchObject({ kind: 'alreadyReported' });
    expect(await tx((trx) => nilForPeriod(trx, r, key, '2026-W45', at))).toMatchObject({ kind: 'periodClosed' });
    expect(await getReport(u.t.db, u.bloc.blocId, u.bloc.unitIds[0]!, '2026-W48')).toBeUndefined();
  });
});

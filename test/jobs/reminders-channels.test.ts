import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unreachableList } from '../../src/admin/delivery/unreachable-data.js';
import { periodFromKey } from '../../src/core/periods.js';
import { getBloc } from '../../src/db/blocs.js';
import { addContactAddress } from '../../src/db/contact-addresses.js';
import { publishPeriodDigest } from '../../src/jobs/digest-jobs.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { reminderJob } from '../../src/jobs/reminders/reminder-job.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { at, linkChat, quietLogger, report, TZ } from './support.js';

// A server that runs Telegram only (as main.ts with a bot token), and people who also have an
// address on a channel it does not run ('zalo'), put first in their order. A person is reached at
// their first linked address on a running channel; one with none is unreachable (decision 0090).
//   unit 1 (chair): its focal point prefers zalo, and has Telegram 101 · reported week 48
//   unit 2: its focal point prefers zalo, and has Telegram 102
//   unit 3: its focal point has only a zalo address

const RUNNING = ['telegram'] as const;
let t: TestDb;
let bloc: SmallBloc;

beforeEach(async () => {
  t = await createTestDb();
  bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 3, year: 2026 });
  const [fp1, fp2, fp3] = bloc.focalPointIds;
  const linkedAt = new Date('2026-11-01T00:00:00Z');
  await linkChat(t.db, fp1!, '101');
  await linkChat(t.db, fp2!, '102');
  await addContactAddress(t.db, { focalPointId: fp1!, channel: 'zalo', address: 'z-1', at: linkedAt, position: -1 });
  await addContactAddress(t.db, { focalPointId: fp2!, channel: 'zalo', address: 'z-2', at: linkedAt, position: -1 });
  await addContactAddress(t.db, { focalPointId: fp3!, channel: 'zalo', address: 'z-3', at: linkedAt });
  await report(t.db, bloc.blocId, bloc.unitIds[0]!, '2026-W48', at('2026-11-27', '10:00'));
});
afterEach(async () => {
  await t.close();
});

const outboxOf = (kindLike: string) =>
  t.db
    .selectFrom('outbox_message')
    .select(['channel', 'address', 'dedupe_key'])
    .where('kind', 'like', kindLike)
    .orderBy('id')
    .execute();

describe('recipients are resolved on the channels this server runs', () => {
  it('reminds on Telegram a person whose first address is on a channel not running, and lists one with none as unreachable', async () => {
    const runner = createJobRunner({ db: t.db, timeZone: TZ, logger: quietLogger, channels: RUNNING }, [reminderJob]);
    // The reminder before the deadline of week 48: Monday 30/11 at 15:00.
    await runner.runDue(at('2026-11-30', '14:00'), at('2026-11-30', '15:00'), at('2026-11-30', '15:00'));

    const rows = await outboxOf('reminder');
    expect(rows.map((r) => [r.channel, r.address])).toEqual([['telegram', '102']]);
    expect(rows[0]!.dedupe_key).toContain(`:${bloc.unitIds[1]}:${bloc.focalPointIds[1]}:2026-W48`);

    const list = await unreachableList(
      t.db,
      (await getBloc(t.db, bloc.blocId))!,
      at('2026-11-30', '16:00'),
      TZ,
      RUNNING,
    );
    const rowsOfW48 = list.periods.find((p) => p.period.key === '2026-W48')?.rows ?? [];
    expect(rowsOfW48.map((r) => [r.unitId, r.focalPoint?.id, r.reason])).toEqual([
      [bloc.unitIds[2], bloc.focalPointIds[2], 'not_linked'],
    ]);
  });

  it('sends the digest to the chair’s focal point on Telegram, not at their address on a channel not running', async () => {
    const r = await publishPeriodDigest(
      { db: t.db, timeZone: TZ, logger: quietLogger, channels: RUNNING },
      bloc.blocId,
      periodFromKey('2026-W48'),
      at('2026-11-30', '08:05'),
    );
    expect(r.status).toBe('queued');
    const rows = await outboxOf('digest');
    expect(rows.map((row) => [row.channel, row.address])).toEqual([['telegram', '101']]);
  });

  it('reaches nobody when no channel runs', async () => {
    const runner = createJobRunner({ db: t.db, timeZone: TZ, logger: quietLogger, channels: [] }, [reminderJob]);
    await runner.runDue(at('2026-11-30', '14:00'), at('2026-11-30', '15:00'), at('2026-11-30', '15:00'));
    expect(await outboxOf('reminder')).toEqual([]);
  });
});

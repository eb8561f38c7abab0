import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderTelegramMessage } from '../../src/bot/telegram/render-message.js';
import { periodFromKey } from '../../src/core/periods.js';
import { unitReminderMessage } from '../../src/core/reminder-text.js';
import { zonedInstant } from '../../src/core/time.js';
import type { Db } from '../../src/db/connection.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { statusCounts, waitFor } from './support.js';
import { builtEntry } from '../helpers/built.js';

// A real delivery process (node on test/delivery/fixtures/deliver.ts, built once for the run) is killed with SIGKILL in the
// middle of 1,000 reminders and started again on the same database.

const root = join(import.meta.dirname, '../..');
const RECIPIENTS = 1000;

let t: TestDb | undefined;
let api: FakeBotApi | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.length = 0;
  await api?.close();
  await t?.close();
  api = undefined;
  t = undefined;
});

function startDelivery(maxInFlight: number): { child: ChildProcess; exited: Promise<void>; output: () => string } {
  let out = '';
  // node itself, not a wrapper: a SIGKILL to a wrapper would leave the
  // real process running.
  const child = spawn(
    process.execPath,
    [builtEntry('deliver'), t!.path, api!.apiRoot, api!.token, '500', String(maxInFlight)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DELIVER_LOG_LEVEL: 'info' },
    },
  );
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  children.push(child);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, exited, output: () => out };
}

async function queueReminders(db: Db): Promise<void> {
  const period = periodFromKey('2026-W48');
  const deadline = zonedInstant('2026-12-01', '00:00', 'Asia/Ho_Chi_Minh');
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < RECIPIENTS; i++) {
      const message = unitReminderMessage({
        blocName: 'Khối thi đua số 6',
        focalPointName: `Cán bộ ${i + 1}`,
        unitName: `Đơn vị ${i + 1}`,
        period: { key: period.key, label: period.label, deadline },
        stage: { kind: 'after', ordinal: 1 },
        timeZone: 'Asia/Ho_Chi_Minh',
      });
      const [payload] = renderTelegramMessage(message, {});
      await enqueueOutbox(trx, {
        dedupeKey: `reminder:after1:1:${i}:${i}:2026-W48`,
        blocId: null,
        kind: 'reminder',
        chatId: String(500_000 + i),
        chatType: 'private',
        payload: payload!,
        now,
      });
    }
  });
}

async function sendingRows(db: Db): Promise<number> {
  return (await statusCounts(db)).sending ?? 0;
}

describe('delivery across a SIGKILL', () => {
  it('kills the process with messages in flight; after a restart every recipient has exactly one reminder', async () => {
    const maxInFlight = 8;
    t = await createTestDb();
    await queueReminders(t.db);
    api = await FakeBotApi.start({ perSecond: 500 });
    // After 400 accepted messages the network stalls: requests in flight get no answer.
    api.onAccepted = () => {
      if (api!.messages.length === 400) api!.hold();
      return undefined;
    };
    const first = startDelivery(maxInFlight);
    await waitFor(
      async () => {
        const c = await statusCounts(t!.db);
        return api!.heldCount() === maxInFlight && c.sent === api!.messages.length && (c.sending ?? 0) === maxInFlight;
      },
      30_000,
      `a stalled delivery process\n${first.output()}`,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const atRisk = await sendingRows(t.db);
    api.dropHeld();

    const second = startDelivery(maxInFlight);
    await waitFor(async () => (await statusCounts(t!.db)).sent === RECIPIENTS, 30_000, `all sent\n${second.output()}`);
    second.child.kill('SIGTERM');
    await second.exited;

    const counts = api.countsByChat();
    const bad = [...counts.entries()].filter(([, n]) => n !== 1);
    if (bad.length)
      console.log(
        first.output(),
        second
          .output()
          .split('\n')
          .filter((l) => bad.some(([c]) => l.includes(c)))
          .join('\n'),
      );
    expect(bad).toEqual([]);
    expect(counts.size).toBe(RECIPIENTS);
    expect(api.messages).toHaveLength(RECIPIENTS);
    expect(atRisk).toBeGreaterThan(0);
    expect(atRisk).toBeLessThanOrEqual(maxInFlight);
    expect(second.output()).toContain(`"resentAfterCrash":${atRisk}`);
    console.log(
      `SIGKILL after 400 of ${RECIPIENTS}: ${atRisk} messages were in flight (at risk in the documented window; limit ${maxInFlight}); all ${RECIPIENTS} recipients got exactly one.`,
    );
  }, 90_000);

  it('a kill after Telegram accepted a message but before it was recorded sends that one message twice, and no other', async () => {
    t = await createTestDb();
    await queueReminders(t.db);
    api = await FakeBotApi.start({ perSecond: 500 });
    let first: ReturnType<typeof startDelivery> | undefined;
    let victim: string | undefined;
    // The documented window, made to happen: message 300 is accepted, then the process dies
    // before it can read the answer.
    api.onAccepted = (m) => {
      if (api!.messages.length !== 300) return undefined;
      victim = m.chatId;
      first!.child.kill('SIGKILL');
      return 'no_answer';
    };
    first = startDelivery(1);
    await first.exited;
    const atRisk = await sendingRows(t.db);

    const second = startDelivery(1);
    await waitFor(async () => (await statusCounts(t!.db)).sent === RECIPIENTS, 30_000, `all sent\n${second.output()}`);
    second.child.kill('SIGTERM');
    await second.exited;

    const counts = api.countsByChat();
    const duplicated = [...counts.entries()].filter(([, n]) => n > 1).map(([chat]) => chat);
    expect(atRisk).toBe(1);
    expect(duplicated).toEqual([victim]);
    expect(counts.get(victim!)).toBe(2);
    expect(counts.size).toBe(RECIPIENTS);
    console.log(
      `Kill inside the window: ${atRisk} message at risk, ${duplicated.length} duplicated (chat ${victim}), 0 lost.`,
    );
  }, 90_000);
});

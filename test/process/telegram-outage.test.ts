import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { freePort } from '../helpers/ports.js';
import { type Started, startCommand } from '../helpers/process.js';
import { waitFor } from '../delivery/support.js';
import { builtEntry } from '../helpers/built.js';

// The real product (src/main.ts, built once for the run: test/helpers/built.ts) against the Bot API emulator, which
// goes away while messages are waiting and then comes back at the same address: what /healthz,
// /readyz, /metrics and the log show the operator during and after the outage.

const root = join(import.meta.dirname, '../..');

let dir: string | undefined;
let child: ChildProcess | undefined;
let emu: BotEmulator | undefined;
afterEach(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await emu?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = undefined;
  emu = undefined;
  dir = undefined;
});

const json = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const logLines = (s: Started) =>
  s
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; [k: string]: unknown });

describe('a Telegram outage against the real process', () => {
  it('shows both channels failing within seconds, counts the failures, warns once per channel and says when each recovers', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ktd-outage-'));
    const dbPath = join(dir, 'ktd.sqlite');
    const port = await freePort();
    emu = await BotEmulator.start();
    const emuPort = Number(new URL(emu.apiRoot).port);
    const s = startCommand(`${process.execPath} ${builtEntry('main')}`, root, {
      DATABASE_PATH: dbPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'false',
      TELEGRAM_BOT_TOKEN: emu.token,
      TELEGRAM_API_ROOT: emu.apiRoot,
    });
    child = s.child;
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => {
        try {
          return (await json(`${base}/healthz`)).body.bot === 'polling';
        } catch {
          return false;
        }
      },
      30_000,
      'the bot polling',
    );

    // Telegram becomes unreachable, then three messages are queued (as a reminder run would).
    await emu.close();
    const { db } = openDatabase(dbPath);
    await migrateToLatest(db);
    for (const chat of ['81001', '81002', '81003']) {
      await enqueueOutbox(db, {
        dedupeKey: `outage:${chat}`,
        blocId: null,
        kind: 'reminder',
        chatId: chat,
        chatType: 'private',
        payload: { text: `Nhắc báo cáo ${chat}` },
        now: new Date(),
      });
    }
    await db.destroy();
    await waitFor(
      async () => {
        const h = (await json(`${base}/healthz`)).body;
        return h.bot === 'error' && h.delivery === 'error';
      },
      30_000,
      'both channels failing',
    );
    const ready = await json(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.bot).toMatchObject({ ok: false, status: 'error', reason: 'network' });
    expect(ready.body.checks.delivery).toMatchObject({ ok: false, status: 'error', reason: 'network' });
    expect(ready.body.problems).toEqual([
      expect.stringMatching(/^Bot Telegram không kết nối được với Telegram từ /),
      expect.stringMatching(/^Bộ gửi tin không gửi được tin nhắn đến Telegram từ /),
    ]);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^ktd_telegram_failed_attempts_total\{channel="bot",reason="network"\} [1-9]/m);
    expect(metrics).toMatch(/^ktd_telegram_failed_attempts_total\{channel="delivery",reason="network"\} [1-9]/m);
    expect(metrics).toMatch(/^ktd_telegram_unreachable\{channel="delivery"\} 1$/m);
    expect(metrics).toMatch(/^ktd_outbox_oldest_due_seconds \d/m);

    // Telegram is back at the same address: the bot polls again and the waiting messages go.
    emu = await BotEmulator.start({ port: emuPort });
    await waitFor(
      async () => {
        const h = (await json(`${base}/healthz`)).body;
        return h.bot === 'polling' && h.delivery === 'ok';
      },
      40_000,
      'both channels working again',
    );
    await waitFor(() => ['81001', '81002', '81003'].every((c) => emu!.messagesIn(c).length === 1), 40_000, 'sent');
    expect((await json(`${base}/readyz`)).status).toBe(200);
    const lines = logLines(s);
    for (const channel of ['bot', 'delivery']) {
      const warned = lines.filter((l) => l.msg.startsWith(`telegram unreachable: ${channel} failing`));
      expect(warned, channel).toHaveLength(1);
      expect(warned[0]!.level).toBe(40);
      expect(lines.filter((l) => l.msg.startsWith(`telegram reachable again: ${channel} recovered`))).toHaveLength(1);
    }
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(emu.violations).toEqual([]);
  });
});

import type { ChildProcess } from 'node:child_process';
import { type Started, startCommand } from '../helpers/process.js';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtEntry } from '../helpers/built.js';
import { openDatabase } from '../../src/db/connection.js';
import { createInvite } from '../../src/db/invites.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { freePort } from '../helpers/ports.js';
import { EMULATOR_BOT_TOKEN, PROCESS_ADMIN_PASSWORD } from '../helpers/secrets.js';

// Starts the real product and talks to it over HTTP. The first test starts it as `npm start` does
// (src/main.ts through tsx); the others start the same src/main.ts built once for the run
// (test/helpers/built.ts), which spares a TypeScript transform per start.
// Node runs tsx as a loader rather than through the tsx wrapper, so a kill reaches the product itself.

const root = join(import.meta.dirname, '../..');

/** The product started as `npm start` does, with only these settings. */
function startAsNpmStart(env: Record<string, string>): Started {
  return startWith(`${process.execPath} --import tsx src/main.ts`, env);
}

/** The product's process (the build of src/main.ts), from the checkout, with only these settings. */
function start(env: Record<string, string>): Started {
  return startWith(`${process.execPath} ${builtEntry('main')}`, env);
}

function startWith(commandLine: string, env: Record<string, string>): Started {
  return startCommand(commandLine, root, {
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'info',
    ...env,
  });
}

async function waitForHealth(port: number, started: Started): Promise<Record<string, unknown>> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no /healthz within 20 s; output:\n${started.output()}`);
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ktd-start-'));
  dirs.push(d);
  return d;
}

describe('npm start', () => {
  it('serves a healthy /healthz with the demo bloc on a new database, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const port = await freePort();
    const dbPath = join(dir, 'nested', 'ktd.sqlite');
    const s = startAsNpmStart({ DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1' });
    children.push(s.child);
    const health = await waitForHealth(port, s);
    expect(health).toMatchObject({ status: 'ok', bot: 'off' });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    const readiness = (await ready.json()) as {
      status: string;
      checks: Record<string, { ok: boolean }> & { jobs: { jobs: { name: string }[] } };
    };
    expect(ready.status).toBe(200);
    expect(readiness.status).toBe('ok');
    expect(readiness.checks.database).toMatchObject({ ok: true, writable: true });
    expect(readiness.checks.bot).toMatchObject({ ok: true, status: 'off' });
    expect(readiness.checks.jobs.jobs.map((j) => j.name)).toEqual(
      expect.arrayContaining(['reminders', 'period-digest', 'housekeeping']),
    );
    // From this machine /metrics needs no token.
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/ktd_reports_received\{channel="demo"\} \d+/);
    expect(s.output()).toMatch(/telegram bot off: TELEGRAM_BOT_TOKEN is not set/);
    expect(s.output()).toMatch(/admin \/ khoithidua6/);
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(page).toContain('Khối thi đua');
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const { db } = openDatabase(dbPath);
    const bloc = await db.selectFrom('bloc').selectAll().executeTakeFirst();
    expect(bloc?.name).toBe('Khối thi đua số 6');
    await db.destroy();
  });

  it('with a bot token, starts the bot on long polling: a focal point links through an invite', async () => {
    const emu = await BotEmulator.start();
    try {
      const dir = tempDir();
      const port = await freePort();
      const dbPath = join(dir, 'ktd.sqlite');
      const s = start({
        DATABASE_PATH: dbPath,
        PORT: String(port),
        HOST: '127.0.0.1',
        TELEGRAM_BOT_TOKEN: emu.token,
        TELEGRAM_API_ROOT: emu.apiRoot,
      });
      children.push(s.child);
      await waitForHealth(port, s);
      const until = Date.now() + 15_000;
      let bot = '';
      while (Date.now() < until && bot !== 'polling') {
        bot = String(((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { bot: string }).bot);
        await new Promise((r) => setTimeout(r, 150));
      }
      expect(bot).toBe('polling');
      expect(s.output()).toMatch(/telegram bot started/);
      expect([...emu.commands.values()].flat().map((c) => c.command)).toEqual(
        expect.arrayContaining(['baocao', 'trangthai', 'huy', 'trogiup']),
      );

      const { db } = openDatabase(dbPath);
      const fp = await db.selectFrom('focal_point').selectAll().orderBy('id').executeTakeFirstOrThrow();
      const invite = await createInvite(db, {
        kind: 'focal_point',
        focalPointId: fp.id,
        createdBy: 'test',
        now: new Date(),
      });
      await db.destroy();
      const chat = emu.chat({ userId: 4242, firstName: 'Thư' });
      await chat.send(`/start ${invite.code}`);
      expect(chat.lastText()).toContain(fp.full_name);
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      expect(emu.violations).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it('with Telegram unreachable, serves everything else, says the bot is not connected, and /readyz is 503', async () => {
    const dir = tempDir();
    const port = await freePort();
    const nobody = await freePort(); // nothing listens there: as when Telegram is blocked
    const s = start({
      DATABASE_PATH: join(dir, 'ktd.sqlite'),
      PORT: String(port),
      HOST: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: EMULATOR_BOT_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${nobody}`,
    });
    children.push(s.child);
    expect(await waitForHealth(port, s)).toMatchObject({ status: 'ok', bot: 'error' });
    expect(s.output()).toMatch(/telegram bot not connected yet; retrying/);
    expect(s.output()).not.toMatch(/telegram bot started/);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: { bot: { ok: boolean; status: string } } };
    expect(body.checks.bot).toMatchObject({ ok: false, status: 'error' });
    // The admin and the personal report form do not depend on Telegram.
    expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('loads no demo data when DEMO_DATA=false', async () => {
    const dir = tempDir();
    const port = await freePort();
    const dbPath = join(dir, 'ktd.sqlite');
    const s = start({
      DATABASE_PATH: dbPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      ADMIN_USERNAME: 'tinh.admin',
      ADMIN_PASSWORD: PROCESS_ADMIN_PASSWORD,
    });
    children.push(s.child);
    await waitForHealth(port, s);
    // The first admin signs in: the request log shows the route, never the password or the session.
    const page = await fetch(`http://127.0.0.1:${port}/login`);
    const loginCookie = /ktd_login=([^;]+)/.exec(page.headers.getSetCookie().join(';'))?.[1];
    const token = /name="_login" value="([^"]+)"/.exec(await page.text())?.[1];
    const signedIn = await fetch(`http://127.0.0.1:${port}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `ktd_login=${loginCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _login: token ?? '', username: 'tinh.admin', password: PROCESS_ADMIN_PASSWORD }),
    });
    const session = /ktd_session=([^;]+)/.exec(signedIn.headers.getSetCookie().join(';'))?.[1];
    expect(session).toBeTruthy();
    const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie: `ktd_session=${session}` } });
    expect(home.headers.get('x-request-id')).toBeTruthy();
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
    expect(s.output()).toMatch(/"route":"\/login","status":30\d/);
    expect(s.output()).not.toContain(PROCESS_ADMIN_PASSWORD);
    expect(s.output()).not.toContain(session);
    const { db } = openDatabase(dbPath);
    expect(
      (
        await db
          .selectFrom('bloc')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toBe(0);
    await db.destroy();
  });

  it('stops with a message naming each bad setting', async () => {
    const s = start({ DATABASE_PATH: join(tempDir(), 'x.sqlite'), PORT: 'not-a-port', APP_TIMEZONE: 'Mars/Base' });
    children.push(s.child);
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/PORT: phải là số cổng/);
    expect(s.output()).toMatch(/APP_TIMEZONE: /);
  });

  it('stops with the path in the message when the database cannot be opened', async () => {
    const dir = tempDir();
    const notAFile = join(dir, 'a-directory');
    mkdirSync(notAFile);
    const s = start({ DATABASE_PATH: notAFile, PORT: String(await freePort()) });
    children.push(s.child);
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain(`Không mở được cơ sở dữ liệu tại "${notAFile}"`);
  });
});

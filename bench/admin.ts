// npm run bench:admin — the admin's dashboard and reports list under 50 concurrent clients over
// loopback, on the generated province of the summaries benchmark (20 blocs, 150 units, 10 years
// of weekly reports), served by the real app through @hono/node-server in its own process (the
// load generator must not share its event loop). Target: p99 < 100 ms.
// The last line is JSON.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/core/password.js';
import { createAdminUser } from '../src/db/admin-users.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { generateProvince } from './generate-province.js';

/** Wednesday of ISO week 48 of 2025: the dashboard shows week 47, the reports list 2025. */
const now = new Date('2025-11-26T03:00:00Z');
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = 20;

const round = (x: number) => Math.round(x * 10) / 10;

function percentile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const loginCookie = page.headers
    .getSetCookie()
    .find((h) => h.startsWith('ktd_login='))!
    .split(';')[0]!;
  const token = /name="_login" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _login: token, username, password }),
  });
  const session = res.headers.getSetCookie().find((h) => h.startsWith('ktd_session='));
  if (!session) throw new Error(`login failed: ${res.status}`);
  return session.split(';')[0]!;
}

/** `CLIENTS` clients, each sending its requests one after another; every response time in ms. */
async function load(base: string, cookie: string, pathFor: (client: number, i: number) => string): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < REQUESTS_PER_CLIENT; i++) {
        const start = performance.now();
        const res = await fetch(`${base}${pathFor(client, i)}`, { headers: { cookie } });
        await res.arrayBuffer();
        times.push(performance.now() - start);
        if (res.status !== 200) throw new Error(`${pathFor(client, i)} answered ${res.status}`);
      }
    }),
  );
  return times;
}

/** Starts bench/admin-server.ts on the database and waits for its port. */
function startServer(path: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'admin-server.ts'), path, now.toISOString()],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`admin server exited with ${code}`)));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ktd-bench-admin-'));
const path = join(dir, 'province.sqlite');
const { db } = openDatabase(path);
let server: ChildProcess | undefined;
try {
  await migrateToLatest(db);
  const genStart = performance.now();
  const province = await generateProvince(db, { blocs: 20, units: 150, years: 10, lastYear: 2025 });
  console.log(
    `generated ${province.blocIds.length} blocs, ${province.unitIds.length} units, ${province.reports} weekly reports in ${round((performance.now() - genStart) / 1000)} s`,
  );
  await createAdminUser(db, {
    username: 'bench',
    displayName: 'Bench',
    passwordHash: hashPassword('bench-password'),
    role: 'province_admin',
  });

  await db.destroy();
  const started = await startServer(path);
  server = started.child;
  const base = started.base;
  const cookie = await signIn(base, 'bench', 'bench-password');
  const blocs = province.blocIds;
  const dashboard = (c: number, i: number) => `/blocs/${blocs[(c + i) % blocs.length]}`;
  const reports = (c: number, i: number) =>
    `/blocs/${blocs[(c + i) % blocs.length]}/reports${i % 4 === 3 ? '?page=2' : ''}`;

  // Warm-up: module loading and SQLite's page cache, so the figures are of a running server.
  await load(base, cookie, dashboard);
  await load(base, cookie, reports);

  const d = await load(base, cookie, dashboard);
  const r = await load(base, cookie, reports);
  const result = {
    dashboard_p50_ms: round(percentile(d, 0.5)),
    dashboard_p99_ms: round(percentile(d, 0.99)),
    reports_p50_ms: round(percentile(r, 0.5)),
    reports_p99_ms: round(percentile(r, 0.99)),
  };
  console.log(
    `dashboard (${d.length} requests, ${CLIENTS} concurrent clients): median ${result.dashboard_p50_ms} ms, p99 ${result.dashboard_p99_ms} ms (target p99 < 100 ms)`,
  );
  console.log(
    `reports list (${r.length} requests, ${CLIENTS} concurrent clients): median ${result.reports_p50_ms} ms, p99 ${result.reports_p99_ms} ms (target p99 < 100 ms)`,
  );
  console.log(JSON.stringify(result));
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await db.destroy().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}

import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { createAdminApp } from '../../src/admin/app.js';
import type { ReportFileSource } from '../../src/admin/reports/report-file-source.js';
import { ensurePersonalLinks } from '../../src/db/personal-links.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

export const SCREENSHOTS = join(import.meta.dirname, '../../test-artifacts/screenshots');
export const TZ = 'Asia/Ho_Chi_Minh';
/** The personal-link secret of the browser runs (fixed, so a journey can derive a link). */
export const LINK_SECRET = 'secret-of-the-browser-tests-0123456789abcdef';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningAdmin {
  t: TestDb;
  base: string;
  close(): Promise<void>;
}

/** The real admin app on a random localhost port, over a temporary database with the demo bloc. */
export async function startAdmin(now: Date, opts: { reportFiles?: ReportFileSource } = {}): Promise<RunningAdmin> {
  const t = await createTestDb();
  await seedDemo(t.db, { now, timeZone: TZ });
  // As main.ts does after seeding: every focal point gets a personal report link.
  await ensurePersonalLinks(t.db, LINK_SECRET, now);
  const app = createAdminApp({
    db: t.db,
    now: () => now,
    timeZone: TZ,
    // As main.ts with a bot token: Telegram is the one channel running.
    channels: ['telegram'],
    botUsername: () => 'khoithidua6_bot',
    reportFiles: opts.reportFiles,
    personalLinkSecret: LINK_SECRET,
    publicUrl: undefined,
    secureCookies: false,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    t,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

let browser: Promise<Browser> | undefined;

/**
 * Debian's Chromium through playwright-core, in a fresh context (its own cookies, storage and
 * downloads, as a fresh profile). One Chromium serves the contexts of a test file: starting it
 * took 4–5 s of each test; the file closes it with closeBrowser() after its tests.
 */
export async function openBrowser(
  viewport: { width: number; height: number },
  mobile = false,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  browser ??= chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
  const context = await (await browser).newContext({
    viewport,
    isMobile: mobile,
    hasTouch: mobile,
    locale: 'vi-VN',
    timezoneId: TZ,
    acceptDownloads: true,
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    async close() {
      await context.close();
    },
  };
}

/** Closes the Chromium of this test file's contexts (openBrowser starts another if asked again). */
export async function closeBrowser(): Promise<void> {
  const running = browser;
  browser = undefined;
  await (await running)?.close();
}

import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { createAdmin } from './accounts.js';
import { type AdminDeps, createAdminApp } from '../../src/admin/app.js';
import type { ReportFileSource } from '../../src/admin/reports/report-file-source.js';
import type { Db } from '../../src/db/connection.js';
import type { RunningChannels } from '../../src/db/contact-addresses.js';
import type { AdminRole } from '../../src/db/schema.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { testLogger } from '../helpers/logger.js';

export const TZ = 'Asia/Ho_Chi_Minh';
/** Wednesday 25/11/2026 10:00 in Hồ Chí Minh City. */
export const NOW = new Date('2026-11-25T03:00:00.000Z');

export interface AdminTest {
  t: TestDb;
  db: Db;
  app: Hono;
  clock: { now: Date };
  close(): Promise<void>;
}

/** A fixed personal-link secret, so a test can derive the tokens the admin shows. */
export const LINK_SECRET = 'secret-of-the-admin-tests-0123456789abcdef';

export async function createAdminTest(
  opts: {
    botUsername?: string;
    now?: Date;
    reportFiles?: ReportFileSource;
    publicUrl?: string;
    /** The channels the server runs (default: Telegram only, as main.ts with a bot token). */
    channels?: RunningChannels;
    /** The e-mail channel's test mail (main.ts gives it when SMTP_URL is set). */
    sendTestMail?: AdminDeps['sendTestMail'];
    mailSender?: string;
    /** ZALO_BOT_URL. */
    zaloBotUrl?: string;
  } = {},
): Promise<AdminTest> {
  const t = await createTestDb();
  const clock = { now: opts.now ?? NOW };
  const app = createAdminApp({
    db: t.db,
    now: () => clock.now,
    timeZone: TZ,
    channels: opts.channels ?? ['telegram'],
    botUsername: () => opts.botUsername,
    zaloBotUrl: opts.zaloBotUrl,
    reportFiles: opts.reportFiles,
    personalLinkSecret: LINK_SECRET,
    publicUrl: opts.publicUrl,
    sendTestMail: opts.sendTestMail,
    mailSender: opts.mailSender,
    secureCookies: false,
    logger: testLogger(),
  });
  return { t, db: t.db, app, clock, close: () => t.close() };
}

function cookieOf(res: Response, name: string): string | undefined {
  for (const h of res.headers.getSetCookie()) {
    const [pair] = h.split(';');
    const [k, v] = pair!.split('=');
    if (k === name && v) return v;
  }
  return undefined;
}

/** A signed-in browser: keeps the session cookie and adds the CSRF token to every form. */
export class Client {
  constructor(
    readonly app: Hono,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  get(path: string): Promise<Response> {
    return Promise.resolve(this.app.request(path, { headers: { cookie: `ktd_session=${this.cookie}` } }));
  }

  /** POSTs a urlencoded form; `csrf: false` leaves the token out, a string replaces it. */
  post(
    path: string,
    fields: Record<string, string | string[]> = {},
    opts: { csrf?: false | string } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    if (opts.csrf !== false) body.set('_csrf', opts.csrf ?? this.csrf);
    return Promise.resolve(
      this.app.request(path, {
        method: 'POST',
        headers: { cookie: `ktd_session=${this.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
  }

  postMultipart(path: string, form: FormData, opts: { csrf?: false } = {}): Promise<Response> {
    if (opts.csrf !== false) form.set('_csrf', this.csrf);
    return Promise.resolve(
      this.app.request(path, { method: 'POST', headers: { cookie: `ktd_session=${this.cookie}` }, body: form }),
    );
  }
}

/** Signs in through the real login form and returns a client holding the session. */
export async function login(app: Hono, db: Db, username: string, password: string): Promise<Client> {
  const page = await app.request('/login');
  const loginCookie = cookieOf(page, 'ktd_login')!;
  const token = /name="_login" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await app.request('/login', {
    method: 'POST',
    headers: { cookie: `ktd_login=${loginCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _login: token, username, password }),
  });
  const session = cookieOf(res, 'ktd_session');
  if (!session) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const idHash = createHash('sha256').update(session).digest('hex');
  const row = await db
    .selectFrom('admin_session')
    .select('csrf_token')
    .where('id_hash', '=', idHash)
    .executeTakeFirstOrThrow();
  return new Client(app, session, row.csrf_token);
}

/** Creates an account with that role and signs it in. */
export async function signIn(
  a: AdminTest,
  role: AdminRole,
  blocId: number | null = null,
  username = `${role.replace('_', '')}${blocId ?? ''}`,
): Promise<Client> {
  await createAdmin(a.db, { username, role, blocId });
  return login(a.app, a.db, username, PASSWORD);
}

export const PASSWORD = 'mat-khau-thu-nghiem';

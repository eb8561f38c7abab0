// Shared set-up for the personal web form's tests: a real SQLite database with a small bloc, a
// personal link per focal point, the real form app, and a client that reads the form's hidden
// fields and posts it back as a browser would (multipart, with files).
import { Hono } from 'hono';
import { issuePersonalLink } from '../../src/db/personal-links.js';
import type { WebReportLimits } from '../../src/web-report/rate-limit.js';
import { createWebReportApp } from '../../src/web-report/app.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { testLogger } from '../helpers/logger.js';

export const TZ = 'Asia/Ho_Chi_Minh';
export const LINK_SECRET = 'web-report-test-secret-0123456789abcdefghij';
/** Tuesday 24/11/2026 10:00 in Hà Nội: week 48 is current, week 47 still open (through 06/12). */
export const TUESDAY_W48 = '2026-11-24T03:00:00.000Z';
/** The current period at TUESDAY_W48 (and through Sunday 29/11). */
export const CURRENT_WEEK = '2026-W48';

export class Clock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current);
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export interface WebTest {
  t: TestDb;
  bloc: SmallBloc;
  app: Hono;
  clock: Clock;
  /** The personal link token of each focal point of the fixture bloc. */
  tokens: string[];
  client(index: number): FormClient;
  close(): Promise<void>;
}

export async function createWebTest(
  opts: { at?: string; units?: number; limits?: WebReportLimits; publicUrl?: string } = {},
): Promise<WebTest> {
  const t = await createTestDb();
  const clock = new Clock(new Date(opts.at ?? TUESDAY_W48));
  const bloc = await createSmallBloc(t.db, { units: opts.units ?? 2, year: 2026 });
  const tokens: string[] = [];
  for (const id of bloc.focalPointIds) {
    tokens.push(
      (await issuePersonalLink(t.db, { focalPointId: id, secret: LINK_SECRET, by: 'test', now: clock.now() })).token,
    );
  }
  // Mounted as the composition root mounts it.
  const app = new Hono().route(
    '/r',
    createWebReportApp({
      db: t.db,
      now: clock.now,
      timeZone: TZ,
      linkSecret: LINK_SECRET,
      publicUrl: opts.publicUrl,
      limits: opts.limits,
      logger: testLogger(),
    }),
  );
  return { t, bloc, app, clock, tokens, client: (i) => new FormClient(app, tokens[i]!), close: () => t.close() };
}

export const BROWSER_HEADERS = { host: 'localhost', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };

/** A hidden field's value in a rendered form ('' when absent). */
export function hiddenField(html: string, name: string, form = 'report-form'): string {
  const start = html.indexOf(`id="${form}"`);
  const part = start >= 0 ? html.slice(start) : html;
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(part)?.[1] ?? '';
}

export interface Page {
  res: Response;
  html: string;
}

/** Posted fields: each value is one string or several. */
export type Fields = Record<string, string | string[]>;

export class FormClient {
  /** The form last shown, whose hidden fields the next post carries. */
  last = '';

  constructor(
    readonly app: Hono,
    readonly token: string,
  ) {}

  url(path = ''): string {
    return `http://localhost/r/${this.token}${path}`;
  }

  /**
   * Opens the form of a period: week 48 (the current one of the tests' clock) unless told, since
   * the bare link opens the oldest period the unit has not reported (openBare).
   */
  open(query = `ky=${CURRENT_WEEK}`): Promise<Page> {
    return this.openBare(query);
  }

  /** Opens the link as given out: with this query string only (none: the link alone). */
  async openBare(query = ''): Promise<Page> {
    const res = await this.app.request(this.url(query ? `?${query}` : ''));
    const html = await res.text();
    if (html.includes('id="report-form"')) this.last = html;
    return { res, html };
  }

  /** The form's hidden fields (period, base, nonce, csrf) from the last page shown, overridable. */
  hidden(over: Fields = {}, form = 'report-form'): Fields {
    const f: Fields = {
      ky: hiddenField(this.last, 'ky', form),
      nonce: hiddenField(this.last, 'nonce', form),
      csrf: hiddenField(this.last, 'csrf', form),
    };
    if (form === 'report-form') f.base = hiddenField(this.last, 'base', form);
    return { ...f, ...over };
  }

  async post(
    path: string,
    fields: Fields,
    files: File[] = [],
    headers: Record<string, string> = BROWSER_HEADERS,
  ): Promise<Page> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    for (const f of files) body.append('tep', f);
    const res = await this.app.request(this.url(path), { method: 'POST', body, headers });
    const html = res.status === 303 ? '' : await res.text();
    if (html.includes('id="report-form"')) this.last = html;
    return { res, html };
  }

  /** Sends the report form with these entries (and the last form's hidden fields). */
  send(entries: Fields, files: File[] = [], over: Fields = {}, headers?: Record<string, string>): Promise<Page> {
    return this.post('/send', { ...this.hidden(over), ...entries }, files, headers);
  }

  nil(over: Fields = {}, headers?: Record<string, string>): Promise<Page> {
    return this.post('/nil', this.hidden(over, 'nil-form'), [], headers);
  }

  /** Follows a 303 to the receipt. */
  async follow(page: Page): Promise<Page> {
    const location = page.res.headers.get('location');
    if (!location) throw new Error(`no redirect (status ${page.res.status})`);
    const res = await this.app.request(`http://localhost${location}`);
    return { res, html: await res.text() };
  }
}

/** A real 1×1 PNG. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A minimal PDF. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export function file(content: Buffer | string, name: string, type = 'application/octet-stream'): File {
  return new File([typeof content === 'string' ? Buffer.from(content) : content], name, { type });
}

// /metrics on a real server: parsed with a Prometheus text parser, figures read from the real
// database, HTTP requests counted by route pattern, delivery latency observed by the real worker,
// and access limited to a token or this machine.
import { type ServerType, serve } from '@hono/node-server';
import { networkInterfaces } from 'node:os';
import { Hono } from 'hono';
import parsePrometheusTextFormat, { type PromFamily } from 'parse-prometheus-text-format';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { FailureReason } from '../../src/delivery/classify.js';
import { startDeliveryWorker } from '../helpers/telegram-delivery.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { submitReport } from '../../src/db/reports.js';
import { metricsAccess } from '../../src/http/metrics-access.js';
import { FAILURE_REASONS } from '../../src/core/failure-reasons.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeBotApi } from '../helpers/fake-bot-api.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { buildHttpApp } from '../helpers/http-app.js';
import { testLogger } from '../helpers/logger.js';
import { TEST_METRICS_TOKEN } from '../helpers/secrets.js';

const NOW = new Date('2026-11-25T03:00:00.000Z');
const PERSONAL_TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5'.slice(0, 43);

let t: TestDb;
let bloc: SmallBloc;
let metrics: Metrics;
let server: ServerType | undefined;

beforeEach(async () => {
  t = await createTestDb();
  bloc = await createSmallBloc(t.db, { units: 2, year: 2026 });
  metrics = createMetrics({ db: t.db, now: () => NOW, botStatus: () => 'polling' });
});
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  await t.close();
});

/** A sub-app with routes like the product's: ids and a personal token in the path. */
function pages(): Hono {
  const app = new Hono();
  app.get('/units/:unitId', (c) => c.text(`đơn vị ${c.req.param('unitId')}`));
  app.get('/r/:token', (c) => c.text('báo cáo'));
  return app;
}

function build(metricsToken?: string) {
  return buildHttpApp(
    { db: t.db, now: () => NOW, botStatus: () => 'polling', mounts: [{ path: '/', app: pages() }] },
    { metrics, metricsToken },
  ).app;
}

async function listen(app: Hono): Promise<string> {
  return new Promise((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
}

const family = (families: PromFamily[], name: string) => {
  const f = families.find((x) => x.name === name);
  if (!f) throw new Error(`no metric ${name}`);
  return f;
};
const sampleOf = (f: PromFamily, labels: Record<string, string>) =>
  Number(f.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? Number.NaN);

/** A request as if it came over a socket from `address` (what @hono/node-server gives the app). */
const fromAddress = (address: string) => ({
  incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } },
});

async function queue(key: string, status: 'queued' | 'sent' | 'failed', reason?: string) {
  await enqueueOutbox(t.db, {
    dedupeKey: key,
    blocId: bloc.blocId,
    kind: 'reminder',
    chatId: key,
    chatType: 'private',
    payload: { text: 'Nhắc' },
    now: NOW,
  });
  if (status !== 'queued') {
    await t.db
      .updateTable('outbox_message')
      .set({ status, failure_reason: reason ?? null, sent_at: status === 'sent' ? NOW.toISOString() : null })
      .where('dedupe_key', '=', key)
      .execute();
  }
}

describe('/metrics', () => {
  it('serves the Prometheus text format with messages by status and reason, reports by channel, jobs and HTTP requests by route', async () => {
    await queue('q1', 'queued');
    await queue('q2', 'queued');
    await queue('s1', 'sent');
    await queue('f1', 'failed', 'blocked');
    await queue('f2', 'failed', 'blocked');
    await queue('f3', 'failed', 'expired');
    const report = (key: string, start: string, end: string) =>
      submitReport(t.db, {
        blocId: bloc.blocId,
        unitId: bloc.unitIds[0]!,
        period: { kind: 'week', key, start, end },
        isNil: true,
        values: [],
        notableResults: null,
        difficulties: null,
        proposals: null,
        submittedBy: { focalPointId: bloc.focalPointIds[0]! },
        via: 'telegram',
        at: NOW,
      });
    await report('2026-W47', '2026-11-16', '2026-11-22');
    await report('2026-W48', '2026-11-23', '2026-11-29');
    await report('2026-W48', '2026-11-23', '2026-11-29'); // a revision is received too
    // The second week's revisions came through the personal web link (the channel each revision records).
    const w48 = await t.db
      .selectFrom('progress_report')
      .select('id')
      .where('period_key', '=', '2026-W48')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('report_revision').set({ submitted_via: 'web' }).where('report_id', '=', w48.id).execute();
    await t.db
      .insertInto('job_run')
      .values([
        {
          job: 'reminders',
          scope: 'bloc:1',
          period_key: '2026-11-25T08:00',
          status: 'succeeded',
          started_at: '2026-11-25T01:00:00.000Z',
          finished_at: '2026-11-25T01:00:02.500Z',
        },
        {
          job: 'reminders',
          scope: 'bloc:1',
          period_key: '2026-11-24T15:00',
          status: 'failed',
          started_at: '2026-11-24T08:00:00.000Z',
          finished_at: '2026-11-24T08:00:01.000Z',
        },
      ])
      .execute();

    const base_url = await listen(build());
    await fetch(`${base_url}/units/12`);
    await fetch(`${base_url}/units/13`);
    await fetch(`${base_url}/r/${PERSONAL_TOKEN}`);
    await fetch(`${base_url}/no/such/page`);
    const res = await fetch(`${base_url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const families = parsePrometheusTextFormat(text);

    const outbox = family(families, 'ktd_outbox_messages');
    expect(outbox.type).toBe('GAUGE');
    expect(sampleOf(outbox, { status: 'queued' })).toBe(2);
    expect(sampleOf(outbox, { status: 'sent' })).toBe(1);
    expect(sampleOf(outbox, { status: 'failed', reason: 'blocked' })).toBe(2);
    expect(sampleOf(outbox, { status: 'failed', reason: 'expired' })).toBe(1);

    const reports = family(families, 'ktd_reports_received');
    expect(sampleOf(reports, { channel: 'telegram' })).toBe(1);
    expect(sampleOf(reports, { channel: 'web' })).toBe(2);

    expect(sampleOf(family(families, 'ktd_job_runs'), { job: 'reminders', status: 'succeeded' })).toBe(1);
    expect(sampleOf(family(families, 'ktd_job_runs'), { job: 'reminders', status: 'failed' })).toBe(1);
    expect(sampleOf(family(families, 'ktd_job_last_duration_seconds'), { job: 'reminders', status: 'succeeded' })).toBe(
      2.5,
    );
    expect(
      sampleOf(family(families, 'ktd_job_last_finished_timestamp_seconds'), { job: 'reminders', status: 'succeeded' }),
    ).toBe(Date.parse('2026-11-25T01:00:02.500Z') / 1000);
    expect(sampleOf(family(families, 'ktd_bot_status'), { status: 'polling' })).toBe(1);
    expect(sampleOf(family(families, 'ktd_outbox_oldest_due_seconds'), {})).toBe(0);

    const http = family(families, 'ktd_http_requests_total');
    expect(http.type).toBe('COUNTER');
    expect(sampleOf(http, { method: 'GET', route: '/units/:unitId', status: '200' })).toBe(2);
    expect(sampleOf(http, { method: 'GET', route: '/r/:token', status: '200' })).toBe(1);
    expect(sampleOf(http, { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(family(families, 'ktd_http_request_duration_seconds').type).toBe('HISTOGRAM');
    // Never the raw path: ids and personal tokens stay out of the labels.
    expect(text).not.toContain(PERSONAL_TOKEN);
    expect(text).not.toContain('/units/12');
  });

  it('has a failed-messages series at 0 for every reason the delivery worker fails a message for', async () => {
    // Checked by the type checker: observability lists the reasons itself, since it may not import
    // src/delivery (which imports it), so this is where a reason added to delivery is caught.
    expectTypeOf<(typeof FAILURE_REASONS)[number]>().toEqualTypeOf<FailureReason>();
    const families = parsePrometheusTextFormat((await metrics.render()).body);
    const failed = family(families, 'ktd_outbox_messages').metrics.filter((m) => m.labels?.status === 'failed');
    expect(failed.map((m) => m.labels?.reason).sort()).toEqual([...FAILURE_REASONS].sort());
    expect(failed.every((m) => Number(m.value) === 0)).toBe(true);
  });

  it('ages the oldest message not sent since its moment, whatever it is doing, and not one waiting for its own later moment', async () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const put = (key: string, chatId: string, queuedAt: Date, notBefore?: Date) =>
      enqueueOutbox(t.db, {
        dedupeKey: key,
        blocId: bloc.blocId,
        kind: 'digest',
        chatId,
        chatType: 'group',
        payload: { text: key },
        notBefore,
        now: queuedAt,
      });
    const oldest = async () => {
      const res = await build().request('/metrics', {}, fromAddress('127.0.0.1'));
      return sampleOf(family(parsePrometheusTextFormat(await res.text()), 'ktd_outbox_oldest_due_seconds'), {});
    };
    // Queued 40 minutes ago for tomorrow: not due, so not late.
    await put('tomorrow', '-100900', at(-40), at(24 * 60));
    expect(await oldest()).toBe(0);
    // Due 25 minutes ago, it met a network error and waits for its retry in 10 minutes.
    await put('retrying', '-100901', at(-25));
    await t.db
      .updateTable('outbox_message')
      .set({ attempts: 3, last_error: 'network: ECONNREFUSED', next_attempt_at: at(10).toISOString() })
      .where('dedupe_key', '=', 'retrying')
      .execute();
    expect(await oldest()).toBe(25 * 60);
    // In flight since a minute, due 30 minutes ago: the oldest now.
    await put('in-flight', '-100902', at(-30));
    await t.db
      .updateTable('outbox_message')
      .set({ status: 'sending', attempts: 1, claimed_at: at(-1).toISOString() })
      .where('dedupe_key', '=', 'in-flight')
      .execute();
    expect(await oldest()).toBe(30 * 60);
    await t.db.updateTable('outbox_message').set({ status: 'sent' }).where('dedupe_key', '=', 'in-flight').execute();
    expect(await oldest()).toBe(25 * 60);
  });

  it('observes the delivery latency of messages the real worker sends', async () => {
    const api = await FakeBotApi.start();
    const queuedAt = new Date(Date.now() - 90_000);
    await enqueueOutbox(t.db, {
      dedupeKey: 'late',
      blocId: null,
      kind: 'digest',
      chatId: '777',
      chatType: 'private',
      payload: { text: 'Bản tin' },
      now: queuedAt,
    });
    const worker = startDeliveryWorker({
      db: t.db,
      token: api.token,
      apiRoot: api.apiRoot,
      logger: testLogger(),
      now: () => new Date(),
      onSent: (m) =>
        metrics.observeDelivery({ kind: m.kind, seconds: (m.sentAt.getTime() - m.queuedAt.getTime()) / 1000 }),
    });
    try {
      const until = Date.now() + 10_000;
      while (api.messages.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      await worker.stop();
    } finally {
      await api.close();
    }
    const text = (await metrics.render()).body;
    const families = parsePrometheusTextFormat(text);
    expect(family(families, 'ktd_outbox_delivery_latency_seconds').type).toBe('HISTOGRAM');
    expect(sampleOf(family(families, 'ktd_outbox_messages'), { status: 'sent' })).toBe(1);
    // The parser folds a labelled histogram into one (its own limitation): read the kind's series from the text.
    const series = (suffix: string) =>
      Number(new RegExp(`^ktd_outbox_delivery_latency_seconds_${suffix} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(series('count\\{kind="digest"\\}')).toBe(1);
    expect(series('sum\\{kind="digest"\\}')).toBeGreaterThanOrEqual(90);
    expect(series('bucket\\{le="60",kind="digest"\\}')).toBe(0);
    expect(series('bucket\\{le="300",kind="digest"\\}')).toBe(1);
  });

  it('refuses a real connection from a non-loopback address without a token, and answers it with the token', async () => {
    // The server listens on every interface and is called at this machine's own network address:
    // the socket's remote address is then that address, not loopback, as for a caller elsewhere.
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    expect(address, 'a non-loopback IPv4 interface').toBeDefined();
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: build(TEST_METRICS_TOKEN).fetch, hostname: '0.0.0.0', port: 0 }, (info) =>
        resolve(info.port),
      );
    });
    const remote = await fetch(`http://${address}:${port}/metrics`);
    expect(remote.status).toBe(401);
    expect(await remote.text()).toBe('Cần mã truy cập (Authorization: Bearer …) để xem số liệu giám sát.');
    const withToken = await fetch(`http://${address}:${port}/metrics`, {
      headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(withToken.status).toBe(200);
    // The same server called over loopback needs no token.
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    // Without METRICS_TOKEN only this machine may read.
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const tokenless = await new Promise<number>((resolve) => {
      server = serve({ fetch: build().fetch, hostname: '0.0.0.0', port: 0 }, (info) => resolve(info.port));
    });
    const refused = await fetch(`http://${address}:${tokenless}/metrics`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('Số liệu giám sát chỉ xem được từ chính máy chủ (chưa đặt METRICS_TOKEN).');
  });

  it('refuses a request from another address without a token, in Vietnamese', async () => {
    const app = build();
    const res = await app.request('/metrics', {}, fromAddress('203.0.113.7'));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('Số liệu giám sát chỉ xem được từ chính máy chủ (chưa đặt METRICS_TOKEN).');
    // A forwarded-for header claiming loopback changes nothing, and a proxied loopback request is not local.
    expect(
      (await app.request('/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } }, fromAddress('203.0.113.7')))
        .status,
    ).toBe(403);
    expect(
      (await app.request('/metrics', { headers: { 'x-forwarded-for': '203.0.113.7' } }, fromAddress('127.0.0.1')))
        .status,
    ).toBe(403);
    expect((await app.request('/metrics', {}, fromAddress('127.0.0.1'))).status).toBe(200);
  });

  it('with METRICS_TOKEN, answers a caller anywhere who has the token and refuses the others with 401', async () => {
    const app = build(TEST_METRICS_TOKEN);
    const anywhere = fromAddress('198.51.100.20');
    const ok = await app.request('/metrics', { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } }, anywhere);
    expect(ok.status).toBe(200);
    expect(parsePrometheusTextFormat(await ok.text()).map((f) => f.name)).toContain('ktd_outbox_messages');
    const missing = await app.request('/metrics', {}, anywhere);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await missing.text()).toBe('Cần mã truy cập (Authorization: Bearer …) để xem số liệu giám sát.');
    const wrong = await app.request(
      '/metrics',
      { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}x` } },
      anywhere,
    );
    expect(wrong.status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: 'Bearer ' } }, anywhere)).status).toBe(401);
    // From this machine a wrong token is still wrong; no token is fine.
    expect(
      (await app.request('/metrics', { headers: { authorization: 'Bearer nope' } }, fromAddress('127.0.0.1'))).status,
    ).toBe(401);
    expect((await app.request('/metrics', {}, fromAddress('::1'))).status).toBe(200);
  });

  it('decides access from the socket address, never a header', () => {
    const local = { authorization: undefined, forwarded: false };
    expect(metricsAccess({ ...local, remoteAddress: '127.0.0.1' }, undefined)).toBe('local');
    expect(metricsAccess({ ...local, remoteAddress: '::ffff:127.0.0.1' }, undefined)).toBe('local');
    expect(metricsAccess({ ...local, remoteAddress: '::1' }, undefined)).toBe('local');
    expect(metricsAccess({ ...local, remoteAddress: '10.0.0.5' }, undefined)).toBe('not_local');
    expect(metricsAccess({ ...local, remoteAddress: '127.0.0.1.evil' }, undefined)).toBe('not_local');
    expect(metricsAccess({ ...local, remoteAddress: null }, undefined)).toBe('not_local');
    expect(metricsAccess({ ...local, remoteAddress: '127.0.0.1', forwarded: true }, undefined)).toBe('not_local');
    expect(metricsAccess({ ...local, remoteAddress: '10.0.0.5' }, TEST_METRICS_TOKEN)).toBe('missing_token');
    expect(
      metricsAccess(
        { authorization: `bearer ${TEST_METRICS_TOKEN}`, remoteAddress: null, forwarded: true },
        TEST_METRICS_TOKEN,
      ),
    ).toBe('token');
  });

  it('keeps serving when a database figure cannot be read, counting the failure', async () => {
    await t.db.schema.dropTable('report_revision').execute();
    const families = parsePrometheusTextFormat((await metrics.render()).body);
    expect(sampleOf(family(families, 'ktd_metrics_scrape_errors_total'), { metric: 'ktd_reports_received' })).toBe(1);
    expect(family(families, 'ktd_reports_received').metrics).toEqual([]);
    expect(sampleOf(family(families, 'ktd_bot_status'), { status: 'polling' })).toBe(1);
  });
});

// docs/operations.md is what an operator copies into Prometheus: every metric its table names must be
// on /metrics with the documented type and labels, and every metric and label selector its example
// alerts use must match a series the product really emits, or the alert would silently never fire.
import { readFileSync } from 'node:fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { submitReport } from '../../src/db/reports.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createTelegramChannels, type TelegramChannels } from '../../src/observability/telegram-channels.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { buildHttpApp } from '../helpers/http-app.js';
import { testLogger } from '../helpers/logger.js';

const NOW = new Date('2026-11-25T03:00:00.000Z');
const DOC = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');

let t: TestDb;
let seeded: boolean;
beforeEach(async () => {
  t = await createTestDb();
  seeded = false;
});
afterEach(async () => {
  await t.close();
});

/** One row of the doc's metric table: name, type and label names. */
function documentedMetrics(): { name: string; type: string; labels: string[] }[] {
  const rows = DOC.split('\n').filter((l) => /^\| `(ktd_|process_|nodejs_)/.test(l));
  return rows.flatMap((row) => {
    const [names, type, labels] = row
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim());
    return [...names!.matchAll(/`([\w*]+)`/g)].map((n) => ({
      name: n[1]!,
      type: type!,
      labels: [...labels!.matchAll(/`(\w+)`/g)].map((m) => m[1]!).sort(),
    }));
  });
}

/** The lines inside the doc's ```yaml blocks that hold an alert expression. */
function alertExpressions(): string[] {
  const blocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .flatMap((b) => b.split('\n'))
    .filter((l) => l.trim().startsWith('expr:'))
    .map((l) => l.replace(/#.*$/, '').trim());
}

/** The doc's example alerts: name and expression (comments removed). */
function alerts(): { name: string; expr: string }[] {
  const blocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) =>
    [...b.matchAll(/- alert: (\w+)[^\n]*\n\s+expr: ([^\n]+)/g)].map((m) => ({
      name: m[1]!,
      expr: m[2]!.replace(/#.*$/, '').trim(),
    })),
  );
}

/**
 * Whether a threshold alert (`metric{label="v"} > 900`, the only form evaluated here) fires on a
 * scrape: some series matching the selector meets the comparison. null for any other expression.
 */
function fires(expr: string, text: string): boolean | null {
  const m = /^(ktd_\w+)(?:\{([^}]*)\})?\s*(==|!=|>=|<=|>|<)\s*([\d.e+-]+)$/.exec(expr);
  if (!m) return null;
  const [, name, selector, op, bound] = m;
  const wanted = [...(selector ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => `${k}="${v}"`);
  const compare: Record<string, (a: number, b: number) => boolean> = {
    '==': (a, b) => a === b,
    '!=': (a, b) => a !== b,
    '>=': (a, b) => a >= b,
    '<=': (a, b) => a <= b,
    '>': (a, b) => a > b,
    '<': (a, b) => a < b,
  };
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .filter((l) => wanted.every((w) => l.includes(w)))
    .some((l) => compare[op!]!(Number(l.split(' ').at(-1)), Number(bound)));
}

/** A product that has done a bit of everything: messages, a report, a job run. */
async function seed(): Promise<void> {
  const bloc = await createSmallBloc(t.db, { units: 1, year: 2026 });
  await enqueueOutbox(t.db, {
    dedupeKey: 'a',
    blocId: bloc.blocId,
    kind: 'reminder',
    chatId: '1',
    chatType: 'private',
    payload: { text: 'Nhắc' },
    now: NOW,
  });
  await submitReport(t.db, {
    blocId: bloc.blocId,
    unitId: bloc.unitIds[0]!,
    period: { kind: 'week', key: '2026-W48', start: '2026-11-23', end: '2026-11-29' },
    isNil: true,
    values: [],
    notableResults: null,
    difficulties: null,
    proposals: null,
    submittedBy: { focalPointId: bloc.focalPointIds[0]! },
    via: 'web',
    at: NOW,
  });
  await t.db
    .insertInto('job_run')
    .values({
      job: 'reminders',
      scope: 'bloc:1',
      period_key: '2026-11-25T08:00',
      status: 'succeeded',
      started_at: NOW.toISOString(),
      finished_at: NOW.toISOString(),
    })
    .execute();
}

/** /metrics of a product that has done a bit of everything: messages, a report, a job run, requests, a delivery. */
async function scrape(
  channels?: TelegramChannels,
): Promise<{ text: string; labelNamesOf: (name: string) => string[] }> {
  if (!seeded) await seed();
  seeded = true;
  const metrics = createMetrics({
    db: t.db,
    now: () => NOW,
    botStatus: () => 'polling',
    channels,
    processMetrics: true,
  });
  metrics.observeDelivery({ kind: 'reminder', seconds: 3 });
  const { app } = buildHttpApp({ db: t.db, now: () => NOW, botStatus: () => 'polling' }, { metrics });
  await app.request('/healthz');
  const res = await app.request('/metrics', {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
  expect(res.status).toBe(200);
  // The label names each metric was declared with (a labelled metric with no sample yet shows none in the text).
  const labelNamesOf = (name: string) =>
    [...((metrics.registry.getSingleMetric(name) as unknown as { labelNames?: string[] })?.labelNames ?? [])].sort();
  return { text: await res.text(), labelNamesOf };
}

describe('docs/operations.md against /metrics', () => {
  it('lists every ktd_ metric the product emits, each with its type and labels as emitted', async () => {
    const { text, labelNamesOf } = await scrape();
    const families = parsePrometheusTextFormat(text);
    const documented = documentedMetrics();
    expect(documented.length).toBeGreaterThan(10);
    for (const d of documented) {
      if (d.name.endsWith('*')) {
        const prefix = d.name.slice(0, -1);
        expect(
          families.some((f) => f.name.startsWith(prefix)),
          `a metric named ${d.name}`,
        ).toBe(true);
        continue;
      }
      const family = families.find((f) => f.name === d.name);
      expect(family, `${d.name} on /metrics`).toBeDefined();
      expect(family!.type, `${d.name}'s type`).toBe(d.type.toUpperCase());
      expect(labelNamesOf(d.name), `${d.name}'s labels`).toEqual(d.labels);
    }
    const emitted = families.map((f) => f.name).filter((n) => n.startsWith('ktd_'));
    expect(emitted.filter((n) => !documented.some((d) => d.name === n))).toEqual([]);
  });

  it('uses in its example alerts only metrics and label values that /metrics has', async () => {
    const { text } = await scrape();
    const exprs = alertExpressions();
    expect(exprs.length).toBeGreaterThanOrEqual(3);
    for (const expr of exprs) {
      for (const m of expr.matchAll(/\b(ktd_\w+)(?:\{([^}]*)\})?/g)) {
        const [, name, selector] = m;
        const series = text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
        expect(series.length, `${name} (in «${expr}») on /metrics`).toBeGreaterThan(0);
        for (const [, label, value] of (selector ?? '').matchAll(/(\w+)="([^"]*)"/g)) {
          expect(
            series.some((l) => l.includes(`${label}="${value}"`)),
            `a ${name} series with ${label}="${value}" (in «${expr}»)`,
          ).toBe(true);
        }
      }
    }
  });

  it('has an outage alert that fires on the series of a Telegram outage, and no threshold alert firing on a healthy product', async () => {
    const thresholds = alerts().filter((a) => fires(a.expr, '') !== null);
    expect(thresholds.map((a) => a.name)).toEqual(
      expect.arrayContaining(['KhoiThiDuaTelegramUnreachable', 'KhoiThiDuaOutboxStuck']),
    );
    const healthy = await scrape(createTelegramChannels({ now: () => NOW, logger: testLogger() }));
    expect(thresholds.filter((a) => fires(a.expr, healthy.text)).map((a) => a.name)).toEqual([]);

    // Telegram unreachable for 20 minutes: the sends fail and a reminder due since then waits for its retry.
    const channels = createTelegramChannels({ now: () => NOW, logger: testLogger() });
    channels.failed('delivery', {
      reason: 'network',
      error: 'network: connect ECONNREFUSED',
      startedAt: new Date(NOW.getTime() - 20 * 60_000),
    });
    await enqueueOutbox(t.db, {
      dedupeKey: 'waiting',
      blocId: null,
      kind: 'reminder',
      chatId: '2',
      chatType: 'private',
      payload: { text: 'Nhắc' },
      now: new Date(NOW.getTime() - 20 * 60_000),
    });
    await t.db
      .updateTable('outbox_message')
      .set({
        attempts: 6,
        last_error: 'network: connect ECONNREFUSED',
        next_attempt_at: new Date(NOW.getTime() + 60_000).toISOString(),
      })
      .where('dedupe_key', '=', 'waiting')
      .execute();
    const outage = await scrape(channels);
    expect(
      thresholds
        .filter((a) => fires(a.expr, outage.text))
        .map((a) => a.name)
        .sort(),
    ).toEqual(['KhoiThiDuaOutboxStuck', 'KhoiThiDuaTelegramUnreachable']);
  });
});

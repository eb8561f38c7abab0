// The Prometheus metrics of one app instance, in a registry of its own (tests build many apps).
// Counts that must survive a restart (messages by status and reason, job runs, reports by channel)
// are read from the database at scrape time; what only the running process sees (HTTP requests,
// delivery latency) is counted as it happens (docs/decisions/0068).

import { FAILURE_REASONS } from '../core/failure-reasons.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/connection.js';
import {
  jobRunCounts,
  latestFinishedJobRuns,
  overdueUnsent,
  outboxCounts,
  reportRevisionsByChannel,
} from '../db/ops-facts.js';
import type { BotStatus } from './channel-status.js';
import { diskSpaceOf } from './disk-space.js';
import type { TelegramChannels } from './telegram-channels.js';
import { type MessengerMetricsSource, registerMessengerMetrics } from './messenger-metrics.js';
import { registerTelegramMetrics } from './telegram-metrics.js';
import { outboxCountsByChannel } from '../db/outbox-by-channel.js';

export interface MetricsDeps {
  db: Db;
  now: () => Date;
  botStatus: () => BotStatus;
  /** The bot's and the delivery worker's channels to Telegram (absent without a bot token). */
  channels?: TelegramChannels;
  /** Messengers besides Telegram (Zalo): their connection, and their outbox figures from the first scrape. */
  messengers?: MessengerMetricsSource[];
  /** Process metrics (CPU, memory, event loop); main turns them on, tests may leave them off. */
  processMetrics?: boolean;
}

export interface HttpObservation {
  method: string;
  /** The route pattern ('/blocs/:blocId/reports'), never the raw path. */
  route: string;
  status: number;
  seconds: number;
}

export interface Metrics {
  registry: Registry;
  observeHttp(o: HttpObservation): void;
  /** A message Telegram accepted, `seconds` after it was queued. */
  observeDelivery(o: { kind: string; seconds: number }): void;
  /** The text exposition of every metric. */
  render(): Promise<{ contentType: string; body: string }>;
}

const BOT_STATUSES: BotStatus[] = ['off', 'starting', 'polling', 'webhook', 'error'];
const seconds = (iso: string) => Date.parse(iso) / 1000;

export function createMetrics(deps: MetricsDeps): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (deps.processMetrics) collectDefaultMetrics({ register: registry });

  const scrapeErrors = new Counter({
    name: 'ktd_metrics_scrape_errors_total',
    help: 'Database reads that failed while collecting metrics (the metric is then left out).',
    labelNames: ['metric'],
    registers,
  });
  // Gauges filled from the database before each scrape (prom-client runs collect() callbacks
  // concurrently, so a failure could not be counted in the same scrape from inside one).
  const fills: (() => Promise<void>)[] = [];
  const dbGauge = <L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    fill: (g: Gauge<L>) => Promise<void>,
  ) => {
    const gauge = new Gauge<L>({ name, help, labelNames, registers });
    fills.push(async () => {
      gauge.reset();
      try {
        await fill(gauge);
      } catch {
        scrapeErrors.inc({ metric: name });
      }
    });
  };

  dbGauge(
    'ktd_outbox_messages',
    'Outbox messages by status (queued, sending, sent, failed) and, for failed ones, reason.',
    ['status', 'reason'],
    async (g) => {
      // Every series exists from the first scrape, at 0: a series that first appears at 11 has no
      // earlier sample, so delta() and the failed-messages alert would never see those 11.
      for (const status of ['queued', 'sending', 'sent']) g.set({ status, reason: '' }, 0);
      for (const reason of FAILURE_REASONS) g.set({ status: 'failed', reason }, 0);
      for (const r of await outboxCounts(deps.db)) g.set({ status: r.status, reason: r.reason ?? '' }, r.n);
    },
  );
  dbGauge(
    'ktd_outbox_messages_by_channel',
    'Outbox messages by channel (telegram, zalo) and status (queued, sending, sent, failed).',
    ['channel', 'status'],
    async (g) => {
      // Telegram's and each messenger's series exist from the first scrape, at 0 (see above).
      for (const channel of ['telegram', ...(deps.messengers ?? []).map((m) => m.name)])
        for (const status of ['queued', 'sending', 'sent', 'failed']) g.set({ channel, status }, 0);
      for (const r of await outboxCountsByChannel(deps.db)) g.set({ channel: r.channel, status: r.status }, r.n);
    },
  );
  dbGauge(
    'ktd_outbox_oldest_due_seconds',
    'Age of the oldest message not yet sent since its moment came, whatever it is doing: queued, waiting for a retry, behind another, in flight (0 when none).',
    [],
    async (g) => {
      const now = deps.now();
      const at = (await overdueUnsent(deps.db, now)).oldestDueAt;
      g.set(at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : 0);
    },
  );
  dbGauge(
    'ktd_job_runs',
    'Job ledger entries (one per job, scope and slot) by status.',
    ['job', 'status'],
    async (g) => {
      for (const r of await jobRunCounts(deps.db)) g.set({ job: r.job, status: r.status }, r.n);
    },
  );
  dbGauge(
    'ktd_job_last_duration_seconds',
    'Duration of the newest finished run of each job, by its status.',
    ['job', 'status'],
    async (g) => {
      for (const r of await latestFinishedJobRuns(deps.db)) {
        g.set({ job: r.job, status: r.status }, Math.max(0, seconds(r.finishedAt) - seconds(r.startedAt)));
      }
    },
  );
  dbGauge(
    'ktd_job_last_finished_timestamp_seconds',
    'When the newest run of each job finished (Unix time), by its status.',
    ['job', 'status'],
    async (g) => {
      for (const r of await latestFinishedJobRuns(deps.db))
        g.set({ job: r.job, status: r.status }, seconds(r.finishedAt));
    },
  );
  dbGauge(
    'ktd_reports_received',
    'Progress reports received (each submission and revision), by channel.',
    ['channel'],
    async (g) => {
      for (const r of await reportRevisionsByChannel(deps.db)) g.set({ channel: r.channel }, r.n);
    },
  );
  dbGauge(
    'ktd_disk_free_bytes',
    "Free space on the database's file system (what /readyz's disk check reads).",
    [],
    async (g) => {
      const space = await diskSpaceOf(deps.db);
      if (space) g.set(space.freeBytes);
    },
  );
  dbGauge(
    'ktd_database_size_bytes',
    'Size of the database file and its -wal file (a nightly backup needs as much free space).',
    [],
    async (g) => {
      const space = await diskSpaceOf(deps.db);
      if (space) g.set(space.databaseBytes);
    },
  );
  new Gauge({
    name: 'ktd_bot_status',
    help: "The Telegram bot's connection: 1 for its current status, 0 for the others.",
    labelNames: ['status'],
    registers,
    collect() {
      const current = deps.botStatus();
      for (const s of BOT_STATUSES) this.set({ status: s }, s === current ? 1 : 0);
    },
  });

  registerTelegramMetrics(registers, deps.channels);
  registerMessengerMetrics(registers, deps.messengers ?? []);

  const httpRequests = new Counter({
    name: 'ktd_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'],
    registers,
  });
  const httpDuration = new Histogram({
    name: 'ktd_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const deliveryLatency = new Histogram({
    name: 'ktd_outbox_delivery_latency_seconds',
    help: 'From queueing a message to Telegram accepting it, by kind of message.',
    labelNames: ['kind'],
    buckets: [1, 5, 15, 60, 300, 900, 3600, 3 * 3600, 12 * 3600, 86_400],
    registers,
  });

  return {
    registry,
    observeHttp(o) {
      httpRequests.inc({ method: o.method, route: o.route, status: String(o.status) });
      httpDuration.observe({ method: o.method, route: o.route }, o.seconds);
    },
    observeDelivery(o) {
      deliveryLatency.observe({ kind: o.kind }, Math.max(0, o.seconds));
    },
    async render() {
      for (const fill of fills) await fill();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

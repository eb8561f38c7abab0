import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createAdminApp } from './admin/app.js';
import { type BotRunner, startBot, WEBHOOK_PATH } from './bot/telegram/runner.js';
import { createTelegramFiles, TELEGRAM_DOWNLOAD_LIMIT_BYTES } from './bot/telegram/telegram-files.js';
import { loadConfig } from './config.js';
import { countBlocs } from './db/blocs.js';
import { DatabaseOpenError, openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/seed-demo.js';
import { DEMO_ADMIN } from './demo/demo-data.js';
import { ensureFirstAdmin } from './first-admin.js';
import { createHttpApp } from './http/app.js';
import type { Channel } from './delivery/channel.js';
import type { RunningChannels } from './db/contact-addresses.js';
import { resolveLimits } from './delivery/limits.js';
import { startDeliveryWorker } from './delivery/worker.js';
import { createTelegramDeliveryChannel } from './bot/telegram/telegram-delivery.js';
import { createZaloBotApiClient } from './bot/zalo/bot-api-client.js';
import { createZaloChannel } from './bot/zalo/zalo-channel.js';
import { startZaloBot, ZALO_WEBHOOK_PATH, type ZaloBotRunner } from './bot/zalo/zalo-bot.js';
import { jobsWithBackup } from './jobs/registry.js';
import { startScheduler } from './jobs/scheduler.js';
import { createLogger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { createTelegramChannels } from './observability/telegram-channels.js';
import { backupBeforeMigrations } from './ops/pre-migrate.js';
import { ensurePersonalLinks } from './db/personal-links.js';
import { loadOrCreateLinkSecret } from './personal-links/link-secret.js';
import { createWebReportApp } from './web-report/app.js';
import { startEmail, type EmailService } from './email/start-email.js';
import { UNSUBSCRIBE_PATH } from './email/unsubscribe-link.js';
import { unsubscribeRoutes } from './email/unsubscribe-routes.js';
import { createRenderContexts } from './personal-links/render-contexts.js';

// The only composition root: reads the environment, opens the database, starts every service.

// Settings from a .env file in the working folder; variables already set take precedence.
if (existsSync('.env')) process.loadEnvFile('.env');
const result = loadConfig(process.env);
if (!result.ok) {
  console.error(`Cấu hình không hợp lệ, dừng khởi động:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
const config = result.config;
const logger = createLogger(config.logLevel);
const now = () => new Date();

let opened: ReturnType<typeof openDatabase>;
try {
  opened = openDatabase(config.databasePath);
} catch (error) {
  console.error(error instanceof DatabaseOpenError ? error.message : error);
  process.exit(1);
}
const { db } = opened;

// An upgrade's migrations run only after a verified copy of the database as it was is on disk.
try {
  const preMigration = await backupBeforeMigrations({
    databasePath: config.databasePath,
    backupDir: config.backup.dir,
    now: now(),
    timeZone: config.timeZone,
  });
  if (preMigration)
    logger.info({ file: preMigration.path, pending: preMigration.pending }, 'database backed up before migrating');
} catch (error) {
  console.error(`Không sao lưu được cơ sở dữ liệu trước khi nâng cấp, dừng khởi động: ${(error as Error).message}`);
  process.exit(1);
}
const applied = await migrateToLatest(db);
if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

const isNewDatabase = (await countBlocs(db)) === 0;
await ensureFirstAdmin(db, config.firstAdmin, now());
if (isNewDatabase && config.demoData) {
  const seeded = await seedDemo(db, { now: now(), timeZone: config.timeZone });
  logger.info(
    { blocId: seeded.blocId, reports: seeded.reports },
    seeded.adminCreated
      ? `demo data loaded (Khối thi đua số 6); admin login: ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`
      : 'demo data loaded (Khối thi đua số 6)',
  );
}

// Every focal point gets a personal report link (decision 0050); the secret they derive from
// comes from PERSONAL_LINK_SECRET or a file beside the database.
let personalLinkSecret: string;
try {
  personalLinkSecret = loadOrCreateLinkSecret(config.personalLinkSecret, config.databasePath);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const issuedLinks = await ensurePersonalLinks(db, personalLinkSecret, now());
if (issuedLinks > 0) logger.info({ links: issuedLinks }, 'personal report links issued');

// What the bot's and the delivery worker's calls to Telegram meet: /healthz, /readyz, /metrics and
// one log line when a channel starts failing and one when it recovers.
const channels = config.telegram.token ? createTelegramChannels({ now, logger }) : undefined;

let bot: BotRunner | undefined;
if (config.telegram.token) {
  bot = await startBot({
    db,
    token: config.telegram.token,
    apiRoot: config.telegram.apiRoot,
    mode: config.telegram.mode,
    publicUrl: config.publicUrl,
    webhookSecret: config.telegram.webhookSecret,
    forceIpv4: config.telegram.forceIpv4,
    timeZone: config.timeZone,
    now,
    logger,
    channels,
  });
  // A first connection that failed is retried by the runner; /readyz shows 'error' meanwhile.
  const status = bot.status();
  if (status === 'error')
    logger.warn({ mode: config.telegram.mode, status }, 'telegram bot not connected yet; retrying');
  else logger.info({ mode: config.telegram.mode, status }, 'telegram bot started');
} else {
  logger.info('telegram bot off: TELEGRAM_BOT_TOKEN is not set');
}

// Zalo (docs/zalo.md): the bot's receiving side and, below, a channel of the outbox.
const zaloWatch = config.zalo.token ? createTelegramChannels({ now, logger, platform: 'zalo' }) : undefined;
let zaloBot: ZaloBotRunner | undefined;
if (config.zalo.token && zaloWatch) {
  zaloBot = await startZaloBot({
    db,
    client: createZaloBotApiClient({ token: config.zalo.token, apiRoot: config.zalo.apiRoot }),
    mode: config.zalo.mode,
    publicUrl: config.publicUrl,
    webhookSecret: config.zalo.webhookSecret,
    watch: zaloWatch,
    now,
    timeZone: config.timeZone,
    logger,
  });
  logger.info({ mode: config.zalo.mode, status: zaloBot.status() }, 'zalo bot started');
} else {
  logger.info('zalo bot off: ZALO_BOT_TOKEN is not set');
}

// The channels the outbox is delivered through; a channel not configured leaves its messages queued.
const deliveryLimits = resolveLimits({
  perSecond: config.outbox.ratePerSecond,
  perGroupPerMinute: config.outbox.groupPerMinute,
  maxInFlight: config.outbox.maxInFlight,
  maxAttempts: config.outbox.maxAttempts,
});
const deliveryChannels = new Map<string, Channel>();
if (config.telegram.token) {
  const telegram = createTelegramDeliveryChannel({
    token: config.telegram.token,
    apiRoot: config.telegram.apiRoot,
    forceIpv4: config.telegram.forceIpv4,
    limits: deliveryLimits,
    now,
    watch: channels,
  });
  deliveryChannels.set(telegram.name, telegram);
}
if (config.zalo.token) {
  const zalo = createZaloChannel({
    client: createZaloBotApiClient({ token: config.zalo.token, apiRoot: config.zalo.apiRoot }),
    limits: { perSecond: config.zalo.ratePerSecond, perChatWindowMs: 1000 },
    now,
    watch: zaloWatch,
  });
  deliveryChannels.set(zalo.name, zalo);
}
// E-mail through the configured SMTP server (SMTP_URL), beside Telegram.
let email: EmailService | undefined;
if (config.email) {
  email = startEmail({
    config: config.email,
    publicUrl: config.publicUrl,
    linkSecret: personalLinkSecret,
    timeZone: config.timeZone,
    now,
  });
  deliveryChannels.set(email.channel.name, email.channel);
  if (!config.email.tlsVerify)
    logger.warn("e-mail: SMTP_TLS_VERIFY=false, the mail server's certificate is not checked");
  logger.info({ from: config.email.from.address, perMinute: config.email.ratePerMinute }, 'e-mail channel on');
} else {
  logger.info('e-mail off: SMTP_URL is not set');
}
// The names of the channels this process delivers through: the jobs and the admin reach a person
// only at an address on one of them (decision 0090); with none configured, nobody is reachable here.
const runningChannels: RunningChannels = [...deliveryChannels.keys()];

// Scheduled jobs queue reminders and digests in the outbox; the worker delivers them when a bot is set.
const scheduledJobs = jobsWithBackup({ databasePath: config.databasePath, ...config.backup });
const scheduler = await startScheduler({
  db,
  timeZone: config.timeZone,
  logger,
  channels: runningChannels,
  now,
  catchUpHours: config.jobs.catchUpHours,
  jobs: scheduledJobs,
});
const botStatus = () => bot?.status() ?? 'off';
const metrics = createMetrics({
  db,
  now,
  botStatus,
  channels,
  messengers: zaloBot ? [{ name: 'zalo', bot: () => zaloBot?.status() ?? 'off', watch: zaloWatch }] : [],
  processMetrics: true,
});
const delivery =
  deliveryChannels.size > 0
    ? startDeliveryWorker({
        db,
        channels: deliveryChannels,
        logger,
        now,
        onSent: (m) =>
          metrics.observeDelivery({ kind: m.kind, seconds: (m.sentAt.getTime() - m.queuedAt.getTime()) / 1000 }),
        limits: deliveryLimits,
        // Each row rendered with its recipient's own personal link (an e-mail reminder carries it).
        renderContext: createRenderContexts({ db, linkSecret: personalLinkSecret, publicUrl: config.publicUrl }),
      })
    : undefined;

const mounts = [];
if (bot?.webhookApp) mounts.push({ path: WEBHOOK_PATH, app: bot.webhookApp });
if (zaloBot?.webhookApp) mounts.push({ path: ZALO_WEBHOOK_PATH, app: zaloBot.webhookApp });
// Personal report links (<PUBLIC_URL>/r/<token>): before the admin, which answers every path left.
mounts.push({
  path: '/r',
  app: createWebReportApp({
    db,
    now,
    timeZone: config.timeZone,
    linkSecret: personalLinkSecret,
    publicUrl: config.publicUrl,
    logger,
  }),
});
if (email) mounts.push({ path: UNSUBSCRIBE_PATH, app: unsubscribeRoutes({ db, linkSecret: personalLinkSecret, now }) });
mounts.push({
  path: '/',
  app: createAdminApp({
    db,
    now,
    timeZone: config.timeZone,
    channels: runningChannels,
    botUsername: () => bot?.botUsername,
    zaloBotUrl: config.zalo.botUrl,
    // Telegram's file reader, with the size limit the admin's ReportFileSource asks for.
    reportFiles: config.telegram.token
      ? {
          ...createTelegramFiles({
            token: config.telegram.token,
            apiRoot: config.telegram.apiRoot,
            forceIpv4: config.telegram.forceIpv4,
          }),
          maxBytes: TELEGRAM_DOWNLOAD_LIMIT_BYTES,
        }
      : undefined,
    personalLinkSecret,
    publicUrl: config.publicUrl,
    sendTestMail: email?.sendTestMail,
    mailSender: config.email ? `${config.email.from.name} <${config.email.from.address}>` : undefined,
    secureCookies: config.publicUrl?.startsWith('https://') ?? false,
    logger,
  }),
});
const app = createHttpApp({
  db,
  now,
  botStatus,
  channels,
  messengers: zaloBot
    ? [
        {
          name: 'zalo',
          bot: () => zaloBot?.status() ?? 'off',
          delivery: () => (delivery ? (zaloWatch?.state('delivery').status ?? 'ok') : 'off'),
        },
      ]
    : [],
  mounts,
  logger,
  metrics,
  metricsToken: config.metricsToken,
  readiness: {
    timeZone: config.timeZone,
    deliveryRunning: () => delivery !== undefined,
    jobs: scheduledJobs,
    catchUpHours: config.jobs.catchUpHours,
  },
});
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  logger.info({ port: info.port, database: config.databasePath }, `listening on http://localhost:${info.port}`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await scheduler.stop(); // no new outbox rows
  await delivery?.stop(); // waits for in-flight sends and records them
  await bot?.stop(signal);
  await zaloBot?.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.destroy();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

// The messengers other than Telegram (Zalo) on /metrics, as Telegram's own series are: the bot's
// status, failed attempts by side (bot, delivery) and reason, and whether a side is failing now.
// Labelled by messenger so the next one adds no metric name (issue 13, decision 0093).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { BotStatus } from './channel-status.js';
import { ATTEMPT_FAILURES, TELEGRAM_CHANNELS, type TelegramChannels } from './telegram-channels.js';

export interface MessengerMetricsSource {
  /** 'zalo'. */
  name: string;
  bot: () => BotStatus;
  /** Its two sides' states (the same tracker as Telegram's, decision 0071). */
  watch?: TelegramChannels;
}

const BOT_STATUSES: BotStatus[] = ['off', 'starting', 'polling', 'webhook', 'error'];

export function registerMessengerMetrics(registers: Registry[], messengers: readonly MessengerMetricsSource[]): void {
  new Gauge({
    name: 'ktd_messenger_bot_status',
    help: "Each messenger bot's connection (Zalo): 1 for its current status, 0 for the others.",
    labelNames: ['messenger', 'status'],
    registers,
    collect() {
      for (const m of messengers) {
        const current = m.bot();
        for (const s of BOT_STATUSES) this.set({ messenger: m.name, status: s }, s === current ? 1 : 0);
      }
    },
  });
  new Counter({
    name: 'ktd_messenger_failed_attempts_total',
    help: 'API calls to a messenger (Zalo) that got no usable answer, by side (bot: getMe, setWebhook, getUpdates; delivery: outbox sends) and reason.',
    labelNames: ['messenger', 'channel', 'reason'],
    registers,
    collect() {
      this.reset();
      for (const m of messengers) {
        for (const channel of TELEGRAM_CHANNELS)
          for (const reason of ATTEMPT_FAILURES) this.inc({ messenger: m.name, channel, reason }, 0);
        for (const c of m.watch?.failureCounts() ?? [])
          this.inc({ messenger: m.name, channel: c.channel, reason: c.reason }, c.n);
      }
    },
  });
  new Gauge({
    name: 'ktd_messenger_unreachable',
    help: 'Whether a side of a messenger (Zalo) is failing now (1) or working or off (0).',
    labelNames: ['messenger', 'channel'],
    registers,
    collect() {
      for (const m of messengers)
        for (const channel of TELEGRAM_CHANNELS)
          this.set({ messenger: m.name, channel }, m.watch?.state(channel).status === 'error' ? 1 : 0);
    },
  });
}

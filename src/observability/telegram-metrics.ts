// The Telegram channels on /metrics: failed attempts by channel and reason (a counter, every series
// from the first scrape so increase() sees the first failures) and whether each channel is failing.
import { Counter, Gauge, type Registry } from 'prom-client';
import { ATTEMPT_FAILURES, TELEGRAM_CHANNELS, type TelegramChannels } from './telegram-channels.js';

/** Registers the channel metrics; without channels (no bot token) every series stays at 0. */
export function registerTelegramMetrics(registers: Registry[], channels: TelegramChannels | undefined): void {
  new Counter({
    name: 'ktd_telegram_failed_attempts_total',
    help: 'Bot API calls that got no usable answer, by channel (bot: getMe, setWebhook, getUpdates; delivery: outbox sends) and reason (network, timeout, server_error, rate_limited for 429, unauthorized, conflict, bad_answer).',
    labelNames: ['channel', 'reason'],
    registers,
    collect() {
      // The counts live with the channels; a counter has no set(), so it is rebuilt at each scrape.
      this.reset();
      for (const channel of TELEGRAM_CHANNELS) for (const reason of ATTEMPT_FAILURES) this.inc({ channel, reason }, 0);
      for (const c of channels?.failureCounts() ?? []) this.inc({ channel: c.channel, reason: c.reason }, c.n);
    },
  });
  new Gauge({
    name: 'ktd_telegram_unreachable',
    help: 'Whether a channel to Telegram is failing now (1) or working or off (0): its latest attempt got no usable answer.',
    labelNames: ['channel'],
    registers,
    collect() {
      for (const channel of TELEGRAM_CHANNELS)
        this.set({ channel }, channels?.state(channel).status === 'error' ? 1 : 0);
    },
  });
}

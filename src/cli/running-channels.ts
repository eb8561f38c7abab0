// The channels a CLI command that queues messages (job run, summary digest --send) resolves people
// on. The CLI sends nothing itself: the server's delivery worker does. So it takes the channels the
// configuration enables (Telegram when TELEGRAM_BOT_TOKEN is set, Zalo when ZALO_BOT_TOKEN is, e-mail when SMTP_URL is); with none configured it queues
// for Telegram, as before channels existed, and the rows wait until a server with Telegram runs
// (decision 0090).

import type { Config } from '../config.js';
import type { RunningChannels } from '../db/contact-addresses.js';

export function cliRunningChannels(
  config: Pick<Config, 'telegram' | 'zalo'> & Partial<Pick<Config, 'email'>>,
): RunningChannels {
  const enabled: string[] = [];
  if (config.telegram.token) enabled.push('telegram');
  // Zalo when ZALO_BOT_TOKEN is set, as main.ts registers it (issue 13).
  if (config.zalo.token) enabled.push('zalo');
  if (config.email) enabled.push('email');
  return enabled.length > 0 ? enabled : ['telegram'];
}

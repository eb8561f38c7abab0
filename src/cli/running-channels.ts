// The channels a CLI command that queues messages (job run, summary digest --send) resolves people
// on. The CLI sends nothing itself: the server's delivery worker does. So it takes the channels the
// configuration enables (Telegram when TELEGRAM_BOT_TOKEN is set, e-mail when SMTP_URL is); with none configured it queues
// for Telegram, as before channels existed, and the rows wait until a server with Telegram runs
// (decision 0090).

import type { Config } from '../config.js';
import type { RunningChannels } from '../db/contact-addresses.js';

export function cliRunningChannels(config: Pick<Config, 'telegram'> & Partial<Pick<Config, 'email'>>): RunningChannels {
  const enabled: string[] = [];
  if (config.telegram.token) enabled.push('telegram');
  if (config.email) enabled.push('email');
  return enabled.length > 0 ? enabled : ['telegram'];
}

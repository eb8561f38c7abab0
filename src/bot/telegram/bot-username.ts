// The bot's @username, asked from Telegram with the configured token: the t.me deep links of
// invites need it. The command line gets this through its composition root (src/cli.ts).
import { Telegram } from 'telegraf';
import type { Config } from '../../config.js';
import { telegramAgent } from './telegram-agent.js';

/** Asks Telegram's getMe for the bot's username. */
export async function askTelegramBotUsername(telegram: Config['telegram'] & { token: string }): Promise<string> {
  const me = await new Telegram(telegram.token, {
    apiRoot: `${telegram.apiRoot}/`,
    agent: telegramAgent(telegram.forceIpv4),
  }).getMe();
  return me.username;
}

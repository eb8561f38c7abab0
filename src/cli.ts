import { askTelegramBotUsername } from './bot/telegram/bot-username.js';
import { commands } from './cli/commands.js';
import { CliError, openCliContext, openSettingsContext } from './cli/context.js';
import { sendTestMailOnce } from './email/start-email.js';

// `npm run cli -- <command> ...`: administration from the shell.

const [name, ...args] = process.argv.slice(2);
const command = commands.find((c) => c.name === name);
if (!command) {
  console.log(`Dùng: npm run cli -- <lệnh>\n\n${commands.map((c) => `  ${c.usage}`).join('\n')}`);
  process.exit(name ? 2 : 0);
}
// The channels the commands may ask things of (the command line's composition root, like main.ts).
const channels = { askBotUsername: askTelegramBotUsername, sendTestMail: sendTestMailOnce };
try {
  const out = (line: string) => console.log(line);
  if ('withoutDatabase' in command) {
    await command.run(openSettingsContext(process.env, out, channels), args);
  } else {
    const ctx = await openCliContext(process.env, out, channels);
    try {
      await command.run(ctx, args);
    } finally {
      await ctx.db.destroy();
    }
  }
} catch (error) {
  console.error(error instanceof CliError ? error.message : error);
  process.exit(1);
}

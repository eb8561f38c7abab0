import { type Config, type EmailConfig, loadConfig } from '../config.js';
import { type Db, DatabaseOpenError, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { OpsError } from '../ops/messages.js';
import { backupBeforeMigrations } from '../ops/pre-migrate.js';

export class CliError extends Error {}

/** What a command that handles the database file itself (restore) gets: no open database. */
export interface SettingsContext {
  config: Config;
  now: () => Date;
  out: (line: string) => void;
  /** Asks the Telegram channel for the bot's @username (invite links); given by src/cli.ts, the composition root. */
  askBotUsername?: (telegram: Config['telegram'] & { token: string }) => Promise<string>;
  /** Sends a test mail through the e-mail channel; given by src/cli.ts. */
  sendTestMail?: (
    email: EmailConfig,
    to: string,
    timeZone: string,
  ) => Promise<{ ok: true } | { ok: false; error: string }>;
}

export interface CliContext extends SettingsContext {
  db: Db;
}

/** Reads the settings for a CLI command. */
export function openSettingsContext(
  env: Record<string, string | undefined>,
  out: (line: string) => void,
  channels: Pick<SettingsContext, 'askBotUsername' | 'sendTestMail'> = {},
): SettingsContext {
  const result = loadConfig(env);
  if (!result.ok) throw new CliError(`Cấu hình không hợp lệ:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  return { config: result.config, now: () => new Date(), out, ...channels };
}

/** Reads the settings and opens the migrated database for a CLI command (backed up first if migrations are pending). */
export async function openCliContext(
  env: Record<string, string | undefined>,
  out: (line: string) => void,
  channels: Pick<SettingsContext, 'askBotUsername' | 'sendTestMail'> = {},
): Promise<CliContext> {
  const settings = openSettingsContext(env, out, channels);
  const { config } = settings;
  let db: Db;
  try {
    db = openDatabase(config.databasePath).db;
  } catch (error) {
    throw new CliError(error instanceof DatabaseOpenError ? error.message : String(error));
  }
  try {
    const saved = await backupBeforeMigrations({
      databasePath: config.databasePath,
      backupDir: config.backup.dir,
      now: settings.now(),
      timeZone: config.timeZone,
    });
    if (saved) out(`Đã sao lưu cơ sở dữ liệu trước khi nâng cấp vào ${saved.path}`);
  } catch (error) {
    await db.destroy();
    throw error instanceof OpsError ? new CliError(error.message) : error;
  }
  await migrateToLatest(db);
  return { ...settings, db };
}

/** Reads `--name value` options; flags without a value are 'true'. */
export function parseOptions(args: string[]): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) options[name] = inline;
      else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) options[name] = args[++i]!;
      else options[name] = 'true';
    } else positional.push(a);
  }
  return { positional, options };
}

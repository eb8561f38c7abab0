import { loadConfig, type Config } from '../config.js';
import { type Db, DatabaseOpenError, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

export class CliError extends Error {}

export interface CliContext {
  config: Config;
  db: Db;
  now: () => Date;
  out: (line: string) => void;
}

/** Reads the settings and opens the migrated database for a CLI command. */
export async function openCliContext(env: Record<string, string | undefined>, out: (line: string) => void): Promise<CliContext> {
  const result = loadConfig(env);
  if (!result.ok) throw new CliError(`Cấu hình không hợp lệ:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  let db: Db;
  try {
    db = openDatabase(result.config.databasePath).db;
  } catch (error) {
    throw new CliError(error instanceof DatabaseOpenError ? error.message : String(error));
  }
  await migrateToLatest(db);
  return { config: result.config, db, now: () => new Date(), out };
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

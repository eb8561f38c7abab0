import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

export type BotStatus = 'off' | 'starting' | 'polling' | 'webhook' | 'error';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: 'ok' | 'error';
  bot: BotStatus;
  blocs: number;
  time: string;
}

/** Checks the database with a real query; the bot's status comes from its runner. */
export async function checkHealth(db: Db, botStatus: () => BotStatus, now: () => Date): Promise<HealthReport> {
  let database: HealthReport['database'] = 'ok';
  let blocs = 0;
  try {
    const row = await sql<{ n: number }>`select count(*) as n from bloc`.execute(db);
    blocs = Number(row.rows[0]?.n ?? 0);
  } catch {
    database = 'error';
  }
  const bot = botStatus();
  return {
    status: database === 'ok' && bot !== 'error' ? 'ok' : 'degraded',
    database,
    bot,
    blocs,
    time: now().toISOString(),
  };
}

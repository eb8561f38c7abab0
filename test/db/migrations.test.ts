import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { migrationProvider, migrations } from '../../src/db/migrations/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

const TABLES = [
  'admin_session',
  'admin_user',
  'audit_log',
  'bloc',
  'bloc_chat',
  'bloc_membership',
  'bloc_year',
  'covenant_criterion',
  'covenant_signature',
  'covenant_target',
  'focal_point',
  'invite',
  'job_run',
  'outbox_message',
  'progress_report',
  'public_holiday',
  'report_attachment',
  'report_revision',
  'report_value',
  'rotation_slot',
  'unit',
];

async function tableNames(t: TestDb): Promise<string[]> {
  const rows = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
    t.db,
  );
  return rows.rows.map((r) => r.name);
}

describe('migrations', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('apply every migration to an empty database and create the whole domain', async () => {
    t = await createTestDb();
    const names = await tableNames(t);
    for (const table of TABLES) expect(names).toContain(table);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
  });

  it('run down to empty and up again without error', async () => {
    t = await createTestDb();
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tableNames(t)).toEqual([]);
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await tableNames(t)).toEqual(expect.arrayContaining(TABLES));
  });

  it('open the database with WAL, foreign keys and a busy timeout', async () => {
    t = await createTestDb();
    const { sqlite } = openDatabase(t.path);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    sqlite.close();
  });

  it('enforce the schema rules: foreign keys, checks and uniqueness', async () => {
    t = await createTestDb();
    await expect(
      t.db.insertInto('bloc_membership').values({ bloc_id: 999, unit_id: 999, joined_on: '2026-01-01' }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expect(
      t.db.insertInto('bloc').values({ name: 'K', province: 'P', description: null, grace_days: -1 }).execute(),
    ).rejects.toThrow(/CHECK/);
    await t.db.insertInto('bloc').values({ name: 'K', province: 'P', description: null }).execute();
    await expect(
      t.db.insertInto('bloc').values({ name: 'K', province: 'P', description: null }).execute(),
    ).rejects.toThrow(/UNIQUE/);
  });
});

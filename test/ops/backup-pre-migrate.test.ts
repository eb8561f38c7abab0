import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCliContext } from '../../src/cli/context.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { backupBeforeMigrations } from '../../src/ops/pre-migrate.js';
import { cleanupDirs, createOlderDb, createProductDb, query, tempDir } from './backup-helpers.js';

afterEach(cleanupDirs);

const now = new Date('2026-11-25T03:00:00Z');
const zone = 'Asia/Ho_Chi_Minh';
const names = (path: string) =>
  query<{ name: string }>(path, 'select name from kysely_migration order by name').map((r) => r.name);

describe('backup before migrations', () => {
  it('copies a database of an older version, as it was, before the upgrade migrates it', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'ktd.sqlite');
    await createOlderDb(databasePath, 5);
    const backupDir = join(dir, 'backups');
    const result = await backupBeforeMigrations({ databasePath, backupDir, now, timeZone: zone });
    expect(result).not.toBeNull();
    expect(result!.path).toBe(join(backupDir, 'khoi-thi-dua-pre-migrate-20261125-100000.sqlite'));
    expect(result!.pending).toEqual(Object.keys(migrations).slice(5));
    expect(names(result!.path)).toEqual(Object.keys(migrations).slice(0, 5));
    // Then the start-up migrates; the backup keeps the old schema.
    const { db } = openDatabase(databasePath);
    await migrateToLatest(db);
    await db.destroy();
    expect(names(databasePath)).toEqual(Object.keys(migrations));
    expect(names(result!.path)).toEqual(Object.keys(migrations).slice(0, 5));
  });

  it('takes no backup of a new empty database, nor of one with nothing to migrate', async () => {
    const dir = tempDir();
    const backupDir = join(dir, 'backups');
    const empty = join(dir, 'empty.sqlite');
    openDatabase(empty).sqlite.close();
    expect(await backupBeforeMigrations({ databasePath: empty, backupDir, now, timeZone: zone })).toBeNull();
    expect(
      await backupBeforeMigrations({ databasePath: join(dir, 'none.sqlite'), backupDir, now, timeZone: zone }),
    ).toBeNull();
    const current = join(dir, 'current.sqlite');
    await createProductDb(current);
    expect(await backupBeforeMigrations({ databasePath: current, backupDir, now, timeZone: zone })).toBeNull();
    expect(existsSync(backupDir)).toBe(false);
  });

  it('also runs before a CLI command migrates an older database', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'ktd.sqlite');
    await createOlderDb(databasePath, 6);
    const lines: string[] = [];
    const ctx = await openCliContext({ DATABASE_PATH: databasePath }, (l) => lines.push(l));
    await ctx.db.destroy();
    const [file] = readdirSync(join(dir, 'backups'));
    expect(file).toMatch(/^khoi-thi-dua-pre-migrate-\d{8}-\d{6}\.sqlite$/);
    expect(lines).toEqual([`Đã sao lưu cơ sở dữ liệu trước khi nâng cấp vào ${join(dir, 'backups', file!)}`]);
    expect(names(join(dir, 'backups', file!))).toEqual(Object.keys(migrations).slice(0, 6));
    expect(names(databasePath)).toEqual(Object.keys(migrations));
  });
});

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrationProvider, migrations } from '../../src/db/migrations/index.js';

// 0011 rebuilds progress_report and report_revision to accept 'zalo' (SQLite cannot widen a CHECK
// in place). With foreign keys on, dropping the old table would have cascaded to every report's
// values, revisions and files: the rows of every table must come through, and foreign keys be on after.

const FIXTURE = new URL('../fixtures/pre-channels.sqlite', import.meta.url).pathname;
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0011 (Zalo)', () => {
  it('keeps every report with its values, revisions and files, and takes submitted_via zalo', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ktd-0011-'));
    const path = join(dir, 'db.sqlite');
    copyFileSync(FIXTURE, path);
    const { db, sqlite } = openDatabase(path);
    try {
      expect(
        (await new Migrator({ db, provider: migrationProvider }).migrateTo('0010_channels')).error,
      ).toBeUndefined();
      const tables = ['progress_report', 'report_value', 'report_revision', 'report_attachment', 'attachment_content'];
      const rowsOf = () =>
        Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`select * from ${t} order by rowid`).all()]));
      const before = rowsOf();
      expect(before.report_value!.length).toBeGreaterThan(0);
      expect(before.report_revision!.length).toBeGreaterThan(0);
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).filter((n) => n >= '0011_zalo'));
      expect(rowsOf()).toEqual(before);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      const indexes = sqlite
        .prepare(
          "select name from sqlite_master where type = 'index' and tbl_name = 'progress_report' and sql is not null",
        )
        .all();
      expect(indexes.map((i) => (i as { name: string }).name).sort()).toEqual([
        'progress_report_bloc_period',
        'progress_report_bloc_unit',
      ]);
      sqlite.exec(`update progress_report set submitted_via = 'zalo' where id = (select min(id) from progress_report)`);
      sqlite.exec(`update report_revision set submitted_via = 'zalo' where id = (select min(id) from report_revision)`);
      expect(() => sqlite.exec(`update progress_report set submitted_via = 'fax'`)).toThrow(/CHECK/);
      // Cascades still work on the rebuilt table.
      const id = (sqlite.prepare('select min(id) as id from progress_report').get() as { id: number }).id;
      sqlite.exec(`delete from progress_report where id = ${id}`);
      expect(sqlite.prepare(`select count(*) as n from report_value where report_id = ${id}`).get()).toEqual({ n: 0 });
    } finally {
      await db.destroy();
    }
  });
});

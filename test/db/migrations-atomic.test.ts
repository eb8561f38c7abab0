import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrationProvider } from '../../src/db/migrations/index.js';

// Kysely's SQLite adapter reports no transactional DDL, so its Migrator runs each migration outside
// a transaction: each migration makes itself one. One that fails midway (here made to fail by the
// test, as a kill or a constraint would) must leave the database exactly as it found it, so the
// next start runs it again instead of failing on "table contact_address already exists".

const FIXTURE = new URL('../fixtures/pre-channels.sqlite', import.meta.url).pathname;

let dir: string | undefined;
let open: { db: Db; sqlite: SQLite.Database } | undefined;
afterEach(async () => {
  await open?.db.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
  [open, dir] = [undefined, undefined];
});

function openCopy(fixture?: string): { db: Db; sqlite: SQLite.Database } {
  dir = mkdtempSync(join(tmpdir(), 'ktd-atomic-'));
  const path = join(dir, 'db.sqlite');
  if (fixture) copyFileSync(fixture, path);
  open = openDatabase(path);
  return open;
}

/** Every schema object and every row of every table. */
function snapshot(sqlite: SQLite.Database) {
  const schema = sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as {
    type: string;
    name: string;
  }[];
  const rows = Object.fromEntries(
    schema
      .filter((o) => o.type === 'table' && !o.name.startsWith('sqlite_'))
      .map((o) => [o.name, sqlite.prepare(`select * from "${o.name}" order by rowid`).all()]),
  );
  return { schema, rows };
}

const columns = (sqlite: SQLite.Database, table: string) =>
  (sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

describe('a migration that fails midway', () => {
  it('0010 leaves the database as the previous version left it, and runs once the cause is gone', async () => {
    const { db, sqlite } = openCopy(FIXTURE);
    // Fails when 0010 converts the outbox: after it made contact_address, filled it, added its
    // triggers and the outbox's new columns.
    sqlite.exec(`create trigger test_stops_midway before update on outbox_message
      begin select raise(abort, 'stopped midway by the test'); end`);
    const before = snapshot(sqlite);
    expect(before.rows.outbox_message!.length).toBeGreaterThan(0);

    await expect(migrateToLatest(db)).rejects.toThrow(/0010_channels.*stopped midway by the test/);
    expect(snapshot(sqlite)).toEqual(before);
    expect(columns(sqlite, 'outbox_message')).not.toContain('address');
    expect(sqlite.prepare("select name from sqlite_master where name like '%contact_address%'").all()).toEqual([]);

    sqlite.exec('drop trigger test_stops_midway');
    expect(await migrateToLatest(db)).toEqual(['0010_channels', '0011_zalo', '0013_digest_subscription']);
    expect(columns(sqlite, 'outbox_message')).toEqual(
      expect.arrayContaining(['channel', 'address', 'message', 'parts_sent']),
    );
    expect(sqlite.prepare('select count(*) as n from contact_address').get()).toEqual({ n: 5 });
    expect(sqlite.prepare('select count(*) as n from outbox_message where message is null').get()).toEqual({ n: 0 });
  });

  it('0009 leaves the database as 0008 left it', async () => {
    const { db, sqlite } = openCopy();
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0008_web_uploads')).error).toBeUndefined();
    // 0009's last step creates this index: everything before it has run when it fails.
    sqlite.exec('create index outbox_chat_order on bloc (name)');
    const before = snapshot(sqlite);

    await expect(migrateToLatest(db)).rejects.toThrow(/0009_outbox_available_at/);
    expect(snapshot(sqlite)).toEqual(before);
    expect(columns(sqlite, 'outbox_message')).not.toContain('available_at');

    sqlite.exec('drop index outbox_chat_order');
    expect(await migrateToLatest(db)).toEqual([
      '0009_outbox_available_at',
      '0010_channels',
      '0011_zalo',
      '0013_digest_subscription',
    ]);
    expect(columns(sqlite, 'outbox_message')).toContain('available_at');
  });
});

describe('0010 on a database where two people hold the same Telegram chat', () => {
  it('gives the chat to the one linked most recently (the later one on a tie) and upgrades', async () => {
    const { db, sqlite } = openCopy(FIXTURE);
    // Person 2 linked 70001 after person 1 did; person 4 holds 70003 since the same moment as person 3.
    sqlite.exec(`update focal_point set telegram_chat_id = '70001', linked_at = '2026-11-20T02:00:00.000Z'
      where id = 2`);
    sqlite.exec(`update focal_point set telegram_chat_id = '70003' where id = 4`);

    expect(await migrateToLatest(db)).toEqual(['0010_channels', '0011_zalo', '0013_digest_subscription']);
    const addresses = await db
      .selectFrom('contact_address')
      .select(['focal_point_id', 'address'])
      .orderBy('focal_point_id')
      .execute();
    expect(addresses).toEqual([
      { focal_point_id: 2, address: '70001' },
      { focal_point_id: 4, address: '70003' },
      { focal_point_id: 5, address: '70005' },
    ]);
    // The triggers work on the result: person 1 linking a new account gets it.
    sqlite.exec(`update focal_point set telegram_chat_id = '70011', telegram_user_id = '70011' where id = 1`);
    expect(await db.selectFrom('contact_address').select('address').where('focal_point_id', '=', 1).execute()).toEqual([
      { address: '70011' },
    ]);
  });
});

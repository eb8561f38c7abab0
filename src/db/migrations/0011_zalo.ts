import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Zalo, the second messenger (issue 13, docs/zalo.md, decision 0093):
// - progress_report and report_revision accept submitted_via 'zalo'. SQLite cannot change a CHECK
//   in place, so each table is rebuilt by SQLite's own procedure (foreign keys off, a new table
//   filled from the old, the old dropped, the new renamed; withoutForeignKeys below).
// - zalo_processed_message: the Zalo messages already handled, by message_id (a string; Zalo has
//   no update_id), so a webhook request sent again or a replay is handled once.
// - invite.used_by_channel / used_by_account: who used an invite on a channel other than Telegram
//   (used_by_telegram_id stays Telegram's).
// - received_file: the bytes of a photo a person sent a messenger as evidence, kept until their
//   report is sent (Zalo's photo URLs have no documented lifetime: decision 0094).
// One transaction, like 0010: a failure midway leaves the database as 0010 left it.
// (Written for SQLite, as every migration so far.)

const VIA_OLD = `'telegram', 'web', 'admin', 'import', 'demo'`;
const VIA_NEW = `'telegram', 'web', 'admin', 'import', 'demo', 'zalo'`;

function progressReportSql(via: string) {
  return `CREATE TABLE "progress_report" ("id" integer primary key autoincrement, "bloc_id" integer not null references "bloc" ("id") on delete cascade, "unit_id" integer not null references "unit" ("id") on delete cascade, "period_kind" text not null check (period_kind in ('week', 'month')), "period_key" text not null, "period_start" text not null, "period_end" text not null, "is_nil" integer default 0 not null, "notable_results" text, "difficulties" text, "proposals" text, "submitted_by_focal_point_id" integer references "focal_point" ("id") on delete set null, "submitted_via" text not null check (submitted_via in (${via})), "first_submitted_at" text not null, "updated_at" text not null, "revision" integer default 1 not null, "is_demo" integer default 0 not null, constraint "progress_report_period" unique ("bloc_id", "unit_id", "period_key"))`;
}

function reportRevisionSql(via: string) {
  return `CREATE TABLE "report_revision" ("id" integer primary key autoincrement, "report_id" integer not null references "progress_report" ("id") on delete cascade, "revision" integer not null, "snapshot" text not null, "submitted_by_focal_point_id" integer references "focal_point" ("id") on delete set null, "submitted_by_admin" text, "submitted_at" text not null, submitted_via text not null default 'telegram' check (submitted_via in (${via})), constraint "report_revision_unique" unique ("report_id", "revision"))`;
}

const COLUMNS = {
  progress_report: `id, bloc_id, unit_id, period_kind, period_key, period_start, period_end, is_nil, notable_results, difficulties, proposals, submitted_by_focal_point_id, submitted_via, first_submitted_at, updated_at, revision, is_demo`,
  report_revision: `id, report_id, revision, snapshot, submitted_by_focal_point_id, submitted_by_admin, submitted_at, submitted_via`,
};

async function rebuildReportTables(db: Kysely<any>, via: string): Promise<void> {
  for (const [table, create] of [
    ['progress_report', progressReportSql(via)],
    ['report_revision', reportRevisionSql(via)],
  ] as const) {
    const next = `${table}_0011`;
    await sql.raw(create.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${next}"`)).execute(db);
    await sql.raw(`insert into "${next}" (${COLUMNS[table]}) select ${COLUMNS[table]} from "${table}"`).execute(db);
    await sql.raw(`drop table "${table}"`).execute(db);
    await sql.raw(`alter table "${next}" rename to "${table}"`).execute(db);
  }
  // The indexes went with the old tables.
  await sql`create index "progress_report_bloc_period" on "progress_report" ("bloc_id", "period_start")`.execute(db);
  await sql`create index "progress_report_bloc_unit" on "progress_report" ("bloc_id", "unit_id", "period_start")`.execute(
    db,
  );
}

/**
 * SQLite's own procedure for changing a table's definition: foreign keys off (only possible
 * outside a transaction, so here, on the Migrator's one connection), the work in one transaction,
 * a foreign key check before it commits, then foreign keys on again. With them on, dropping the old
 * table would cascade to every report's values, revisions and files.
 */
async function withoutForeignKeys(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) throw new Error('0011 must run outside a transaction: it turns foreign keys off');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await work(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`0011 would break ${broken.rows.length} foreign keys`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await withoutForeignKeys(db, async (trx) => {
    await rebuildReportTables(trx, VIA_NEW);
    await trx.schema
      .createTable('zalo_processed_message')
      .addColumn('bot_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('zalo_processed_message_pk', ['bot_id', 'message_id'])
      .execute();
    await trx.schema.alterTable('invite').addColumn('used_by_channel', 'text').execute();
    await trx.schema.alterTable('invite').addColumn('used_by_account', 'text').execute();
    await trx.schema
      .createTable('received_file')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('focal_point_id', 'integer', (c) => c.notNull().references('focal_point.id').onDelete('cascade'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('content', 'blob', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text')
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await withoutForeignKeys(db, async (trx) => {
    const zalo = await sql<{
      n: number;
    }>`select count(*) as n from progress_report where submitted_via = 'zalo'`.execute(trx);
    if (Number(zalo.rows[0]?.n ?? 0) > 0)
      throw new Error('reports sent through Zalo are stored: the previous version cannot hold them');
    await trx.schema.dropTable('received_file').execute();
    await trx.schema.alterTable('invite').dropColumn('used_by_account').execute();
    await trx.schema.alterTable('invite').dropColumn('used_by_channel').execute();
    await trx.schema.dropTable('zalo_processed_message').execute();
    await sql`update report_revision set submitted_via = 'telegram' where submitted_via = 'zalo'`.execute(trx);
    await rebuildReportTables(trx, VIA_OLD);
  });
}

import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Personal report links: each focal point can report from any browser through
// <PUBLIC_URL>/r/<token>. The token itself is never stored: only its SHA-256 (to find the link)
// and the random nonce it is derived from with the server's link secret (so an admin can show the
// same link again; a copy of the database alone does not reveal it). See decision 0050.
// Every revision of a report now records its channel (before, only the report's latest did).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('personal_link')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('focal_point_id', 'integer', (c) => c.notNull().references('focal_point.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull()) // admin username, or 'system'
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  // At most one working link per focal point.
  await sql`create unique index personal_link_active on personal_link (focal_point_id) where revoked_at is null`.execute(
    db,
  );

  await sql`alter table report_revision add column submitted_via text not null default 'telegram'
    check (submitted_via in ('telegram', 'web', 'admin', 'import', 'demo'))`.execute(db);
  // Earlier revisions did not record their channel; the report's own channel is the best record.
  await sql`update report_revision set submitted_via =
    (select p.submitted_via from progress_report p where p.id = report_revision.report_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table report_revision drop column submitted_via`.execute(db);
  await sql`drop index if exists personal_link_active`.execute(db);
  await db.schema.dropTable('personal_link').ifExists().execute();
}

import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Files sent through the personal web form are kept in the database itself (decision 0052), so
// the one SQLite file and its backups hold every report with its evidence:
// - attachment_content: the bytes of a web-uploaded report_attachment (telegram_file_id is null).
// - web_pending_upload: files chosen in a submit that was not stored (a mistake in a figure, a
//   conflict), kept for that form so the person need not choose them again; cleaned by age.
// - web_form_submission: each web form is sent once; a second submit of the same form (double
//   click, reload) finds the revision the first one stored.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_content')
    .addColumn('attachment_id', 'integer', (c) => c.primaryKey().references('report_attachment.id').onDelete('cascade'))
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('web_pending_upload')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('personal_link_id', 'integer', (c) => c.notNull().references('personal_link.id').onDelete('cascade'))
    .addColumn('form_nonce', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('photo', 'document')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('web_pending_upload_form')
    .on('web_pending_upload')
    .columns(['personal_link_id', 'form_nonce'])
    .execute();
  await db.schema.createIndex('web_pending_upload_age').on('web_pending_upload').column('created_at').execute();

  await db.schema
    .createTable('web_form_submission')
    .addColumn('personal_link_id', 'integer', (c) => c.notNull().references('personal_link.id').onDelete('cascade'))
    .addColumn('form_nonce', 'text', (c) => c.notNull())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('web_form_submission_pk', ['personal_link_id', 'form_nonce'])
    .execute();
  await db.schema.createIndex('web_form_submission_age').on('web_form_submission').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('web_form_submission').ifExists().execute();
  await db.schema.dropTable('web_pending_upload').ifExists().execute();
  await db.schema.dropTable('attachment_content').ifExists().execute();
}

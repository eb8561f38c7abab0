import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Login attempts, so failed logins can be throttled per account and per client address, and the
// lookups the admin pages make often.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) => c.notNull()) // as typed, lower-cased and NFC
    .addColumn('ip', 'text') // null when the server cannot tell the client address
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull().check(sql`succeeded in (0, 1)`))
    .execute();
  await db.schema.createIndex('login_attempt_username').on('login_attempt').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempt_ip').on('login_attempt').columns(['ip', 'at']).execute();
  await db.schema.createIndex('admin_session_user').on('admin_session').column('admin_user_id').execute();
  await db.schema.createIndex('audit_log_bloc').on('audit_log').columns(['bloc_id', 'id']).execute();
  await db.schema
    .createIndex('progress_report_bloc_unit')
    .on('progress_report')
    .columns(['bloc_id', 'unit_id', 'period_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('progress_report_bloc_unit').ifExists().execute();
  await db.schema.dropIndex('audit_log_bloc').ifExists().execute();
  await db.schema.dropIndex('admin_session_user').ifExists().execute();
  await db.schema.dropTable('login_attempt').ifExists().execute();
}

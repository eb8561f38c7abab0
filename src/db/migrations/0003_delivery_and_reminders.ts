import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Each bloc's reminder policy as data (absent row = the defaults below), and what the delivery
// worker needs on outbox rows: why a message failed, until when it is still worth sending, and
// when it was handed to Telegram.

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
  const hhmm = (column: string) => sql.raw(`${column} glob '[0-2][0-9]:[0-5][0-9]' and ${column} <= '23:59'`);

  await db.schema
    .createTable('reminder_policy')
    .addColumn('bloc_id', 'integer', (c) => c.primaryKey().references('bloc.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1).check(sql`enabled in (0, 1)`))
    // Days before the deadline's date (the deadline is local midnight) for the reminder before it;
    // null = no reminder before the deadline.
    .addColumn('before_days', 'integer', (c) => c.defaultTo(1).check(sql`before_days between 0 and 31`))
    .addColumn('before_time', 'text', (c) => c.notNull().defaultTo('15:00').check(hhmm('before_time')))
    .addColumn('after_time', 'text', (c) => c.notNull().defaultTo('08:00').check(hhmm('after_time')))
    .addColumn('after_every_days', 'integer', (c) =>
      c.notNull().defaultTo(1).check(sql`after_every_days between 1 and 31`),
    )
    .addColumn('after_max', 'integer', (c) => c.notNull().defaultTo(2).check(sql`after_max between 0 and 10`))
    .addColumn('escalate_to', 'text', (c) =>
      c.notNull().defaultTo('chair').check(sql`escalate_to in ('none', 'chair', 'unit_head')`),
    )
    // Messages go out only from send_from (inclusive) to send_until (exclusive), local time.
    .addColumn('send_from', 'text', (c) => c.notNull().defaultTo('07:30').check(hhmm('send_from')))
    .addColumn('send_until', 'text', (c) => c.notNull().defaultTo('17:30').check(hhmm('send_until')))
    .addColumn('send_on_weekends', 'integer', (c) => c.notNull().defaultTo(0).check(sql`send_on_weekends in (0, 1)`))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_by', 'text')
    .addCheckConstraint('reminder_policy_window', sql`send_from < send_until`)
    .execute();

  // Code of a permanent failure ('blocked', 'not_started', 'chat_not_found', 'expired', ...).
  await db.schema.alterTable('outbox_message').addColumn('failure_reason', 'text').execute();
  // After this instant the message is no longer worth sending (a reminder outside its day's window).
  await db.schema.alterTable('outbox_message').addColumn('not_after', 'text').execute();
  // When the worker last handed the row to the Bot API (status 'sending' since then).
  await db.schema.alterTable('outbox_message').addColumn('claimed_at', 'text').execute();
  await db.schema.createIndex('outbox_bloc_status').on('outbox_message').columns(['bloc_id', 'status']).execute();
  await db.schema.createIndex('outbox_chat').on('outbox_message').columns(['chat_id', 'status']).execute();
  await db.schema.createIndex('job_run_started').on('job_run').columns(['job', 'started_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('job_run_started').ifExists().execute();
  await db.schema.dropIndex('outbox_chat').ifExists().execute();
  await db.schema.dropIndex('outbox_bloc_status').ifExists().execute();
  await db.schema.alterTable('outbox_message').dropColumn('claimed_at').execute();
  await db.schema.alterTable('outbox_message').dropColumn('not_after').execute();
  await db.schema.alterTable('outbox_message').dropColumn('failure_reason').execute();
  await db.schema.dropTable('reminder_policy').ifExists().execute();
}

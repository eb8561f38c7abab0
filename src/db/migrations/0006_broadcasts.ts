import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Broadcasts: a message an admin sends to every linked focal point of a bloc (and optionally its
// group chats). Each recipient's copy is an outbox row with the dedupe key
// 'broadcast:<id>:<chat id>', so the broadcast's progress is read from the outbox itself.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('broadcast')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    // The hidden one-time value of the form that sent it: a second submit of the same form finds
    // this row instead of queuing the messages again.
    .addColumn('form_nonce', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().check(sql`length(text) between 1 and 3500`))
    .addColumn('include_groups', 'integer', (c) => c.notNull().check(sql`include_groups in (0, 1)`))
    .addColumn('sender_name', 'text', (c) => c.notNull()) // the admin's display name, as signed
    .addColumn('created_by', 'text', (c) => c.notNull()) // the admin's username
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of { name, unit } for the focal points (or units) that had no linked Telegram.
    .addColumn('unreachable', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('broadcast_form_once', ['bloc_id', 'form_nonce'])
    .execute();
  await db.schema.createIndex('broadcast_bloc').on('broadcast').columns(['bloc_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('broadcast_bloc').ifExists().execute();
  await db.schema.dropTable('broadcast').ifExists().execute();
}

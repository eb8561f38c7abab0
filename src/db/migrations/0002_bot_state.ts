import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// The bot's own state: conversations (a half-finished report survives a restart) and the
// updates already processed (a redelivered update does nothing).

export async function up(db: Kysely<any>): Promise<void> {
  // One row per private chat. `version` grows on every change; buttons carry it, so a button
  // from an earlier state is recognised as stale. `draft` is the report draft as JSON, or null.
  await db.schema
    .createTable('bot_conversation')
    .addColumn('chat_id', 'text', (c) => c.primaryKey())
    .addColumn('telegram_user_id', 'text', (c) => c.notNull())
    .addColumn('focal_point_id', 'integer', (c) => c.notNull().references('focal_point.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('draft', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Update ids are per bot, so the bot's numeric id is part of the key.
  await db.schema
    .createTable('bot_processed_update')
    .addColumn('bot_id', 'text', (c) => c.notNull())
    .addColumn('update_id', 'integer', (c) => c.notNull())
    .addColumn('processed_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
    .addPrimaryKeyConstraint('bot_processed_update_pk', ['bot_id', 'update_id'])
    .execute();
  await db.schema.createIndex('bot_processed_update_at').on('bot_processed_update').column('processed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bot_processed_update').ifExists().execute();
  await db.schema.dropTable('bot_conversation').ifExists().execute();
}

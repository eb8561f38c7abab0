import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// outbox_message.available_at: the moment a message may first be sent (its own moment, e.g. a
// digest queued for Monday 08:00). Retries move next_attempt_at, never this. The delivery order
// of a chat is (available_at, id), so a message waiting for its own moment no longer holds back
// the messages of its chat due before it, and the operator's "oldest unsent" age counts from it
// (docs/decisions/0070).
// One transaction (inOneTransaction below): a failure or a kill midway leaves the database as it was.

export async function up(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, upInTransaction);
}

async function upInTransaction(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_message').addColumn('available_at', 'text').execute();
  // A row never tried still holds its own moment in next_attempt_at; for the others (sent, failed,
  // retried) the queueing time is the closest known.
  await sql`update outbox_message set available_at = case
      when status = 'queued' and attempts = 0 and last_error is null then next_attempt_at
      else created_at end`.execute(db);
  await db.schema
    .createIndex('outbox_chat_order')
    .on('outbox_message')
    .columns(['chat_id', 'status', 'available_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, downInTransaction);
}

async function downInTransaction(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_chat_order').ifExists().execute();
  await db.schema.alterTable('outbox_message').dropColumn('available_at').execute();
}

/**
 * Runs the work as one transaction. Kysely's SQLite adapter reports no transactional DDL, so its
 * Migrator calls up() outside any transaction, on one connection; SQLite itself takes DDL inside
 * one. (Should a Migrator ever hand over a transaction, the work joins it.)
 */
async function inOneTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute(work);
}

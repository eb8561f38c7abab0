import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// What a queued outbox row waits for, when it is not its backoff: 'rate_limit' (the platform asked
// to slow down) or 'credentials' (the channel's token or login was refused). After an outage the
// worker hurries a channel's rows that wait out a backoff (decision 0072), never these. Before this
// column the wait was told from the last error's text, which only Telegram's wording allowed
// ('429:', '401:', '404:'); Zalo's and e-mail's errors read otherwise. Rows queued before the upgrade
// get the column from that same text. One transaction: a failure leaves the database as it was.

export async function up(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, async (trx) => {
    await trx.schema.alterTable('outbox_message').addColumn('waiting_for', 'text').execute();
    await sql`update outbox_message set waiting_for = case
        when last_error like '429:%' then 'rate_limit'
        when last_error like '401:%' or last_error like '404:%' then 'credentials' end
      where status = 'queued' and attempts > 0`.execute(trx);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, (trx) => trx.schema.alterTable('outbox_message').dropColumn('waiting_for').execute());
}

/** Runs the work as one transaction (Kysely's SQLite Migrator calls up() outside one). */
async function inOneTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute(work);
}

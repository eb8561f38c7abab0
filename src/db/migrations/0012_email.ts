import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
// E-mail (docs/decisions/0095-email-channel.md): a focal point's e-mail address is a contact_address
// on 'email' like any other; what e-mail adds is the recipient's own "stop sending me mail"
// (List-Unsubscribe): the address's state becomes 'unsubscribed' and the moment is kept here, for
// the admin to see and act on.
// One transaction (inOneTransaction below): a failure or a kill midway leaves the database as it was.

export async function up(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, (trx) =>
    trx.schema.alterTable('contact_address').addColumn('unsubscribed_at', 'text').execute(),
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, async (trx) => {
    await trx.updateTable('contact_address').set({ state: 'linked' }).where('state', '=', 'unsubscribed').execute();
    await trx.schema.alterTable('contact_address').dropColumn('unsubscribed_at').execute();
  });
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

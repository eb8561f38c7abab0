import type { Db } from './connection.js';

/** Records a Telegram update as processed; false if it already was (a redelivery). */
export async function claimUpdate(db: Db, botId: string, updateId: number, at: Date): Promise<boolean> {
  const r = await db
    .insertInto('bot_processed_update')
    .values({ bot_id: botId, update_id: updateId, processed_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['bot_id', 'update_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Forgets updates processed before `before`. Telegram keeps an undelivered update for at most
 * 24 hours, so a few days of memory is enough to recognise every redelivery.
 */
export async function pruneProcessedUpdates(db: Db, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('bot_processed_update')
    .where('processed_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

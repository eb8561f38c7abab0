import type { Db } from './connection.js';

/** Records a Zalo message as handled; false if it already was (a webhook sent again, a replay). */
export async function claimZaloMessage(db: Db, botId: string, messageId: string, at: Date): Promise<boolean> {
  const r = await db
    .insertInto('zalo_processed_message')
    .values({ bot_id: botId, message_id: messageId, processed_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['bot_id', 'message_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

import type { Db } from './connection.js';
import type { BlocChat } from './schema.js';

/**
 * Links a Telegram group to a bloc, or re-links a group whose link was stopped. A group that
 * still receives another bloc's messages is never moved (docs/decisions/0077): callers check
 * first, and this refuses, writing nothing, if one did not.
 */
export async function linkBlocChat(
  db: Db,
  c: { blocId: number; telegramChatId: string; title: string | null; at: Date },
): Promise<BlocChat> {
  return db
    .insertInto('bloc_chat')
    .values({
      bloc_id: c.blocId,
      telegram_chat_id: c.telegramChatId,
      title: c.title,
      linked_at: c.at.toISOString(),
      active: 1,
    })
    .onConflict((oc) =>
      oc
        .column('telegram_chat_id')
        .doUpdateSet({ bloc_id: c.blocId, title: c.title, linked_at: c.at.toISOString(), active: 1 })
        .where((eb) => eb.or([eb('bloc_chat.active', '=', 0), eb('bloc_chat.bloc_id', '=', c.blocId)])),
    )
    .returningAll()
    .executeTakeFirstOrThrow(() => new Error(`Telegram group ${c.telegramChatId} is linked to another bloc`));
}

export async function findBlocChat(db: Db, telegramChatId: string): Promise<BlocChat | undefined> {
  return db.selectFrom('bloc_chat').selectAll().where('telegram_chat_id', '=', telegramChatId).executeTakeFirst();
}

/** Stops sending to a group the bot was removed from; the link is kept for the record. */
export async function deactivateBlocChat(db: Db, telegramChatId: string): Promise<number> {
  const r = await db
    .updateTable('bloc_chat')
    .set({ active: 0 })
    .where('telegram_chat_id', '=', telegramChatId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A group upgraded to a supergroup gets a new chat id; the link follows it. */
export async function moveBlocChat(db: Db, fromChatId: string, toChatId: string): Promise<number> {
  const r = await db
    .updateTable('bloc_chat')
    .set({ telegram_chat_id: toChatId })
    .where('telegram_chat_id', '=', fromChatId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

import type { Db } from './connection.js';
import type { BlocChatRow } from './schema.js';

/** A Telegram group linked to a bloc, where its digests go while the link is active (decision 0092). */
export interface BlocChat {
  id: number;
  blocId: number;
  telegramChatId: string;
  title: string | null;
  /** ISO instant of the latest link. */
  linkedAt: string;
  /** False once the bot was removed from the group (or an admin stopped the link); kept for the record. */
  active: boolean;
}

export function toBlocChat(row: BlocChatRow): BlocChat {
  return {
    id: row.id,
    blocId: row.bloc_id,
    telegramChatId: row.telegram_chat_id,
    title: row.title,
    linkedAt: row.linked_at,
    active: row.active === 1,
  };
}

/**
 * Links a Telegram group to a bloc, or re-links a group whose link was stopped. A group that
 * still receives another bloc's messages is never moved (docs/decisions/0077): callers check
 * first, and this refuses, writing nothing, if one did not.
 */
export async function linkBlocChat(
  db: Db,
  c: { blocId: number; telegramChatId: string; title: string | null; at: Date },
): Promise<BlocChat> {
  const row = await db
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
  return toBlocChat(row);
}

export async function findBlocChat(db: Db, telegramChatId: string): Promise<BlocChat | undefined> {
  const row = await db
    .selectFrom('bloc_chat')
    .selectAll()
    .where('telegram_chat_id', '=', telegramChatId)
    .executeTakeFirst();
  return row && toBlocChat(row);
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

/** How many groups receive the bloc's messages now (active links). */
export async function countActiveBlocChats(db: Db, blocId: number): Promise<number> {
  const row = await db
    .selectFrom('bloc_chat')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('bloc_id', '=', blocId)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The bloc's groups among these Telegram chat ids, with their titles (active or not). */
export async function blocChatTitles(
  db: Db,
  blocId: number,
  telegramChatIds: readonly string[],
): Promise<{ telegramChatId: string; title: string | null }[]> {
  if (telegramChatIds.length === 0) return [];
  const rows = await db
    .selectFrom('bloc_chat')
    .select(['telegram_chat_id', 'title'])
    .where('bloc_id', '=', blocId)
    .where('telegram_chat_id', 'in', [...telegramChatIds])
    .execute();
  return rows.map((r) => ({ telegramChatId: r.telegram_chat_id, title: r.title }));
}

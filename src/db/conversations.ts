import type { Db } from './connection.js';
import type { BotConversationRow } from './schema.js';

/** The bot's state for one private chat (decision 0092). */
export interface Conversation {
  chatId: string;
  telegramUserId: string;
  focalPointId: number;
  version: number;
  /** The report draft as JSON, or null. */
  draft: string | null;
  updatedAt: string;
}

export function toConversation(row: BotConversationRow): Conversation {
  return {
    chatId: row.chat_id,
    telegramUserId: row.telegram_user_id,
    focalPointId: row.focal_point_id,
    version: row.version,
    draft: row.draft,
    updatedAt: row.updated_at,
  };
}

/** The bot's conversation state for a private chat, if any. */
export async function getConversation(db: Db, chatId: string): Promise<Conversation | undefined> {
  const row = await db.selectFrom('bot_conversation').selectAll().where('chat_id', '=', chatId).executeTakeFirst();
  return row && toConversation(row);
}

/**
 * Stores the conversation's next state if it is still at `expectedVersion` (0 when there is no
 * row yet). Returns the new version, or null if another update changed it first.
 */
export async function saveConversation(
  db: Db,
  c: {
    chatId: string;
    telegramUserId: string;
    focalPointId: number;
    draft: string | null;
    expectedVersion: number;
    at: Date;
  },
): Promise<number | null> {
  const next = c.expectedVersion + 1;
  const fields = {
    telegram_user_id: c.telegramUserId,
    focal_point_id: c.focalPointId,
    draft: c.draft,
    version: next,
    updated_at: c.at.toISOString(),
  };
  if (c.expectedVersion === 0) {
    const r = await db
      .insertInto('bot_conversation')
      .values({ chat_id: c.chatId, ...fields })
      .onConflict((oc) => oc.column('chat_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0 ? next : null;
  }
  const r = await db
    .updateTable('bot_conversation')
    .set(fields)
    .where('chat_id', '=', c.chatId)
    .where('version', '=', c.expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? next : null;
}

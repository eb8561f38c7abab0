// The conversation state of a private chat with a messenger as the report flow sees it, stored in
// SQLite so a half-finished report survives a restart. Every change is load, apply, compare-and-set
// inside one transaction (decision 0011), so two quick messages never overwrite each other.
import { parseStoredDraft, serializeDraft } from '../core/report-flow/draft-schema.js';
import type { ReportDraft } from '../core/report-flow/types.js';
import type { Db } from '../db/connection.js';
import { getConversation, saveConversation } from '../db/conversations.js';

/** Whose conversation: the chat (a Zalo chat is 'zalo:<id>', so it never meets a Telegram chat id), the
 * messenger account writing in it ('zalo:<id>' likewise) and the focal point it is linked to. */
export interface ConversationKey {
  chatId: string;
  accountId: string;
  focalPointId: number;
}

export interface ConversationState {
  version: number;
  draft: ReportDraft | null;
}

/** The chat's state; a draft left by another focal point (a re-linked account) is not theirs. */
export async function loadState(db: Db, key: ConversationKey): Promise<ConversationState> {
  const row = await getConversation(db, key.chatId);
  if (!row) return { version: 0, draft: null };
  const draft = row.focalPointId === key.focalPointId ? parseStoredDraft(row.draft) : null;
  return { version: row.version, draft };
}

/** Stores the next state; call inside the transaction that loaded `expectedVersion`. */
export async function saveState(
  db: Db,
  key: ConversationKey,
  draft: ReportDraft | null,
  expectedVersion: number,
  at: Date,
): Promise<number> {
  const version = await saveConversation(db, {
    chatId: key.chatId,
    // The column predates other messengers: it holds whichever account writes in the chat.
    telegramUserId: key.accountId,
    focalPointId: key.focalPointId,
    draft: draft === null ? null : serializeDraft(draft),
    expectedVersion,
    at,
  });
  if (version === null)
    throw new Error(`conversation ${key.chatId} changed concurrently (expected version ${expectedVersion})`);
  return version;
}

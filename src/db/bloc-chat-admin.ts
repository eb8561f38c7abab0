// Admin-only queries about a bloc's Telegram groups and the invites that link them.

import type { Db } from './connection.js';
import { type BlocChat, toBlocChat } from './bloc-chats.js';
import { type Invite, toInvite } from './invites.js';

/** The bloc's linked groups, active ones first, newest link first. */
export async function listBlocChats(db: Db, blocId: number): Promise<BlocChat[]> {
  const rows = await db
    .selectFrom('bloc_chat')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .orderBy('active', 'desc')
    .orderBy('linked_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toBlocChat);
}

/** The group link if it belongs to the bloc. */
export async function getBlocChatOfBloc(db: Db, blocId: number, id: number): Promise<BlocChat | undefined> {
  const row = await db
    .selectFrom('bloc_chat')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toBlocChat(row);
}

/** The bloc's group invites still usable at `now`, newest first. */
export async function openGroupInvites(db: Db, blocId: number, now: Date): Promise<Invite[]> {
  const rows = await db
    .selectFrom('invite')
    .selectAll()
    .where('kind', '=', 'group')
    .where('bloc_id', '=', blocId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toInvite);
}

// Admin-only queries about a bloc's Telegram groups and the invites that link them.

import type { Db } from './connection.js';
import { type Invite, toInvite } from './invites.js';
import type { BlocChat } from './schema.js';

/** The bloc's linked groups, active ones first, newest link first. */
export async function listBlocChats(db: Db, blocId: number): Promise<BlocChat[]> {
  return db
    .selectFrom('bloc_chat')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .orderBy('active', 'desc')
    .orderBy('linked_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The group link if it belongs to the bloc. */
export async function getBlocChatOfBloc(db: Db, blocId: number, id: number): Promise<BlocChat | undefined> {
  return db.selectFrom('bloc_chat').selectAll().where('bloc_id', '=', blocId).where('id', '=', id).executeTakeFirst();
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

import type { Db } from '../../db/connection.js';

/** Names for chat ids: the focal point linked to a private chat, or the bloc's group title. */
export async function recipientNames(db: Db, blocId: number, chatIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(chatIds)];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const people = await db
    .selectFrom('focal_point as f')
    .innerJoin('unit as u', 'u.id', 'f.unit_id')
    .select(['f.telegram_chat_id', 'f.full_name', 'u.name as unit_name'])
    .where('f.telegram_chat_id', 'in', ids)
    .execute();
  for (const p of people) names.set(p.telegram_chat_id!, `${p.full_name} (${p.unit_name})`);
  const groups = await db
    .selectFrom('bloc_chat')
    .select(['telegram_chat_id', 'title'])
    .where('bloc_id', '=', blocId)
    .where('telegram_chat_id', 'in', ids)
    .execute();
  for (const g of groups) if (g.title) names.set(g.telegram_chat_id, g.title);
  return names;
}

import type { Db } from '../../db/connection.js';

/**
 * Names for the addresses messages went to: the focal point an address on any channel belongs to,
 * or the bloc's group title.
 */
export async function recipientNames(db: Db, blocId: number, addresses: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(addresses)];
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const people = await db
    .selectFrom('contact_address as a')
    .innerJoin('focal_point as f', 'f.id', 'a.focal_point_id')
    .innerJoin('unit as u', 'u.id', 'f.unit_id')
    .select(['a.address', 'f.full_name', 'u.name as unit_name'])
    .where('a.address', 'in', ids)
    .execute();
  for (const p of people) names.set(p.address, `${p.full_name} (${p.unit_name})`);
  const groups = await db
    .selectFrom('bloc_chat')
    .select(['telegram_chat_id', 'title'])
    .where('bloc_id', '=', blocId)
    .where('telegram_chat_id', 'in', ids)
    .execute();
  for (const g of groups) if (g.title) names.set(g.telegram_chat_id, g.title);
  return names;
}

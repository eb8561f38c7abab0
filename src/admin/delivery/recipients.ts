import type { Db } from '../../db/connection.js';
import type { ChannelAddress } from '../../db/contact-addresses.js';

/** The key of a recipient in recipientNames' answer: an address is unique within its channel only. */
export const recipientKey = (channel: string, address: string): string => `${channel} ${address}`;

/**
 * Names for the addresses a bloc's messages went to, keyed by recipientKey: the focal point of one
 * of the bloc's units (now or before) who holds that address on that channel, or the bloc's group
 * title (groups are on Telegram). The same string on another channel, or someone of another
 * bloc, is not named.
 */
export async function recipientNames(
  db: Db,
  blocId: number,
  recipients: readonly ChannelAddress[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const addresses = [...new Set(recipients.map((r) => r.address))];
  if (addresses.length === 0) return names;
  const wanted = new Set(recipients.map((r) => recipientKey(r.channel, r.address)));
  const people = await db
    .selectFrom('contact_address as a')
    .innerJoin('focal_point as f', 'f.id', 'a.focal_point_id')
    .innerJoin('unit as u', 'u.id', 'f.unit_id')
    .select(['a.channel', 'a.address', 'f.full_name', 'u.name as unit_name'])
    .where('a.address', 'in', addresses)
    .where('a.channel', 'in', [...new Set(recipients.map((r) => r.channel))])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('bloc_membership as m')
          .select('m.id')
          .whereRef('m.unit_id', '=', 'f.unit_id')
          .where('m.bloc_id', '=', blocId),
      ),
    )
    .execute();
  for (const p of people) {
    const key = recipientKey(p.channel, p.address);
    if (wanted.has(key)) names.set(key, `${p.full_name} (${p.unit_name})`);
  }
  const groupIds = recipients.filter((r) => r.channel === 'telegram').map((r) => r.address);
  if (groupIds.length === 0) return names;
  const groups = await db
    .selectFrom('bloc_chat')
    .select(['telegram_chat_id', 'title'])
    .where('bloc_id', '=', blocId)
    .where('telegram_chat_id', 'in', [...new Set(groupIds)])
    .execute();
  for (const g of groups) if (g.title) names.set(recipientKey('telegram', g.telegram_chat_id), g.title);
  return names;
}

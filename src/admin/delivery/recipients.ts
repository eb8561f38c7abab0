import { blocChatTitles } from '../../db/bloc-chats.js';
import type { Db } from '../../db/connection.js';
import { blocContactsAt, type ChannelAddress } from '../../db/contact-addresses.js';

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
  const people = await blocContactsAt(db, blocId, addresses, [...new Set(recipients.map((r) => r.channel))]);
  for (const p of people) {
    const key = recipientKey(p.channel, p.address);
    if (wanted.has(key)) names.set(key, `${p.fullName} (${p.unitName})`);
  }
  const groupIds = recipients.filter((r) => r.channel === 'telegram').map((r) => r.address);
  if (groupIds.length === 0) return names;
  const groups = await blocChatTitles(db, blocId, [...new Set(groupIds)]);
  for (const g of groups) if (g.title) names.set(recipientKey('telegram', g.telegramChatId), g.title);
  return names;
}

// Who a broadcast goes to: the active focal points (and unit heads) of the bloc's current member
// units who have a linked address on a running channel (reached at the first in their order), and, if asked, the
// bloc's active group chats. Those who cannot be reached are named, so the admin knows whom to
// tell another way.

import type { UnreachableRecipient } from './broadcasts.js';
import type { Db } from './connection.js';
import { type ChannelAddress, preferredAddresses, type RunningChannels } from './contact-addresses.js';
import { listMemberUnits } from './units.js';

export interface BroadcastAudience {
  focalPoints: { focalPointId: number; name: string; unit: string; reach: ChannelAddress }[];
  unreachable: UnreachableRecipient[];
  /** The bloc's groups, addresses on Telegram. */
  groups: { id: number; title: string | null; reach: ChannelAddress }[];
}

/** The audience on `today` (a 'YYYY-MM-DD' date in the bloc's time zone), in the units' display order. */
export async function broadcastAudience(
  db: Db,
  blocId: number,
  today: string,
  channels: RunningChannels,
): Promise<BroadcastAudience> {
  const units = await listMemberUnits(db, blocId, today);
  const people =
    units.length === 0
      ? []
      : await db
          .selectFrom('focal_point')
          .select(['id', 'unit_id', 'full_name'])
          .where(
            'unit_id',
            'in',
            units.map((u) => u.id),
          )
          .where('status', '=', 'active')
          .orderBy('id')
          .execute();
  const reach = await preferredAddresses(
    db,
    people.map((p) => p.id),
    channels,
  );
  const audience: BroadcastAudience = { focalPoints: [], unreachable: [], groups: [] };
  for (const unit of units) {
    const ofUnit = people.filter((p) => p.unit_id === unit.id);
    if (ofUnit.length === 0) audience.unreachable.push({ name: null, unit: unit.name });
    for (const p of ofUnit) {
      const to = reach.get(p.id);
      if (to) audience.focalPoints.push({ focalPointId: p.id, name: p.full_name, unit: unit.name, reach: to });
      else audience.unreachable.push({ name: p.full_name, unit: unit.name });
    }
  }
  const groups = await db
    .selectFrom('bloc_chat')
    .select(['id', 'title', 'telegram_chat_id'])
    .where('bloc_id', '=', blocId)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  // Group chats are Telegram's: none while Telegram is not running here.
  if (!channels.includes('telegram')) return audience;
  audience.groups = groups.map((g) => ({
    id: g.id,
    title: g.title,
    reach: { channel: 'telegram', address: g.telegram_chat_id },
  }));
  return audience;
}

// Who a broadcast goes to: the active focal points (and unit heads) of the bloc's current member
// units who linked their Telegram, and, if asked, the bloc's active group chats. Those who cannot
// be reached are named, so the admin knows whom to tell another way.

import type { UnreachableRecipient } from './broadcasts.js';
import type { Db } from './connection.js';
import { listMemberUnits } from './units.js';

export interface BroadcastAudience {
  focalPoints: { focalPointId: number; name: string; unit: string; chatId: string }[];
  unreachable: UnreachableRecipient[];
  groups: { id: number; title: string | null; chatId: string }[];
}

/** The audience on `today` (a 'YYYY-MM-DD' date in the bloc's time zone), in the units' display order. */
export async function broadcastAudience(db: Db, blocId: number, today: string): Promise<BroadcastAudience> {
  const units = await listMemberUnits(db, blocId, today);
  const people =
    units.length === 0
      ? []
      : await db
          .selectFrom('focal_point')
          .select(['id', 'unit_id', 'full_name', 'telegram_chat_id'])
          .where(
            'unit_id',
            'in',
            units.map((u) => u.id),
          )
          .where('status', '=', 'active')
          .orderBy('id')
          .execute();
  const audience: BroadcastAudience = { focalPoints: [], unreachable: [], groups: [] };
  for (const unit of units) {
    const ofUnit = people.filter((p) => p.unit_id === unit.id);
    if (ofUnit.length === 0) audience.unreachable.push({ name: null, unit: unit.name });
    for (const p of ofUnit) {
      if (p.telegram_chat_id)
        audience.focalPoints.push({
          focalPointId: p.id,
          name: p.full_name,
          unit: unit.name,
          chatId: p.telegram_chat_id,
        });
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
  audience.groups = groups.map((g) => ({ id: g.id, title: g.title, chatId: g.telegram_chat_id }));
  return audience;
}

// Sending a broadcast: the broadcast record, one outbox row per recipient and the audit entry, all
// in the caller's transaction. The form's one-time nonce makes a second submit of the same form
// find the first broadcast instead of queuing everything again.

import { broadcastMessage } from '../../core/broadcast-text.js';
import { broadcastAudience } from '../../db/broadcast-audience.js';
import {
  broadcastDedupeKey,
  createBroadcast,
  findBroadcastByNonce,
  setBroadcastRecipients,
} from '../../db/broadcasts.js';
import type { Db } from '../../db/connection.js';
import { enqueueOutbox } from '../../db/outbox.js';
import type { Broadcast } from '../../db/schema.js';
import type { AuditNote } from '../http/change.js';
// until the outbox renders at send time (issue 12)
import { renderTelegramMessage } from '../../bot/telegram/render-message.js';

export type QueueOutcome = { kind: 'queued' | 'duplicate'; broadcast: Broadcast } | { kind: 'no_recipients' };

export async function queueBroadcast(
  trx: Db,
  audit: (note: AuditNote) => Promise<void>,
  b: {
    bloc: { id: number; name: string };
    nonce: string;
    text: string;
    includeGroups: boolean;
    sender: { username: string; displayName: string };
    now: Date;
    today: string;
  },
): Promise<QueueOutcome> {
  const earlier = await findBroadcastByNonce(trx, b.bloc.id, b.nonce);
  if (earlier) return { kind: 'duplicate', broadcast: earlier };
  const audience = await broadcastAudience(trx, b.bloc.id, b.today);
  const chats = [
    ...audience.focalPoints.map((p) => ({ chatId: p.chatId, chatType: 'private' as const })),
    ...(b.includeGroups ? audience.groups.map((g) => ({ chatId: g.chatId, chatType: 'group' as const })) : []),
  ];
  if (chats.length === 0) return { kind: 'no_recipients' };
  const broadcast = await createBroadcast(trx, {
    blocId: b.bloc.id,
    nonce: b.nonce,
    text: b.text,
    includeGroups: b.includeGroups,
    senderName: b.sender.displayName,
    createdBy: b.sender.username,
    at: b.now,
    unreachable: audience.unreachable,
  });
  // The typed text is limited (BROADCAST_MAX_CHARS), so an announcement is always one part.
  const [payload] = renderTelegramMessage(broadcastMessage(b.bloc.name, b.text, b.sender.displayName), {});
  let queued = 0;
  for (const chat of chats) {
    const added = await enqueueOutbox(trx, {
      dedupeKey: broadcastDedupeKey(broadcast.id, chat.chatId),
      blocId: b.bloc.id,
      kind: 'broadcast',
      chatId: chat.chatId,
      chatType: chat.chatType,
      payload: payload!,
      now: b.now,
    });
    if (added) queued++;
  }
  await setBroadcastRecipients(trx, broadcast.id, queued);
  await audit({
    action: 'broadcast.send',
    entity: 'broadcast',
    entityId: broadcast.id,
    blocId: b.bloc.id,
    details: {
      recipients: queued,
      groups: b.includeGroups ? audience.groups.length : 0,
      unreachable: audience.unreachable.length,
      characters: b.text.length,
    },
  });
  return { kind: 'queued', broadcast: { ...broadcast, recipients: queued } };
}

// Sending a broadcast: the broadcast record, one outbox row per recipient and the audit entry, all
// in the caller's transaction. The form's one-time nonce makes a second submit of the same form
// find the first broadcast instead of queuing everything again.

import { broadcastMessage } from '../../core/broadcast-text.js';
import { broadcastAudience } from '../../db/broadcast-audience.js';
import {
  type Broadcast,
  broadcastDedupeKey,
  createBroadcast,
  findBroadcastByNonce,
  setBroadcastRecipients,
} from '../../db/broadcasts.js';
import type { Db } from '../../db/connection.js';
import type { RunningChannels } from '../../db/contact-addresses.js';
import { enqueueOutbox } from '../../db/outbox.js';
import type { AuditNote } from '../http/change.js';

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
    /** The channels this process delivers through (AdminDeps). */
    channels: RunningChannels;
  },
): Promise<QueueOutcome> {
  const earlier = await findBroadcastByNonce(trx, b.bloc.id, b.nonce);
  if (earlier) return { kind: 'duplicate', broadcast: earlier };
  const audience = await broadcastAudience(trx, b.bloc.id, b.today, b.channels);
  const recipients = [
    ...audience.focalPoints.map((p) => ({ ...p.reach, audience: 'person' as const })),
    ...(b.includeGroups ? audience.groups.map((g) => ({ ...g.reach, audience: 'group' as const })) : []),
  ];
  if (recipients.length === 0) return { kind: 'no_recipients' };
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
  const message = broadcastMessage(b.bloc.name, b.text, b.sender.displayName);
  let queued = 0;
  for (const to of recipients) {
    const added = await enqueueOutbox(trx, {
      dedupeKey: broadcastDedupeKey(broadcast.id, to),
      blocId: b.bloc.id,
      kind: 'broadcast',
      channel: to.channel,
      address: to.address,
      audience: to.audience,
      message,
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

import { afterEach, describe, expect, it } from 'vitest';
import { linkBlocChat } from '../../src/db/bloc-chats.js';
import { addContactAddress } from '../../src/db/contact-addresses.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

// Who a message went to is an address on a channel (decision 0090): the same string on another
// channel is someone else, and the delivery page names only people of its own bloc.

let a: AdminTest | undefined;
afterEach(async () => {
  await a?.close();
  a = undefined;
});

async function queue(
  db: AdminTest['db'],
  key: string,
  to: { channel: string; address: string; audience?: 'person' | 'group' },
  status: 'queued' | 'failed' = 'queued',
) {
  await enqueueOutbox(db, {
    dedupeKey: key,
    blocId: 1,
    kind: 'reminder',
    channel: to.channel,
    address: to.address,
    audience: to.audience ?? 'person',
    message: { topic: 'reminder', title: key, blocks: [], actions: [] },
    now: NOW,
  });
  if (status === 'failed')
    await db
      .updateTable('outbox_message')
      .set({ status: 'failed', failure_reason: 'blocked', last_error: 'blocked', attempts: 1 })
      .where('dedupe_key', '=', key)
      .execute();
}

describe('the recipients of the delivery page', () => {
  it('are named by their address on the message’s channel, and only within the bloc', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 2 });
    const other = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const [first, second] = bloc.focalPointIds as [number, number];
    await a.db
      .updateTable('focal_point')
      .set({ full_name: 'Người khối khác' })
      .where('id', '=', other.focalPointIds[0]!)
      .execute();
    const at = new Date('2026-11-01T00:00:00Z');
    // '5001' is the first's Telegram address and, on the other channel, the second's.
    await addContactAddress(a.db, { focalPointId: first, channel: 'telegram', address: '5001', at });
    await addContactAddress(a.db, { focalPointId: second, channel: 'fake', address: '5001', at });
    // 'moved@fake' now belongs to someone of another bloc.
    await addContactAddress(a.db, {
      focalPointId: other.focalPointIds[0]!,
      channel: 'fake',
      address: 'moved@fake',
      at,
    });
    await queue(a.db, 'to-telegram', { channel: 'telegram', address: '5001' }, 'failed');
    await queue(a.db, 'to-moved', { channel: 'fake', address: 'moved@fake' }, 'failed');

    const c = await signIn(a, 'viewer', 1);
    const html = await (await c.get('/blocs/1/delivery')).text();
    expect(html).toContain('Cán bộ 1 (Đơn vị 1)');
    expect(html).not.toContain('Cán bộ 2 (Đơn vị 2)');
    expect(html).not.toContain('Người khối khác');
    expect(html).toContain('moved@fake');
  });

  it('stopping a group cancels what is queued for it on Telegram, not another channel’s same address', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const group = await linkBlocChat(a.db, { blocId: 1, telegramChatId: '-1001', title: 'Nhóm khối', at: NOW });
    await queue(a.db, 'group-telegram', { channel: 'telegram', address: '-1001', audience: 'group' });
    await queue(a.db, 'same-address-fake', { channel: 'fake', address: '-1001', audience: 'group' });

    const c = await signIn(a, 'bloc_admin', 1);
    expect((await c.post(`/blocs/1/delivery/groups/${group.id}/deactivate`)).status).toBe(303);
    const rows = await a.db
      .selectFrom('outbox_message')
      .select(['dedupe_key', 'status', 'failure_reason'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { dedupe_key: 'group-telegram', status: 'failed', failure_reason: 'chat_stopped' },
      { dedupe_key: 'same-address-fake', status: 'queued', failure_reason: null },
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { addContactAddress, listContactAddresses } from '../../src/db/contact-addresses.js';
import { linkTelegramAccount } from '../../src/db/focal-points.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

// A focal point's page shows where the product reaches them, in their order, and an editor puts
// another channel first (decision 0090); a viewer sees the order but cannot change it.

describe("a focal point's channels", () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup(role: 'bloc_admin' | 'viewer') {
    a = await createAdminTest({});
    const bloc = await createSmallBloc(a.db, { units: 2 });
    const fp = bloc.focalPointIds[0]!;
    await linkTelegramAccount(a.db, fp, { userId: '5001', chatId: '5001', username: 'minhthu', at: NOW.toISOString() });
    const zalo = await addContactAddress(a.db, { focalPointId: fp, channel: 'zalo', address: '0912345678', at: NOW });
    return { fp, zalo, c: await signIn(a, role, bloc.blocId) };
  }

  it('lists them in order and puts the chosen one first, audited', async () => {
    const { fp, zalo, c } = await setup('bloc_admin');
    const page = await (await c.get(`/blocs/1/focal-points/${fp}`)).text();
    expect(page).toContain('Kênh nhận tin');
    expect(page.indexOf('@minhthu')).toBeLessThan(page.indexOf('0912345678'));
    expect(page).toContain(`/blocs/1/focal-points/${fp}/addresses/${zalo.id}/prefer`);

    const res = await c.post(`/blocs/1/focal-points/${fp}/addresses/${zalo.id}/prefer`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/blocs/1/focal-points/${fp}?ok=channelPreferred#channels`);
    expect((await listContactAddresses(a.db, fp)).map((x) => x.channel)).toEqual(['zalo', 'telegram']);
    const audit = await a.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'contact_address.prefer')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({
      channel: 'zalo',
      before: ['telegram', 'zalo'],
      after: ['zalo', 'telegram'],
    });
  });

  it('refuses an address of someone else and lets a viewer change nothing', async () => {
    const { fp, zalo, c } = await setup('bloc_admin');
    expect((await c.post(`/blocs/1/focal-points/${fp + 1}/addresses/${zalo.id}/prefer`, {})).status).toBe(404);
    await a.close();
    const v = await setup('viewer');
    expect((await v.c.post(`/blocs/1/focal-points/${v.fp}/addresses/${v.zalo.id}/prefer`, {})).status).toBe(403);
    expect((await listContactAddresses(a.db, v.fp)).map((x) => x.channel)).toEqual(['telegram', 'zalo']);
  });

  it('names the person and the channel of a message that failed on another channel than Telegram', async () => {
    const { c } = await setup('bloc_admin');
    await enqueueOutbox(a.db, {
      dedupeKey: 'test:zalo',
      blocId: 1,
      kind: 'reminder',
      channel: 'zalo',
      address: '0912345678',
      audience: 'person',
      message: { topic: 'reminder', title: 'Nhắc', blocks: [], actions: [] },
      now: NOW,
    });
    await a.db.updateTable('outbox_message').set({ status: 'failed', failure_reason: 'blocked' }).execute();
    const page = await (await c.get('/blocs/1/delivery')).text();
    expect(page).toContain('Cán bộ 1 (Đơn vị 1)');
    expect(page).toContain('· Zalo');
  });
});

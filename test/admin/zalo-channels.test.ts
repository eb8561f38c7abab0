import { afterEach, describe, expect, it } from 'vitest';
import { unreachableList } from '../../src/admin/delivery/unreachable-data.js';
import { getBloc } from '../../src/db/blocs.js';
import { addContactAddress } from '../../src/db/contact-addresses.js';
import { linkTelegramAccount } from '../../src/db/focal-points.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { at, TZ } from '../jobs/support.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

// On a server running Telegram and Zalo, a focal point's page shows each channel and its state:
// linked, blocked the bot (the last delivery there failed as 'blocked'), never linked; and how to
// link on Zalo: the invite code typed to the bot, with the bot's link and QR (issue 13, decision
// 0097). A person who blocked the bot on Zalo is in the unreachable list with that reason.

describe('Zalo on the focal point page', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup() {
    a = await createAdminTest({ channels: ['telegram', 'zalo'], zaloBotUrl: 'https://zalo.me/s/khoithidua6' });
    const bloc = await createSmallBloc(a.db, { name: 'Khối thi đua số 6', units: 3, year: 2026 });
    const [fp1, fp2] = bloc.focalPointIds;
    await linkTelegramAccount(a.db, fp1!, {
      userId: '5001',
      chatId: '5001',
      username: 'minhthu',
      at: NOW.toISOString(),
    });
    await addContactAddress(a.db, { focalPointId: fp2!, channel: 'zalo', address: 'zalo-blocked', at: NOW });
    return { bloc, fp1: fp1!, fp2: fp2!, c: await signIn(a, 'bloc_admin', bloc.blocId) };
  }

  it('shows Zalo never linked with the code to type to the bot and the bot’s link, after an invite is made', async () => {
    const { fp1, c } = await setup();
    let page = await (await c.get(`/blocs/1/focal-points/${fp1}`)).text();
    expect(page).toMatch(/<td>Zalo<\/td><td><\/td><td class="muted">Chưa liên kết<\/td>/);
    expect(page).toContain('Liên kết Zalo');
    expect(page).toContain('Tạo mã mời');

    expect((await c.post(`/blocs/1/focal-points/${fp1}/invite`, {})).status).toBe(303);
    const invite = await a.db
      .selectFrom('invite')
      .select('code')
      .where('focal_point_id', '=', fp1)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    page = await (await c.get(`/blocs/1/focal-points/${fp1}`)).text();
    expect(page).toContain(`/start ${invite.code}`);
    expect(page).toContain('href="https://zalo.me/s/khoithidua6"');
    expect(page).toContain('alt="Mã QR mở bot Zalo của Khối thi đua"');
    expect(page).toContain('@minhthu');
  });

  it('reports a person who blocked the bot on Zalo, on their page and in the unreachable list', async () => {
    const { bloc, fp2, c } = await setup();
    await enqueueOutbox(a.db, {
      dedupeKey: 'test:zalo-blocked',
      blocId: bloc.blocId,
      kind: 'reminder',
      channel: 'zalo',
      address: 'zalo-blocked',
      audience: 'person',
      message: { topic: 'reminder', title: 'Nhắc', blocks: [], actions: [] },
      now: NOW,
    });
    await a.db.updateTable('outbox_message').set({ status: 'failed', failure_reason: 'blocked' }).execute();

    const page = await (await c.get(`/blocs/1/focal-points/${fp2}`)).text();
    expect(page).toMatch(/<td>Zalo<\/td><td class="code">zalo-blocked<\/td><td>Đã chặn, không nhận tin<\/td>/);
    expect(page).toMatch(/<td>Telegram<\/td><td><\/td><td class="muted">Chưa liên kết<\/td>/);
    // Linked on Zalo already: no Zalo linking help.
    expect(page).not.toContain('Liên kết Zalo');

    const list = await unreachableList(a.db, (await getBloc(a.db, bloc.blocId))!, at('2026-11-30', '16:00'), TZ, [
      'telegram',
      'zalo',
    ]);
    const w48 = list.periods.find((p) => p.period.key === '2026-W48')?.rows ?? [];
    expect(w48.map((r) => [r.focalPoint?.id, r.reason])).toEqual(expect.arrayContaining([[fp2, 'blocked']]));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { unreachableList } from '../../src/admin/delivery/unreachable-data.js';
import { contactAddressText } from '../../src/admin/messages/contact-addresses.js';
import { getBloc } from '../../src/db/blocs.js';
import { setAddressState } from '../../src/db/channel-accounts.js';
import { addContactAddress } from '../../src/db/contact-addresses.js';
import { linkTelegramAccount } from '../../src/db/focal-points.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { at, TZ } from '../jobs/support.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

// An address a delivery found blocked (decision 0098): the focal point's page shows it blocked and
// says the next linked channel is used meanwhile; a person whose every address is blocked is in
// «Chưa nhận được nhắc nhở» as having blocked the bot, not as never linked.

describe('a blocked address in the admin', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup() {
    a = await createAdminTest({ channels: ['telegram', 'zalo'] });
    const bloc = await createSmallBloc(a.db, { name: 'Khối thi đua số 6', units: 3, year: 2026 });
    const [fp1, fp2] = bloc.focalPointIds as [number, number];
    // fp1: Zalo first, found blocked; Telegram second, linked.
    await addContactAddress(a.db, { focalPointId: fp1, channel: 'zalo', address: 'zalo-1', at: NOW });
    await linkTelegramAccount(a.db, fp1, {
      userId: '5001',
      chatId: '5001',
      username: 'minhthu',
      at: NOW.toISOString(),
    });
    await setAddressState(a.db, 'zalo', 'zalo-1', 'blocked');
    // fp2: Zalo only, found blocked.
    await addContactAddress(a.db, { focalPointId: fp2, channel: 'zalo', address: 'zalo-2', at: NOW });
    await setAddressState(a.db, 'zalo', 'zalo-2', 'blocked');
    return { bloc, fp1, fp2, c: await signIn(a, 'bloc_admin', bloc.blocId) };
  }

  it('shows the address blocked and says the next channel is used until the person writes to the bot', async () => {
    const { fp1, c } = await setup();
    const page = await (await c.get(`/blocs/1/focal-points/${fp1}`)).text();
    expect(page).toMatch(/<td>Zalo<\/td><td class="code">zalo-1<\/td><td>Đã chặn, không nhận tin<\/td>/);
    expect(page).toMatch(/<td>Telegram<\/td><td class="code">@minhthu<\/td><td>Đang nhận tin<\/td>/);
    expect(page).toContain(contactAddressText.blockedExplain);
    expect(contactAddressText.blockedExplain).toContain('kênh còn liên kết tiếp theo');
    expect(contactAddressText.blockedExplain).toContain('nhắn cho bot');
    expect(page).not.toContain(contactAddressText.failedExplain);
  });

  it('lists in the unreachable list the person whose every address is blocked, as having blocked the bot', async () => {
    const { bloc, fp1, fp2 } = await setup();
    const list = await unreachableList(a.db, (await getBloc(a.db, bloc.blocId))!, at('2026-11-30', '16:00'), TZ, [
      'telegram',
      'zalo',
    ]);
    const w48 = list.periods.find((p) => p.period.key === '2026-W48')?.rows ?? [];
    expect(w48.filter((r) => r.focalPoint?.id === fp2).map((r) => r.reason)).toEqual(['blocked']);
    // fp1 is reached on Telegram meanwhile: not listed.
    expect(w48.some((r) => r.focalPoint?.id === fp1)).toBe(false);
  });
});

// Linking an account to a focal point by a one-time code, and each refusal, which changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContactAddress, listContactAddresses } from '../../src/db/contact-addresses.js';
import { deactivateFocalPoint, getFocalPoint } from '../../src/db/focal-points.js';
import { createInvite, findInvite } from '../../src/db/invites.js';
import { type Account, linkByCode } from '../../src/reporting/link-by-code.js';
import { createUseCaseTest, TUESDAY_W48, type UseCaseTest } from './helpers.js';

let u: UseCaseTest;
beforeEach(async () => {
  u = await createUseCaseTest();
});
afterEach(async () => {
  await u.close();
});

const NOW = new Date(TUESDAY_W48);
const account = (userId: string): Account => ({ channel: 'telegram', userId, address: userId, username: 'cb' });
const link = (a: Account, code: string, now = NOW) =>
  u.t.db.transaction().execute((trx) => linkByCode(trx, a, code, now));
const invite = async (index: number) =>
  (
    await createInvite(u.t.db, {
      kind: 'focal_point',
      focalPointId: u.bloc.focalPointIds[index]!,
      createdBy: 'test',
      now: NOW,
    })
  ).code;

describe('link by code', () => {
  it('links the account once; its owner opening it again is greeted, anyone else is told it was used', async () => {
    const code = await invite(0);
    expect(await link(account('111'), code)).toEqual({ kind: 'linked', focalPointId: u.bloc.focalPointIds[0] });
    expect(await getFocalPoint(u.t.db, u.bloc.focalPointIds[0]!)).toMatchObject({
      telegramUserId: '111',
      telegramChatId: '111',
    });
    expect(await link(account('111'), code)).toMatchObject({ kind: 'linked' });
    expect(await link(account('222'), code)).toEqual({ kind: 'used' });
  });

  it('refuses unknown, malformed, group and expired codes', async () => {
    expect(await link(account('111'), 'fp_nothing')).toEqual({ kind: 'unknown' });
    expect(await link(account('111'), 'không hợp lệ')).toEqual({ kind: 'unknown' });
    const group = await createInvite(u.t.db, { kind: 'group', blocId: u.bloc.blocId, createdBy: 'test', now: NOW });
    expect(await link(account('111'), group.code)).toEqual({ kind: 'forGroup' });
    const code = await invite(0);
    const expiry = (await findInvite(u.t.db, code))!.expiresAt;
    expect(await link(account('111'), code, new Date(expiry))).toEqual({ kind: 'expired', at: new Date(expiry) });
  });

  it('refuses a focal point who left', async () => {
    const code = await invite(0);
    await deactivateFocalPoint(u.t.db, u.bloc.focalPointIds[0]!, TUESDAY_W48);
    expect(await link(account('111'), code)).toEqual({ kind: 'focalPointLeft' });
  });

  it('refuses an account serving another focal point who has not left, and keeps the code usable (decision 0078)', async () => {
    await link(account('111'), await invite(0));
    const code = await invite(1);
    expect(await link(account('111'), code)).toEqual({
      kind: 'accountLinkedElsewhere',
      name: 'Cán bộ 1',
      unitName: 'Đơn vị 1',
    });
    expect((await findInvite(u.t.db, code))!.usedAt).toBeNull();
    expect((await getFocalPoint(u.t.db, u.bloc.focalPointIds[1]!))!.telegramUserId).toBeNull();
    await deactivateFocalPoint(u.t.db, u.bloc.focalPointIds[0]!, TUESDAY_W48);
    expect(await link(account('111'), code)).toMatchObject({ kind: 'linked' });
  });

  it('replaces the old Zalo account with a new one in the same place of the order, as Telegram does', async () => {
    const fp = u.bloc.focalPointIds[0]!;
    const zalo = (userId: string): Account => ({ channel: 'zalo', userId, address: userId, username: 'Cán bộ' });
    await link(account('111'), await invite(0));
    expect(await link(zalo('z-old'), await invite(0))).toMatchObject({ kind: 'linked' });
    await addContactAddress(u.t.db, { focalPointId: fp, channel: 'email', address: 'cb@example.vn', at: NOW });
    const order = async () => (await listContactAddresses(u.t.db, fp)).map((a) => `${a.channel}:${a.address}`);
    expect(await order()).toEqual(['telegram:111', 'zalo:z-old', 'email:cb@example.vn']);

    expect(await link(zalo('z-new'), await invite(0))).toMatchObject({ kind: 'linked' });
    expect(await order()).toEqual(['telegram:111', 'zalo:z-new', 'email:cb@example.vn']);
    // The same account linked again keeps its place.
    expect(await link(zalo('z-new'), await invite(0))).toMatchObject({ kind: 'linked' });
    expect(await order()).toEqual(['telegram:111', 'zalo:z-new', 'email:cb@example.vn']);
  });
});

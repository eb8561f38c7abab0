// A focal point whose Telegram address a delivery found blocked is reached on their next channel
// meanwhile; writing to the bot again in private (a message, or «Restart», which sends /start)
// makes the address linked and first again (decision 0098).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setAddressState } from '../../src/db/channel-accounts.js';
import { addContactAddress, listContactAddresses, preferredAddresses } from '../../src/db/contact-addresses.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

const RUNNING = ['telegram', 'zalo'];

it('links the blocked Telegram address again when the person writes to the bot, and reaches them there first', async () => {
  const fp = h.bloc.focalPointIds[0]!;
  const chat = await h.linkedChat(0, 901);
  await addContactAddress(h.t.db, { focalPointId: fp, channel: 'zalo', address: 'zalo-901', at: h.clock.now() });
  const [telegram] = await listContactAddresses(h.t.db, fp);
  expect(telegram).toMatchObject({ channel: 'telegram', state: 'linked' });
  const reach = async () => (await preferredAddresses(h.t.db, [fp], RUNNING)).get(fp);

  // A delivery found the chat blocked (test/delivery/blocked-address.test.ts): Zalo is used meanwhile.
  await setAddressState(h.t.db, 'telegram', telegram!.address, 'blocked');
  expect(await reach()).toEqual({ channel: 'zalo', address: 'zalo-901' });

  await chat.send('xin chào');
  expect((await listContactAddresses(h.t.db, fp)).map((a) => [a.channel, a.state])).toEqual([
    ['telegram', 'linked'],
    ['zalo', 'linked'],
  ]);
  expect(await reach()).toEqual({ channel: 'telegram', address: telegram!.address });

  // «Restart» after unblocking sends /start, handled before the access gate: linked again too.
  await setAddressState(h.t.db, 'telegram', telegram!.address, 'blocked');
  await chat.send('/start');
  expect(chat.lastText()).toContain('Xin chào đồng chí Cán bộ 1.');
  expect(await reach()).toEqual({ channel: 'telegram', address: telegram!.address });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { findBlocChat } from '../../src/db/bloc-chats.js';
import { createInvite, findInvite, inviteLink } from '../../src/db/invites.js';
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

const groupInvite = () =>
  createInvite(h.t.db, { kind: 'group', blocId: h.bloc.blocId, createdBy: 'test', now: h.clock.now() });

it('links the bloc group through ?startgroup=<code>, as Telegram sends /start@bot <code> in the group', async () => {
  const invite = await groupInvite();
  expect(inviteLink(h.runner.botUsername!, invite)).toBe(`https://t.me/khoithidua_test_bot?startgroup=${invite.code}`);
  const group = h.emu.chat({
    chatId: -100123,
    type: 'supergroup',
    title: 'Khối thi đua số 6',
    userId: 900,
    memberStatus: 'creator',
  });
  await group.send(`/start@khoithidua_test_bot ${invite.code}`);
  expect(group.lastText()).toBe(
    'Nhóm "Khối thi đua số 6" đã được liên kết với Khối thi đua thử nghiệm. Bot sẽ gửi bản tin tổng hợp tình hình báo cáo của Khối vào nhóm này.',
  );
  expect(await findBlocChat(h.t.db, '-100123')).toMatchObject({
    blocId: h.bloc.blocId,
    title: 'Khối thi đua số 6',
    active: true,
  });
  expect((await findInvite(h.t.db, invite.code))?.usedByTelegramId).toBe('900');

  // The same link again in the same group is not an error; in another group it is used up.
  await group.send(`/start@khoithidua_test_bot ${invite.code}`);
  expect(group.lastText()).toContain('đã được liên kết với Khối thi đua thử nghiệm');
  const other = h.emu.chat({
    chatId: -100999,
    type: 'group',
    title: 'Nhóm khác',
    userId: 901,
    memberStatus: 'administrator',
  });
  await other.send(`/start@khoithidua_test_bot ${invite.code}`);
  expect(other.lastText()).toContain('Liên kết mời này đã được sử dụng');
  expect(await findBlocChat(h.t.db, '-100999')).toBeUndefined();
  await other.send('/start');
  expect(other.lastText()).toContain('xin dùng liên kết mời nhóm');
});

it('refuses a personal invite, an unknown and an expired code in a group', async () => {
  const group = h.emu.chat({ chatId: -200, type: 'group', title: 'Nhóm', userId: 902 });
  const personal = await createInvite(h.t.db, {
    kind: 'focal_point',
    focalPointId: h.bloc.focalPointIds[0]!,
    createdBy: 't',
    now: h.clock.now(),
  });
  await group.send(`/start@khoithidua_test_bot ${personal.code}`);
  expect(group.lastText()).toContain('Xin đồng chí mở liên kết trong cuộc trò chuyện riêng với bot.');
  expect((await findInvite(h.t.db, personal.code))?.usedAt).toBeNull();
  await group.send('/start@khoithidua_test_bot gr_khongco');
  expect(group.lastText()).toContain('Mã mời không đúng');
  const old = await groupInvite();
  h.clock.set('2026-12-09T03:00:00Z');
  await group.send(`/start@khoithidua_test_bot ${old.code}`);
  expect(group.lastText()).toContain('Liên kết mời đã hết hạn từ 10:00 08/12/2026');
  expect(await findBlocChat(h.t.db, '-200')).toBeUndefined();
});

it('answers report commands in a group briefly, pointing to the private chat, and ignores chatter', async () => {
  const group = h.emu.chat({ chatId: -300, type: 'group', title: 'Nhóm', userId: 903 });
  for (const command of ['/baocao', '/trangthai@khoithidua_test_bot', '/trogiup', '/huy']) {
    await group.send(command);
    expect(group.lastText()).toBe(
      'Báo cáo tiến độ chỉ gửi trong cuộc trò chuyện riêng với bot. Xin đồng chí nhắn riêng tại https://t.me/khoithidua_test_bot',
    );
    expect(group.lastMessage().buttons).toEqual([
      [{ text: 'Nhắn riêng cho bot', url: 'https://t.me/khoithidua_test_bot' }],
    ]);
  }
  const before = group.messages().length;
  await group.send('Chào cả nhà');
  await group.send('/baocao@bot_khac');
  await group.sendPhoto({ fileId: 'P', fileUniqueId: 'U' });
  await group.sendRaw({ new_chat_members: [{ id: 905, is_bot: false, first_name: 'Minh' }] });
  expect(group.messages()).toHaveLength(before);
});

it('follows a group upgraded to a supergroup and unlinks a group the bot was removed from', async () => {
  const invite = await groupInvite();
  const group = h.emu.chat({
    chatId: -400,
    type: 'group',
    title: 'Khối 6',
    userId: 904,
    memberStatus: 'administrator',
  });
  await group.send(`/start@khoithidua_test_bot ${invite.code}`);
  await group.sendRaw({ migrate_to_chat_id: -100400 });
  expect(await findBlocChat(h.t.db, '-400')).toBeUndefined();
  expect((await findBlocChat(h.t.db, '-100400'))?.blocId).toBe(h.bloc.blocId);

  const upgraded = h.emu.chat({ chatId: -100400, type: 'supergroup', title: 'Khối 6', userId: 904 });
  await upgraded.botStatusChanged('member', 'kicked');
  // Stopped, still its bloc's, and the bloc's log says who removed the bot.
  expect(await findBlocChat(h.t.db, '-100400')).toMatchObject({ active: false, blocId: h.bloc.blocId });
  const removed = await h.t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'bloc_chat.bot_removed')
    .execute();
  expect(removed).toMatchObject([{ actor: 'telegram:904', bloc_id: h.bloc.blocId, entity: 'bloc_chat' }]);
  expect(JSON.parse(removed[0]!.details!)).toEqual({ title: 'Khối 6', telegramChatId: '-100400' });
  // Removed again (or from a group never linked), nothing more is recorded.
  await upgraded.botStatusChanged('left', 'kicked');
  await h.emu.chat({ chatId: -500, type: 'group', userId: 905 }).botStatusChanged('member', 'left');
  expect(
    await h.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'bloc_chat.bot_removed').execute(),
  ).toHaveLength(1);
});

it('stays silent when a person blocks or unblocks the bot in a private chat', async () => {
  const chat = await h.linkedChat(0);
  const before = chat.messages().length;
  await chat.botStatusChanged('member', 'kicked');
  await chat.botStatusChanged('kicked', 'member');
  expect(chat.messages()).toHaveLength(before);
});

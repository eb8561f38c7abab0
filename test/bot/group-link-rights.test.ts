// Who may link a Telegram group to a bloc, and what a code can no longer do: move a group that
// receives another bloc's messages, be used by a member who is not a group administrator, or be
// sent on behalf of a channel (docs/decisions/0077).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findBlocChat, linkBlocChat } from '../../src/db/bloc-chats.js';
import { createInvite, findInvite } from '../../src/db/invites.js';
import { createSmallBloc } from '../helpers/fixtures.js';
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

const BOT = '@khoithidua_test_bot';
const groupInvite = (blocId: number) =>
  createInvite(h.t.db, { kind: 'group', blocId, createdBy: 'test', now: h.clock.now() });
const audit = (action: string) =>
  h.t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

/** Bloc B ("Khối thi đua số 2") with its group linked by the group's creator. */
async function blocBWithItsGroup() {
  const blocB = await createSmallBloc(h.t.db, { name: 'Khối thi đua số 2', units: 1 });
  const owner = h.emu.chat({
    chatId: -100222,
    type: 'supergroup',
    title: 'Nhóm Khối 2',
    userId: 2201,
    memberStatus: 'creator',
  });
  await owner.send(`/start${BOT} ${(await groupInvite(blocB.blocId)).code}`);
  expect(owner.lastText()).toContain('đã được liên kết với Khối thi đua số 2');
  return { blocB, owner };
}

it("refuses another bloc's code in a linked group, from a member or a group administrator, and changes nothing", async () => {
  const { blocB } = await blocBWithItsGroup();
  const codeA = (await groupInvite(h.bloc.blocId)).code;
  const refusal =
    'Nhóm này đang nhận bản tin của Khối thi đua số 2, nên không thể liên kết với khối thi đua khác bằng mã mời này; không có gì thay đổi. Muốn chuyển nhóm sang khối khác, Văn phòng Khối thi đua số 2 cần ngừng gửi tin vào nhóm trên trang quản trị trước.';
  for (const memberStatus of ['member', 'administrator'] as const) {
    const sender = h.emu.chat({
      chatId: -100222,
      type: 'supergroup',
      title: 'Nhóm Khối 2',
      userId: 2202,
      memberStatus,
    });
    await sender.send(`/start${BOT} ${codeA}`);
    expect(sender.lastText()).toBe(refusal);
  }
  expect(await findBlocChat(h.t.db, '-100222')).toMatchObject({ blocId: blocB.blocId, active: true });
  expect((await findInvite(h.t.db, codeA))?.usedAt).toBeNull();
  expect(await audit('bloc_chat.link')).toHaveLength(1);
  // The database refuses the move too, should a caller forget to check.
  await expect(
    linkBlocChat(h.t.db, { blocId: h.bloc.blocId, telegramChatId: '-100222', title: 'x', at: h.clock.now() }),
  ).rejects.toThrow('Telegram group -100222 is linked to another bloc');
  expect(await findBlocChat(h.t.db, '-100222')).toMatchObject({ blocId: blocB.blocId, title: 'Nhóm Khối 2' });

  // Nothing a member sends in the group unlinks or moves it.
  const member = h.emu.chat({ chatId: -100222, type: 'supergroup', title: 'Nhóm Khối 2', userId: 2203 });
  for (const text of ['/start', `/start${BOT}`, '/huy', '/baocao', 'gr_xyz']) await member.send(text);
  expect(await findBlocChat(h.t.db, '-100222')).toMatchObject({ blocId: blocB.blocId, active: true });
});

it("links a group its bloc stopped to another bloc by a group administrator, and tells the old bloc's log", async () => {
  const { blocB } = await blocBWithItsGroup();
  const chat = (await findBlocChat(h.t.db, '-100222'))!;
  await h.t.db.updateTable('bloc_chat').set({ active: 0 }).where('id', '=', chat.id).execute();
  const codeA = (await groupInvite(h.bloc.blocId)).code;
  const admin = h.emu.chat({
    chatId: -100222,
    type: 'supergroup',
    title: 'Nhóm Khối 2',
    userId: 2204,
    memberStatus: 'administrator',
  });
  await admin.send(`/start${BOT} ${codeA}`);
  expect(admin.lastText()).toContain('đã được liên kết với Khối thi đua thử nghiệm');
  expect(await findBlocChat(h.t.db, '-100222')).toMatchObject({ id: chat.id, blocId: h.bloc.blocId, active: true });
  const [, link] = await audit('bloc_chat.link');
  expect(link).toMatchObject({ bloc_id: h.bloc.blocId, actor: 'telegram:2204' });
  expect(JSON.parse(link!.details!)).toMatchObject({ movedFromBlocId: blocB.blocId });
  const [moved] = await audit('bloc_chat.moved_away');
  expect(moved).toMatchObject({ bloc_id: blocB.blocId, entity_id: String(chat.id) });
  expect(JSON.parse(moved!.details!)).toEqual({ toBlocId: h.bloc.blocId, title: 'Nhóm Khối 2' });
});

it('links only for a group administrator, asking Telegram, and leaves the code for the administrator', async () => {
  const invite = await groupInvite(h.bloc.blocId);
  const member = h.emu.chat({ chatId: -100300, type: 'group', title: 'Nhóm Khối', userId: 3001 });
  await member.send(`/start${BOT} ${invite.code}`);
  expect(member.lastText()).toBe(
    'Chỉ quản trị viên của nhóm mới liên kết được nhóm với khối thi đua; không có gì thay đổi. Xin đồng chí đề nghị quản trị viên nhóm mở liên kết mời.',
  );
  expect(h.emu.callsOf('getChatMember').map((c) => c.params)).toEqual([{ chat_id: -100300, user_id: 3001 }]);
  expect(await findBlocChat(h.t.db, '-100300')).toBeUndefined();
  expect((await findInvite(h.t.db, invite.code))?.usedAt).toBeNull();

  // Promoted, the same person links with the same code.
  h.emu.setChatMember(-100300, 3001, 'administrator');
  await member.send(`/start${BOT} ${invite.code}`);
  expect(member.lastText()).toContain('Nhóm "Nhóm Khối" đã được liên kết với Khối thi đua thử nghiệm.');
  expect((await findBlocChat(h.t.db, '-100300'))?.blocId).toBe(h.bloc.blocId);
});

it('links for an anonymous administrator (posting as the group) but not for a message sent as a channel', async () => {
  const invite = await groupInvite(h.bloc.blocId);
  const group = h.emu.chat({ chatId: -100400, type: 'supergroup', title: 'Nhóm Khối', userId: 4001 });
  await group.sendAs(`/start${BOT} ${invite.code}`, { channelId: -100401, title: 'Kênh riêng' });
  expect(group.lastText()).toBe(
    'Lệnh gửi dưới danh nghĩa một kênh không liên kết được nhóm; không có gì thay đổi. Xin quản trị viên nhóm gửi lệnh bằng tài khoản của mình hoặc ẩn danh với tư cách quản trị viên nhóm.',
  );
  expect(await findBlocChat(h.t.db, '-100400')).toBeUndefined();
  expect((await findInvite(h.t.db, invite.code))?.usedAt).toBeNull();

  await group.sendAs(`/start${BOT} ${invite.code}`, 'group');
  expect(group.lastText()).toContain('đã được liên kết với Khối thi đua thử nghiệm');
  expect((await findBlocChat(h.t.db, '-100400'))?.active).toBe(true);
  // Telegram is not asked about its placeholder senders.
  expect(h.emu.callsOf('getChatMember')).toEqual([]);
  const [link] = await audit('bloc_chat.link');
  expect(JSON.parse(link!.details!)).toMatchObject({ anonymousAdmin: true });
});

it("answers 'already linked' to its own bloc's new code and keeps the code for another group", async () => {
  const first = await groupInvite(h.bloc.blocId);
  const admin = h.emu.chat({
    chatId: -100500,
    type: 'supergroup',
    title: 'Nhóm Khối',
    userId: 5001,
    memberStatus: 'administrator',
  });
  await admin.send(`/start${BOT} ${first.code}`);
  const second = await groupInvite(h.bloc.blocId);
  h.clock.set('2026-11-25T03:00:00Z');
  await admin.send(`/start${BOT} ${second.code}`);
  expect(admin.lastText()).toBe(
    'Nhóm "Nhóm Khối" đã được liên kết với Khối thi đua thử nghiệm từ trước, không cần liên kết lại. Bot vẫn gửi bản tin của Khối vào nhóm này.',
  );
  expect((await findInvite(h.t.db, second.code))?.usedAt).toBeNull();
  expect((await findBlocChat(h.t.db, '-100500'))?.linkedAt).toBe('2026-11-24T03:00:00.000Z');
  expect(await audit('bloc_chat.link')).toHaveLength(1);
});

it('says so when Telegram cannot tell whether the sender is an administrator, and links nothing', async () => {
  const invite = await groupInvite(h.bloc.blocId);
  const group = h.emu.chat({ chatId: -100600, type: 'supergroup', title: 'Nhóm Khối', userId: 6001 });
  h.emu.setChatMember(-100600, 6001, { error: 'Bad Request: member list is inaccessible' });
  await group.send(`/start${BOT} ${invite.code}`);
  expect(group.lastText()).toBe(
    'Bot chưa kiểm tra được đồng chí có phải quản trị viên của nhóm hay không, nên chưa liên kết nhóm. Xin đồng chí gửi lại lệnh sau ít phút; nếu vẫn không được, xin đặt bot làm quản trị viên của nhóm rồi gửi lại.',
  );
  expect(await findBlocChat(h.t.db, '-100600')).toBeUndefined();
  expect((await findInvite(h.t.db, invite.code))?.usedAt).toBeNull();
  expect(h.log.records.some((r) => r.msg === 'could not ask Telegram whether a group member is an administrator')).toBe(
    true,
  );
});

it('ignores a group code posted in a channel', async () => {
  const invite = await groupInvite(h.bloc.blocId);
  const text = `/start${BOT} ${invite.code}`;
  const channel = { id: -100700, type: 'channel', title: 'Kênh Khối' };
  await h.emu.deliver({
    update_id: h.emu.reserveUpdateId(),
    channel_post: {
      message_id: 1,
      sender_chat: channel,
      chat: channel,
      date: 1_764_000_000,
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.indexOf(' ') }],
    },
  });
  expect(h.emu.messagesIn(-100700)).toEqual([]);
  expect(await findBlocChat(h.t.db, '-100700')).toBeUndefined();
  expect((await findInvite(h.t.db, invite.code))?.usedAt).toBeNull();
});

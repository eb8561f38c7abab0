// The Bot API emulator is what every bot test trusts, so it is tested too: calls outside the
// Bot API spec must be caught, and long polling must follow Telegram's offset rule.
import { Telegram, TelegramError } from 'telegraf';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BotEmulator } from '../helpers/bot-emulator.js';

let emu: BotEmulator;
let tg: Telegram;
beforeEach(async () => {
  emu = await BotEmulator.start();
  tg = new Telegram(emu.token, { apiRoot: emu.apiRoot });
});
afterEach(() => emu.close());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TelegramError,
  );

it('accepts valid calls and keeps the chat as the user would see it', async () => {
  const sent = await tg.sendMessage(5, 'Xin chào', {
    reply_markup: { inline_keyboard: [[{ text: 'Nút', callback_data: 'a:1' }]] },
  });
  expect(emu.messagesIn(5)[0]?.buttons).toEqual([[{ text: 'Nút', data: 'a:1', url: undefined }]]);
  await tg.editMessageReplyMarkup(5, sent.message_id, undefined, undefined);
  expect(emu.messagesIn(5)[0]?.buttons).toEqual([]);
  const second = await tg.sendMessage(5, 'Chọn', {
    reply_markup: { inline_keyboard: [[{ text: 'Nút', callback_data: 'a:2' }]] },
  });
  await tg.editMessageText(5, second.message_id, undefined, 'Đã chọn');
  expect(emu.messagesIn(5)[1]).toEqual({ messageId: second.message_id, chatId: '5', text: 'Đã chọn', buttons: [] });
  expect(emu.violations).toEqual([]);
});

it('refuses and records calls the Bot API spec does not allow', async () => {
  const cases: [Promise<unknown>, string][] = [
    [
      tg.callApi('sendMessage', { chat_id: 5, text: 'x', colour: 'red' } as never),
      'sendMessage.colour: unknown parameter of sendMessage',
    ],
    [tg.sendMessage(5, 'x'.repeat(4097)), 'sendMessage.text: length 4097 is outside 1-4096'],
    [tg.sendMessage(5, ''), 'sendMessage.text: length 0 is outside 1-4096'],
    [
      tg.sendMessage(5, 'x', { reply_markup: { inline_keyboard: [[{ text: 'Nút', callback_data: 'đ'.repeat(33) }]] } }),
      'sendMessage.reply_markup.inline_keyboard[0][0].callback_data: callback_data is 66 bytes, must be 1-64',
    ],
    [tg.callApi('sendMessage', { text: 'x' } as never), 'sendMessage.chat_id: required'],
    [
      tg.setMyCommands([{ command: 'BaoCao', description: 'Gửi' }]),
      'setMyCommands.commands[0].command: bad command "BaoCao"',
    ],
    [tg.callApi('sendMesage' as never, {} as never), 'unknown method sendMesage'],
    [tg.callApi('sendSticker', { chat_id: 5, sticker: 'S' }), 'sendSticker: not emulated'],
  ];
  for (const [call, problem] of cases) {
    const error = await refusal(call);
    expect(error, problem).toBeInstanceOf(TelegramError);
    expect(error?.code, problem).toBe(400);
    expect(emu.violations, problem).toContain(problem);
  }
  expect(emu.messagesIn(5)).toEqual([]);
});

it('gives back files users sent, and refuses an unknown file_id as Telegram does', async () => {
  const chat = emu.chat({ userId: 9 });
  await chat.build({ photo: [{ file_id: 'PHOTO-1', file_unique_id: 'U1', width: 90, height: 60, file_size: 1200 }] });
  expect(await tg.getFile('PHOTO-1')).toMatchObject({ file_id: 'PHOTO-1', file_path: 'files/U1' });
  const sent = await tg.sendPhoto(9, 'PHOTO-1', { caption: 'Ảnh minh chứng' });
  expect(sent.caption).toBe('Ảnh minh chứng');
  expect((await refusal(tg.getFile('KHONG-CO')))?.code).toBe(400);
  expect((await refusal(tg.sendPhoto(9, 'KHONG-CO')))?.code).toBe(400);
  expect(emu.violations).toEqual([]);
});

it('long-polls: holds getUpdates until an update arrives, confirms it by offset, answers 401 to a wrong token', async () => {
  const chat = emu.chat({ userId: 10 });
  const poll = tg.callApi('getUpdates', { timeout: 30, offset: 0 });
  const delivered = chat.send('/trogiup');
  const updates = await poll;
  expect(updates).toHaveLength(1);
  expect(updates[0]).toMatchObject({ message: { text: '/trogiup', chat: { id: 10, type: 'private' } } });
  let confirmed = false;
  void delivered.then(() => (confirmed = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect(confirmed).toBe(false);
  expect(await tg.callApi('getUpdates', { offset: updates[0]!.update_id + 1 })).toEqual([]);
  await delivered;
  expect(confirmed).toBe(true);
  const wrong = new Telegram('1:wrongwrongwrongwrongwrongwrong', { apiRoot: emu.apiRoot });
  expect((await refusal(wrong.getMe()))?.code).toBe(401);
});

it("answers getChatMember with the status a test set (a plain member otherwise), in the spec's shape", async () => {
  emu.setChatMember(-100, 7, 'creator');
  emu.setChatMember(-100, 8, 'administrator');
  emu.setChatMember(-100, 9, { error: 'Bad Request: member list is inaccessible' });
  expect((await tg.getChatMember(-100, 7)).status).toBe('creator');
  expect(await tg.getChatMember(-100, 8)).toMatchObject({ status: 'administrator', can_manage_chat: true });
  expect(await tg.getChatMember(-100, 6)).toEqual({
    status: 'member',
    user: { id: 6, is_bot: false, first_name: 'Thành viên' },
  });
  expect((await refusal(tg.getChatMember(-100, 9)))?.description).toBe('Bad Request: member list is inaccessible');
  // A group chat's memberStatus option sets the same.
  emu.chat({ chatId: -200, type: 'group', userId: 10, memberStatus: 'administrator' });
  expect((await tg.getChatMember(-200, 10)).status).toBe('administrator');
  expect((await refusal(tg.callApi('getChatMember', { chat_id: -100 } as never)))?.description).toContain(
    'getChatMember.user_id: required',
  );
  expect(emu.violations).toEqual(['getChatMember.user_id: required']);
});

import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.close();
});

it('apologises to the person and logs the failure when handling an update fails, then keeps serving', async () => {
  const chat = await h.linkedChat(0);
  await sql`alter table bot_conversation rename to bot_conversation_moved`.execute(h.t.db);
  await chat.send('/baocao');
  expect(chat.lastText()).toBe(
    'Xin lỗi đồng chí, bot gặp lỗi khi xử lý yêu cầu. Nội dung đã nhập vẫn được giữ; xin đồng chí thử lại sau ít phút.',
  );
  expect(h.log.errors()).toEqual([expect.objectContaining({ msg: 'bot update failed', chatId: chat.o.chatId })]);

  await sql`alter table bot_conversation_moved rename to bot_conversation`.execute(h.t.db);
  await chat.send('/baocao');
  expect(chat.lastText()).toContain('Đồng chí báo cáo cho kỳ nào?');
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getConversation } from '../../src/db/conversations.js';
import { getReport } from '../../src/db/reports.js';
import type { EmulatedChat } from '../helpers/bot-emulator.js';
import { beginReport, type Harness, startHarness } from './harness.js';

let h: Harness;
let chat: EmulatedChat;
beforeEach(async () => {
  h = await startHarness();
  chat = await h.linkedChat(0);
  await beginReport(chat);
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

const storedDraft = async () => (await getConversation(h.t.db, String(chat.o.chatId)))?.draft;

/** Sends bad input; the bot explains, repeats the step, and the stored draft does not change. */
async function refused(text: string, explanation: string, stepStillShows: string) {
  const before = await storedDraft();
  await chat.send(text);
  expect(chat.lastText(), text).toMatch(/^⚠️ /);
  expect(chat.lastText(), text).toContain(explanation);
  expect(chat.lastText(), text).toContain(stepStillShows);
  expect(await storedDraft(), text).toBe(before);
}

describe('bad input at a number step', () => {
  const step1 = 'Chỉ tiêu 1/2: 1. Gương điển hình tiên tiến';

  it('explains text, negative, decimal, huge and grouped numbers, then takes a correct one', async () => {
    await refused('mười hai', 'Nội dung vừa nhập không phải là số. Xin đồng chí nhập một số, ví dụ: 12.', step1);
    await refused('-3', 'Số liệu không thể là số âm.', step1);
    await refused('1,5', 'Chỉ tiêu này tính bằng số nguyên.', step1);
    await refused('1.5', 'Chỉ tiêu này tính bằng số nguyên.', step1);
    await refused('100001', 'Số này lớn hơn mức tối đa cho phép (100000).', step1);
    await refused('1.200', 'Xin đồng chí nhập số không có dấu phân cách hàng nghìn, ví dụ: 1200.', step1);
    await refused('12 500', 'ví dụ: 12500.', step1);
    await refused('5️⃣', 'Nội dung vừa nhập không phải là số.', step1);
    await refused('👍', 'Nội dung vừa nhập không phải là số.', step1);
    await chat.send('1200');
    expect(chat.lastText()).toContain('Chỉ tiêu 2/2: 2. Mô hình, sáng kiến');
  });

  it('refuses "keep" when there is no earlier figure', async () => {
    const before = await storedDraft();
    await chat.tapData(chat.lastMessage().buttons.flat()[0]!.data!.replace(/:0$/, ':k'), chat.lastMessage());
    expect(chat.lastText()).toContain('Mục này chưa có số liệu cũ để giữ nguyên.');
    expect(await storedDraft()).toBe(before);
  });
});

describe('bad input at text and evidence steps', () => {
  beforeEach(async () => {
    await chat.send('1');
    await chat.send('2');
  });

  it('refuses text over the limit without losing the step, and keeps the longest allowed text whole', async () => {
    await refused('a'.repeat(2001), 'Nội dung dài 2001 ký tự, vượt quá giới hạn 2000 ký tự.', 'Kết quả nổi bật');
    await refused('b'.repeat(4096), 'Nội dung dài 4096 ký tự', 'Kết quả nổi bật');
    const long = `${'Hội nghị điển hình tiên tiến. '.repeat(66)}kết thúc`.slice(0, 2000);
    await chat.send(long);
    await chat.send(long);
    await chat.send(long);
    await chat.tap('Không có, tiếp tục');
    // Three 2000-character texts and the rest still fit Telegram's limit (checked by the emulator).
    expect(chat.lastText()).toContain('Xin đồng chí xem lại báo cáo');
    expect(chat.lastText().length).toBeLessThanOrEqual(4096);
    await chat.tap('Gửi báo cáo');
    const stored = (await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48'))!;
    expect(stored.notableResults).toBe(long);
    expect(stored.proposals).toBe(long);
  });

  it('stores decomposed Vietnamese and emoji as NFC text', async () => {
    const nfd = 'Hội Nông dân xã Phú Mỹ đạt giải Nhất 🏆🎉'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    await chat.send(nfd);
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Không có, tiếp tục');
    expect(chat.lastText()).toContain(`• Kết quả nổi bật: ${nfd.normalize('NFC')}`);
    await chat.tap('Gửi báo cáo');
    const stored = (await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48'))!;
    expect(stored.notableResults).toBe('Hội Nông dân xã Phú Mỹ đạt giải Nhất 🏆🎉'.normalize('NFC'));
  });

  it('asks for files or the button when text arrives at the evidence step, and caps the number of files', async () => {
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await refused('ảnh gửi sau', 'Ở bước này, đồng chí gửi ảnh hoặc tệp minh chứng', 'Ảnh, tài liệu minh chứng');
    for (let i = 1; i <= 10; i++) await chat.sendPhoto({ fileId: `P${i}`, fileUniqueId: `U${i}` });
    const before = await storedDraft();
    await chat.sendPhoto({ fileId: 'P11', fileUniqueId: 'U11' });
    expect(chat.lastText()).toBe('⚠️ Mỗi lần gửi báo cáo chỉ kèm tối đa 10 ảnh hoặc tệp. Tệp vừa gửi chưa được nhận.');
    expect(await storedDraft()).toBe(before);
    expect(
      chat
        .lastMessage()
        .buttons.flat()
        .map((b) => b.text),
    ).toContain('Xong (10 tệp)');
  });

  it('answers a sticker, an unknown command and a stray photo outside a report', async () => {
    await chat.sendRaw({
      sticker: {
        file_id: 'S',
        file_unique_id: 'S',
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    });
    expect(chat.lastText()).toContain('Bot chỉ nhận chữ, số, ảnh hoặc tệp tài liệu.');
    await chat.send('/xoa');
    expect(chat.lastText()).toBe('Bot không có lệnh này. Đồng chí dùng /baocao, /trangthai, /huy hoặc /trogiup.');
    await chat.send('/huy');
    await chat.sendPhoto({ fileId: 'P', fileUniqueId: 'U' });
    expect(chat.lastText()).toContain('Ảnh và tệp minh chứng được gửi kèm khi soạn báo cáo.');
    await chat.send('/huy');
    expect(chat.lastText()).toBe('Đồng chí không có báo cáo nào đang soạn.');
  });
});

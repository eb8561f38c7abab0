import { afterEach, describe, expect, it } from 'vitest';
import { updateBlocSettings } from '../../src/db/blocs.js';
import { getConversation } from '../../src/db/conversations.js';
import { createFocalPoint } from '../../src/db/focal-points.js';
import { getReport } from '../../src/db/reports.js';
import type { BotMessage, EmulatedChat } from '../helpers/bot-emulator.js';
import { beginReport, type Harness, startHarness, TUESDAY_W48 } from './harness.js';

// The bot takes a report for the current period and the previous one only (like the personal web
// link), while the fixture bloc locks a period 14 days after it ends. A week older than the previous
// one can therefore be refused before its lock date: it must then be told "no longer taken", never
// "đã khóa sổ từ hết ngày <a date still ahead>". All on a fixed clock, in Hà Nội time.

const W45 = 'Tuần 45/2026 (02/11/2026 – 08/11/2026)'; // locked from the end of 22/11
const W46 = 'Tuần 46/2026 (09/11/2026 – 15/11/2026)'; // locks at the end of 29/11
const W47 = 'Tuần 47/2026 (16/11/2026 – 22/11/2026)'; // locks at the end of 06/12
const W48 = 'Tuần 48/2026 (23/11/2026 – 29/11/2026)';
const W49 = 'Tuần 49/2026 (30/11/2026 – 06/12/2026)';
const SUNDAY_W47 = '2026-11-22T03:00:00.000Z'; // 10:00 on 22/11: week 47 current, week 46 previous
const MONDAY_W49 = '2026-11-30T03:00:00.000Z'; // 10:00 on 30/11: week 47 is two weeks back, not locked
const MONDAY_W50 = '2026-12-07T03:00:00.000Z'; // 10:00 on 07/12: week 47 locked from the end of 06/12

const notOffered = (label: string) =>
  `Kỳ ${label} không còn nhận báo cáo qua bot: bot chỉ nhận báo cáo kỳ hiện tại và kỳ trước. Nếu cần gửi hay điều chỉnh báo cáo kỳ này, xin đồng chí liên hệ Văn phòng Khối thi đua.`;
const locked = (label: string, date: string) =>
  `Kỳ ${label} đã khóa sổ từ hết ngày ${date}, nên không thể gửi hay sửa báo cáo kỳ này qua bot. Nếu cần điều chỉnh, xin đồng chí liên hệ Văn phòng Khối thi đua.`;
const canReport = `Đồng chí có thể báo cáo ${W48} hoặc ${W47}: bấm nút bên dưới, hoặc dùng /baocao.`;
const keepDraft = 'Nội dung đồng chí đã nhập vẫn được giữ: có thể chuyển sang kỳ hiện tại, hoặc hủy.';

let h: Harness;
let chat: EmulatedChat;
async function setUp(at: string) {
  h = await startHarness({ at });
  chat = await h.linkedChat(0);
}
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

const reportOf = (key: string) => getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, key);
const reportCount = async () => (await h.t.db.selectFrom('progress_report').select('id').execute()).length;
const conversation = (c: EmulatedChat = chat) => getConversation(h.t.db, String(c.o.chatId));
const buttons = (m: BotMessage) => m.buttons.flat().map((b) => [b.text, b.data]);

/** The previous week (47 on 24/11) through to its summary, two figures and a text. */
async function draftWeek47(c: EmulatedChat = chat): Promise<BotMessage> {
  await beginReport(c, 'previous');
  for (const v of ['3', '4', 'Kết quả tuần 47']) await c.send(v);
  await c.tap('Bỏ qua');
  await c.tap('Bỏ qua');
  await c.tap('Không có, tiếp tục');
  expect(c.lastText()).toContain(`Xin đồng chí xem lại báo cáo ${W47}`);
  return c.lastMessage();
}

describe('a button for a week older than the previous one, on Tuesday 24/11 with a 14-day lock', () => {
  it.each([
    ['the reminder’s "Gửi báo cáo"', 'remind:report:2026-W46'],
    ['the reminder’s "Kỳ này không có gì mới"', 'remind:nil:2026-W46'],
    ['an old receipt’s "Sửa báo cáo này"', 'e:2026-W46'],
  ])(
    '%s for week 46 (lock date 29/11 still ahead) says the bot no longer takes it, with no date, and stores nothing',
    async (_, data) => {
      await setUp(TUESDAY_W48);
      const before = await conversation();
      await chat.tapData(data, chat.lastMessage());
      expect(chat.lastText()).toBe(`${notOffered(W46)}\n${canReport}`);
      expect(chat.lastText()).not.toContain('khóa sổ');
      expect(chat.lastText().split('\n')[0]).not.toContain('29/11/2026');
      expect(buttons(chat.lastMessage())).toEqual([
        [`Báo cáo ${W48}`, 'e:2026-W48'],
        [`Báo cáo ${W47}`, 'e:2026-W47'],
      ]);
      expect(await reportCount()).toBe(0);
      expect(await conversation()).toEqual(before);

      // What the message offers works: the current week's report starts.
      await chat.tap(`Báo cáo ${W48}`);
      expect(chat.lastText()).toContain(`Báo cáo ${W48} của Đơn vị 1.`);
    },
  );

  it.each([['remind:report:2026-W45'], ['remind:nil:2026-W45']])(
    '%s, a week whose lock date 22/11 has passed, still says "đã khóa sổ từ hết ngày 22/11/2026"',
    async (data) => {
      await setUp(TUESDAY_W48);
      const before = await conversation();
      await chat.tapData(data, chat.lastMessage());
      expect(chat.lastText()).toBe(`${locked(W45, '22/11/2026')}\n${canReport}`);
      expect(await reportCount()).toBe(0);
      expect(await conversation()).toEqual(before);
    },
  );

  it.each([
    ['remind:report:2026-W50'],
    ['remind:nil:2026-W50'],
    ['e:2026-W49'],
    ['remind:report:2026-11'],
    ['e:2026-10'],
  ])(
    '%s (a week still to come, or a month for a weekly bloc) is answered as an old button and changes nothing',
    async (data) => {
      await setUp(TUESDAY_W48);
      const before = await conversation();
      const sent = chat.messages().length;
      await chat.tapData(data, chat.lastMessage());
      expect(chat.callbackAnswers().at(-1)).toBe(
        'Nút này thuộc một bước đã qua nên không còn hiệu lực. Xin đồng chí dùng tin nhắn mới nhất.',
      );
      expect(chat.messages()).toHaveLength(sent);
      expect(await reportCount()).toBe(0);
      expect(await conversation()).toEqual(before);
    },
  );
});

describe('the period choice', () => {
  it('drawn on Sunday 22/11 and tapped on Tuesday for week 46 (now two weeks back) is refused as no longer taken', async () => {
    await setUp(SUNDAY_W47);
    await chat.send('/baocao');
    // On the last day of week 47, week 46 is taken until the end of that day, not until its lock date 29/11.
    expect(chat.lastText()).toBe(
      'Đồng chí báo cáo cho kỳ nào? Kỳ trước vẫn nhận báo cáo và sửa báo cáo đến hết ngày 22/11/2026.',
    );
    const choice = chat.lastMessage();
    h.clock.set(TUESDAY_W48);
    const before = await conversation();
    await chat.tap(W46, choice);
    expect(chat.lastText()).toBe(`${notOffered(W46)}\n${canReport}`);
    expect(await reportCount()).toBe(0);
    expect(await conversation()).toEqual(before);
  });

  it('says the previous week is taken until the end of the current week when its lock date comes later', async () => {
    await setUp(TUESDAY_W48);
    await chat.send('/baocao');
    expect(chat.lastText()).toBe(
      'Đồng chí báo cáo cho kỳ nào? Kỳ trước vẫn nhận báo cáo và sửa báo cáo đến hết ngày 29/11/2026.',
    );
    // A 3-day lock comes first: week 47 is taken until the end of 25/11.
    await updateBlocSettings(h.t.db, h.bloc.blocId, { lockDays: 3 });
    await chat.send('/baocao');
    expect(chat.lastText()).toBe(
      'Đồng chí báo cáo cho kỳ nào? Kỳ trước vẫn nhận báo cáo và sửa báo cáo đến hết ngày 25/11/2026.',
    );
  });
});

describe('a draft for a week that became older than the previous one', () => {
  it('is not resumed by /baocao: it is refused as no longer taken, kept, and can move to the current week', async () => {
    await setUp(TUESDAY_W48);
    await draftWeek47();
    h.clock.set(MONDAY_W49);
    const before = await conversation();
    await chat.send('/baocao');
    expect(chat.lastText()).toBe(`Đồng chí đang soạn dở báo cáo ${W47}.\n${notOffered(W47)}\n${keepDraft}`);
    expect(chat.lastText()).not.toContain('06/12/2026');
    expect(
      chat
        .lastMessage()
        .buttons.flat()
        .map((b) => b.text),
    ).toEqual([`Chuyển sang ${W49}`, 'Hủy']);
    expect(await conversation()).toEqual(before);

    await chat.tap(`Chuyển sang ${W49}`);
    expect(chat.lastText()).toContain(`Đã chuyển nội dung đồng chí đã nhập sang báo cáo ${W49}`);
    await chat.tap('Gửi báo cáo');
    expect((await reportOf('2026-W49'))?.notableResults).toBe('Kết quả tuần 47');
    expect(await reportOf('2026-W47')).toBeUndefined();
  });

  it('is not stored when its summary’s "Gửi báo cáo" is tapped two weeks on', async () => {
    await setUp(TUESDAY_W48);
    const summary = await draftWeek47();
    h.clock.set(MONDAY_W49);
    await chat.tap('Gửi báo cáo', summary);
    expect(chat.lastText()).toBe(`${notOffered(W47)}\n${keepDraft}`);
    expect(await reportCount()).toBe(0);
    expect((await conversation())?.draft).toContain('Kết quả tuần 47');
  });

  it('answers a reminder button with the old draft’s refusal rather than asking to send it', async () => {
    await setUp(TUESDAY_W48);
    await draftWeek47();
    h.clock.set(MONDAY_W49);
    await chat.tapData('remind:report:2026-W49', chat.lastMessage());
    expect(chat.lastText()).toBe(`Đồng chí đang soạn dở báo cáo ${W47}.\n${notOffered(W47)}\n${keepDraft}`);
    expect(await reportCount()).toBe(0);
  });

  it('past its lock date is still refused with "đã khóa sổ từ hết ngày 06/12/2026"', async () => {
    await setUp(TUESDAY_W48);
    await draftWeek47();
    h.clock.set(MONDAY_W50);
    await chat.send('/baocao');
    expect(chat.lastText()).toBe(`Đồng chí đang soạn dở báo cáo ${W47}.\n${locked(W47, '06/12/2026')}\n${keepDraft}`);
  });
});

describe('reloading a refused draft on the stored report', () => {
  it('does not reload a draft whose week became older than the previous one, and says why', async () => {
    await setUp(TUESDAY_W48);
    const head = await createFocalPoint(h.t.db, {
      unitId: h.bloc.unitIds[0]!,
      fullName: 'Trần Thị Bình',
      role: 'unit_head',
    });
    h.bloc.focalPointIds.push(head.id);
    const other = await h.linkedChat(h.bloc.focalPointIds.length - 1, 2000);
    await draftWeek47();
    h.clock.set('2026-11-24T03:05:00.000Z');
    await draftWeek47(other);
    await other.tap('Gửi báo cáo');
    h.clock.set('2026-11-24T03:10:00.000Z');
    await chat.tap('Gửi báo cáo');
    const refusal = chat.lastMessage();
    expect(refusal.text).toContain(`⚠️ Bản báo cáo ${W47} đồng chí đang soạn chưa được lưu.`);

    h.clock.set(MONDAY_W49);
    const before = await conversation();
    await chat.tap('Nạp lại trên bản đã gửi', refusal);
    expect(chat.lastText()).toBe(`${notOffered(W47)}\n${keepDraft}`);
    expect(await conversation()).toEqual(before);
    expect(await reportOf('2026-W47')).toMatchObject({ revision: 1 });
  });
});

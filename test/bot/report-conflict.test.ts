import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFocalPoint } from '../../src/db/focal-points.js';
import { getReport, getReportValues, listRevisions } from '../../src/db/reports.js';
import type { EmulatedChat } from '../helpers/bot-emulator.js';
import { beginReport, type Harness, startHarness } from './harness.js';

// Two focal points of Đơn vị 1 in their own private chats: A (the fixture's "Cán bộ 1") and B,
// the unit head, added here with an invite of their own.
let h: Harness;
let a: EmulatedChat;
let b: EmulatedChat;
beforeEach(async () => {
  h = await startHarness();
  const head = await createFocalPoint(h.t.db, {
    unitId: h.bloc.unitIds[0]!,
    fullName: 'Trần Thị Bình',
    role: 'unit_head',
  });
  h.bloc.focalPointIds.push(head.id);
  a = await h.linkedChat(0);
  b = await h.linkedChat(h.bloc.focalPointIds.length - 1, 2000);
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

const W47 = 'Tuần 47/2026 (16/11/2026 – 22/11/2026)';
const report = () => getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W47');
async function figures() {
  const stored = (await report())!;
  const values = await getReportValues(h.t.db, stored.id);
  const [c1, c2] = h.bloc.criterionIds;
  return [values.find((v) => v.criterionId === c1)?.value, values.find((v) => v.criterionId === c2)?.value];
}

/** Week 47 (the previous, still open period) through to the summary, from the first value step. */
async function fill(chat: EmulatedChat, steps: (string | { tap: string })[]) {
  await beginReport(chat, 'previous');
  for (const s of steps) {
    if (typeof s === 'string') await chat.send(s);
    else await chat.tap(s.tap);
  }
  expect(chat.lastText()).toContain(`Xin đồng chí xem lại báo cáo ${W47}`);
}

const conflictNew = [
  `⚠️ Bản báo cáo ${W47} đồng chí đang soạn chưa được lưu.`,
  'Trong lúc đồng chí soạn, đồng chí Trần Thị Bình đã gửi báo cáo kỳ này của Đơn vị 1 lúc 10:05 24/11/2026 (qua Telegram).',
  'Để không ghi đè số liệu đồng chí chưa xem, bot giữ nguyên bản đang soạn. Đồng chí có thể nạp lại: bot lấy báo cáo đã gửi làm nền, giữ những mục đồng chí đã nhập, rồi cho xem lại trước khi gửi. Hoặc hủy bản đang soạn.',
].join('\n');

describe('two focal points of one unit report the same period', () => {
  it('refuses to replace a report sent meanwhile, keeps the draft, and sends it rebased on the stored report', async () => {
    await fill(a, ['5', '6', 'Kết quả của A', { tap: 'Bỏ qua' }, { tap: 'Bỏ qua' }, { tap: 'Không có, tiếp tục' }]);

    h.clock.set('2026-11-24T03:05:00.000Z');
    await fill(b, ['1', '2', 'Kết quả của B', 'Khó khăn của B', { tap: 'Bỏ qua' }, { tap: 'Không có, tiếp tục' }]);
    await b.tap('Gửi báo cáo');
    expect(b.lastText()).toContain(`✅ Đã ghi nhận báo cáo ${W47} của Đơn vị 1 lúc 10:05 24/11/2026.`);

    h.clock.set('2026-11-24T03:10:00.000Z');
    await a.tap('Gửi báo cáo');
    expect(a.lastText()).toBe(conflictNew);
    expect(
      a
        .lastMessage()
        .buttons.flat()
        .map((x) => x.text),
    ).toEqual(['Nạp lại trên bản đã gửi', 'Hủy']);
    expect(await report()).toMatchObject({
      revision: 1,
      notableResults: 'Kết quả của B',
      difficulties: 'Khó khăn của B',
    });
    expect(await figures()).toEqual([1, 2]);

    await a.tap('Nạp lại trên bản đã gửi');
    const reloaded = a.lastText();
    expect(reloaded).toContain(
      [
        `Đã nạp lại báo cáo ${W47} trên bản đã gửi (lần 1): các mục đồng chí đã nhập được giữ, các mục khác lấy theo bản đã gửi.`,
        'Khi gửi, những mục sau sẽ thay nội dung đã gửi:',
        '• 1. Gương điển hình tiên tiến: 5 gương (bản đã gửi: 1 gương)',
        '• 2. Mô hình, sáng kiến: 6 mô hình (bản đã gửi: 2 mô hình)',
        '• Kết quả nổi bật (nội dung đồng chí đã nhập)',
      ].join('\n'),
    );
    // A skipped "difficulties": B's text is taken, not wiped.
    expect(reloaded).toContain('• Khó khăn, vướng mắc: Khó khăn của B');
    expect(reloaded).toContain('Bấm "Gửi báo cáo" để gửi bản sửa (lần 2).');
    expect(await report()).toMatchObject({ revision: 1 });

    await a.tap('Gửi báo cáo');
    expect(a.lastText()).toContain('Đây là bản sửa lần 1; các bản trước vẫn được lưu lại.');
    const stored = (await report())!;
    expect(stored).toMatchObject({ revision: 2, notableResults: 'Kết quả của A', difficulties: 'Khó khăn của B' });
    expect(await figures()).toEqual([5, 6]);
    const revisions = await listRevisions(h.t.db, stored.id);
    expect(revisions.map((r) => [r.revision, r.submittedByFocalPointId])).toEqual([
      [1, h.bloc.focalPointIds.at(-1)],
      [2, h.bloc.focalPointIds[0]],
    ]);
  });

  it('rebasing a revision keeps what its author changed and takes the rest from the newer revision', async () => {
    await fill(b, ['1', '2', 'B lần đầu', { tap: 'Bỏ qua' }, { tap: 'Bỏ qua' }, { tap: 'Không có, tiếp tục' }]);
    await b.tap('Gửi báo cáo');

    // A starts revising revision 1 and changes only the first figure.
    await fill(a, [
      '9',
      { tap: 'Giữ nguyên (2)' },
      { tap: 'Giữ nguyên' },
      { tap: 'Bỏ qua' },
      { tap: 'Bỏ qua' },
      { tap: 'Không có, tiếp tục' },
    ]);

    h.clock.set('2026-11-24T03:20:00.000Z');
    await fill(b, [
      { tap: 'Giữ nguyên (1)' },
      '7',
      'B lần hai',
      { tap: 'Bỏ qua' },
      { tap: 'Bỏ qua' },
      { tap: 'Không có, tiếp tục' },
    ]);
    await b.tap('Gửi báo cáo');

    await a.tap('Gửi báo cáo');
    expect(a.lastText()).toContain(
      'Trong lúc đồng chí soạn, đồng chí Trần Thị Bình đã gửi bản sửa lần 1 báo cáo kỳ này của Đơn vị 1 lúc 10:20 24/11/2026 (qua Telegram).',
    );
    expect(await figures()).toEqual([1, 7]);

    await a.tap('Nạp lại trên bản đã gửi');
    const reloaded = a.lastText();
    expect(reloaded).toContain(
      'Khi gửi, những mục sau sẽ thay nội dung đã gửi:\n• 1. Gương điển hình tiên tiến: 9 gương (bản đã gửi: 1 gương)\n\n',
    );
    expect(reloaded).toContain('• 2. Mô hình, sáng kiến: 7 mô hình');
    expect(reloaded).toContain('• Kết quả nổi bật: B lần hai');
    await a.tap('Gửi báo cáo');
    expect(await report()).toMatchObject({ revision: 3, notableResults: 'B lần hai' });
    expect(await figures()).toEqual([9, 7]);
  });

  it('cancelling after the refusal keeps the stored report, and a reminder’s "nothing new" still refuses', async () => {
    await fill(a, ['5', '6', { tap: 'Bỏ qua' }, { tap: 'Bỏ qua' }, { tap: 'Bỏ qua' }, { tap: 'Không có, tiếp tục' }]);
    h.clock.set('2026-11-24T03:05:00.000Z');
    await fill(b, ['1', '2', { tap: 'Bỏ qua' }, { tap: 'Bỏ qua' }, { tap: 'Bỏ qua' }, { tap: 'Không có, tiếp tục' }]);
    await b.tap('Gửi báo cáo');

    await a.tap('Gửi báo cáo');
    const refusal = a.lastMessage();
    expect(refusal.text).toBe(conflictNew);
    await a.tap('Hủy', refusal);
    expect(a.lastText()).toBe(`Đã hủy báo cáo đang soạn cho ${W47}. Chưa có nội dung nào được gửi.`);
    const rebase = refusal.buttons.flat().find((x) => x.text === 'Nạp lại trên bản đã gửi')!;
    await a.tapData(rebase.data!, refusal);
    expect(a.callbackAnswers().at(-1)).toContain('không còn hiệu lực');

    await a.tapData('remind:nil:2026-W47', refusal);
    expect(a.lastText()).toBe(
      `Kỳ ${W47} đã có báo cáo của đơn vị, nên không ghi "Không có gì mới" đè lên. Đồng chí dùng /baocao để sửa báo cáo nếu cần.`,
    );
    expect(await report()).toMatchObject({ revision: 1, isNil: false });
    expect(await figures()).toEqual([1, 2]);
  });

  it('moving a draft into a period the other focal point already reported lists what it would replace', async () => {
    await fill(a, ['5', '6', 'Kết quả của A', { tap: 'Bỏ qua' }, { tap: 'Bỏ qua' }, { tap: 'Không có, tiếp tục' }]);
    // Week 47 locks (07/12, 00:00) before A sends; meanwhile B reports the current week, 50.
    h.clock.set('2026-12-07T03:00:00.000Z');
    await b.send('/baocao');
    await b.tap(b.lastMessage().buttons.flat()[0]!.text);
    for (const v of ['1', '2']) await b.send(v);
    await b.tap('Bỏ qua');
    await b.tap('Bỏ qua');
    await b.tap('Bỏ qua');
    await b.tap('Không có, tiếp tục');
    await b.tap('Gửi báo cáo');
    expect(b.lastText()).toContain('Đã ghi nhận báo cáo Tuần 50/2026');
    // A's send is refused (week 47 is locked); A moves the draft to week 50, over B's report.
    await a.tap('Gửi báo cáo');
    await a.tap(a.lastMessage().buttons.flat()[0]!.text);
    expect(a.lastText()).toContain('Kỳ này đơn vị đã có báo cáo; khi gửi, những mục sau sẽ thay nội dung đã gửi:');
    expect(a.lastText()).toMatch(/• 1\. Gương điển hình tiên tiến: 5 gương \(bản đã gửi: 1 gương\)/);
  });
});

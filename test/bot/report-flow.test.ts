import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCriterion, setTarget } from '../../src/db/covenant.js';
import { getReport, getReportValues, listAttachments, listRevisions } from '../../src/db/reports.js';
import type { EmulatedChat } from '../helpers/bot-emulator.js';
import { beginReport, type Harness, startHarness } from './harness.js';

let h: Harness;
let chat: EmulatedChat;
let percentId: number;
beforeEach(async () => {
  h = await startHarness();
  const c = await createCriterion(h.t.db, {
    blocId: h.bloc.blocId,
    year: 2026,
    code: '4',
    title: 'Tỷ lệ khen thưởng người lao động trực tiếp',
    kind: 'quantitative',
    valueType: 'percent',
    unitOfMeasure: '%',
    defaultTarget: 50,
    maxPoints: 10,
    position: 4,
  });
  percentId = c.id;
  await setTarget(h.t.db, percentId, h.bloc.unitIds[0]!, 50);
  chat = await h.linkedChat(0);
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

const [c1, c2] = [0, 1];
const report = () => getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W48');

async function fillToSummary(values: string[] = ['3', '12', '45,5']) {
  await beginReport(chat);
  for (const v of values) await chat.send(v);
  await chat.send('Tổ chức hội thi "Gương sáng" với 200 hội viên');
  await chat.tap('Bỏ qua');
  await chat.tap('Bỏ qua');
  await chat.tap('Không có, tiếp tục');
}

describe('a full report', () => {
  it('goes through every criterion, the texts and evidence, shows a summary and stores it once with a receipt', async () => {
    await beginReport(chat);
    expect(chat.lastText()).toContain('Báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) của Đơn vị 1.');
    expect(chat.lastText()).toContain('Chỉ tiêu 1/3: 1. Gương điển hình tiên tiến');
    await chat.send('3');
    expect(chat.lastText()).toContain('Chỉ tiêu 2/3: 2. Mô hình, sáng kiến');
    await chat.tap('0');
    expect(chat.lastText()).toContain('Chỉ tiêu 3/3: 4. Tỷ lệ khen thưởng người lao động trực tiếp');
    expect(chat.lastText()).toContain('tỷ lệ (%)');
    await chat.send('45,5%');
    expect(chat.lastText()).toContain('Kết quả nổi bật');
    await chat.send('Tuyên truyền 3 gương điển hình tiên tiến 👏'.normalize('NFD'));
    expect(chat.lastText()).toContain('Khó khăn, vướng mắc');
    await chat.tap('Bỏ qua');
    await chat.send('Đề nghị Khối tổ chức tập huấn nghiệp vụ');
    expect(chat.lastText()).toContain('Ảnh, tài liệu minh chứng');
    await chat.sendPhoto({
      fileId: 'PHOTO-BIG',
      fileUniqueId: 'uniq-photo',
      fileSize: 250_000,
      caption: 'Hội nghị điển hình'.normalize('NFD'),
    });
    expect(chat.lastText()).toBe('Đã nhận ảnh minh chứng (1 tệp sẽ gửi kèm báo cáo).');
    await chat.sendDocument({
      fileId: 'DOC-1',
      fileUniqueId: 'uniq-doc',
      fileName: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      fileSize: 80_000,
    });
    await chat.tap('Xong (2 tệp)');
    const summary = chat.lastText();
    expect(summary).toContain('Xin đồng chí xem lại báo cáo Tuần 48/2026');
    expect(summary).toContain('• 1. Gương điển hình tiên tiến: 3 gương');
    expect(summary).toContain('• 2. Mô hình, sáng kiến: 0 mô hình');
    expect(summary).toContain('• 4. Tỷ lệ khen thưởng người lao động trực tiếp: 45,5 %');
    expect(summary).toContain('• Khó khăn, vướng mắc: không có');
    expect(summary).toContain('• Minh chứng: 2 tệp mới');
    expect(await report()).toBeUndefined();

    await chat.tap('Gửi báo cáo');
    expect(chat.lastText()).toBe(
      [
        '✅ Đã ghi nhận báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) của Đơn vị 1 lúc 10:00 24/11/2026.',
        'Kèm 2 tệp minh chứng.',
        'Báo cáo đúng hạn (hạn hết ngày 30/11/2026).',
        'Đồng chí có thể sửa báo cáo đến hết ngày 06/12/2026.',
      ].join('\n'),
    );
    const stored = (await report())!;
    expect(stored).toMatchObject({
      isNil: false,
      revision: 1,
      submittedVia: 'telegram',
      submittedByFocalPointId: h.bloc.focalPointIds[0],
      notableResults: 'Tuyên truyền 3 gương điển hình tiên tiến 👏'.normalize('NFC'),
      difficulties: null,
      proposals: 'Đề nghị Khối tổ chức tập huấn nghiệp vụ',
      firstSubmittedAt: '2026-11-24T03:00:00.000Z',
    });
    expect(stored.notableResults).toBe(stored.notableResults!.normalize('NFC'));
    const values = await getReportValues(h.t.db, stored.id);
    expect(values.map((v) => [v.criterionId, v.value]).sort()).toEqual(
      [
        [h.bloc.criterionIds[c1], 3],
        [h.bloc.criterionIds[c2], 0],
        [percentId, 45.5],
      ].sort(),
    );
    const files = await listAttachments(h.t.db, stored.id);
    expect(
      files.map((f) => [f.kind, f.telegramFileId, f.telegramFileUniqueId, f.fileName, f.sizeBytes, f.caption]),
    ).toEqual([
      ['photo', 'PHOTO-BIG', 'uniq-photo', null, 250_000, 'Hội nghị điển hình'.normalize('NFC')],
      ['document', 'DOC-1', 'uniq-doc', 'bao-cao.pdf', 80_000, null],
    ]);
    // The draft is gone: text now gets the hint.
    await chat.send('5');
    expect(chat.lastText()).toContain('Đồng chí dùng /baocao để gửi báo cáo');
  });

  it('sends a nil report with one tap, and only while nothing was entered', async () => {
    await beginReport(chat);
    await chat.send('2');
    expect(
      chat
        .lastMessage()
        .buttons.flat()
        .map((b) => b.text),
    ).not.toContain('Không có gì mới');
    await chat.send('/huy');
    expect(chat.lastText()).toBe(
      'Đã hủy báo cáo đang soạn cho Tuần 48/2026 (23/11/2026 – 29/11/2026). Chưa có nội dung nào được gửi.',
    );
    expect(await report()).toBeUndefined();

    await beginReport(chat);
    await chat.tap('Không có gì mới');
    expect(chat.lastText()).toContain('lúc 10:00 24/11/2026: kỳ này không có gì mới.');
    const stored = (await report())!;
    expect(stored.isNil).toBe(true);
    expect(await getReportValues(h.t.db, stored.id)).toEqual([]);
  });

  it('revises a sent report until the lock, keeping figures on request and every revision', async () => {
    await fillToSummary();
    await chat.tap('Gửi báo cáo');
    h.clock.set('2026-11-26T02:00:00.000Z');
    await chat.tap('Sửa báo cáo này');
    expect(
      chat
        .lastText()
        .startsWith('Đơn vị 1 đã gửi báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) (lần 1, lúc 10:00 24/11/2026).'),
    ).toBe(true);
    expect(
      chat
        .lastMessage()
        .buttons.flat()
        .map((b) => b.text),
    ).toEqual(['0', 'Giữ nguyên (3)', 'Hủy']);
    await chat.tap('Giữ nguyên (3)');
    await chat.send('15');
    await chat.tap('Giữ nguyên (45,5)');
    expect(chat.lastText()).toContain('Nội dung hiện có:\nTổ chức hội thi "Gương sáng" với 200 hội viên');
    await chat.tap('Giữ nguyên');
    await chat.send('Thiếu kinh phí');
    await chat.tap('Bỏ qua');
    expect(chat.lastText()).not.toContain('Báo cáo đã có');
    await chat.tap('Không có, tiếp tục');
    expect(chat.lastText()).toContain('Bấm "Gửi báo cáo" để gửi bản sửa (lần 2).');
    await chat.tap('Gửi báo cáo');
    expect(chat.lastText()).toContain('lúc 09:00 26/11/2026.\nĐây là bản sửa lần 1; các bản trước vẫn được lưu lại.');

    const stored = (await report())!;
    expect(stored).toMatchObject({
      revision: 2,
      difficulties: 'Thiếu kinh phí',
      firstSubmittedAt: '2026-11-24T03:00:00.000Z',
    });
    const revisions = await listRevisions(h.t.db, stored.id);
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    const snapshots = revisions.map((r) => JSON.parse(r.snapshot));
    expect(snapshots[0].values.find((v: any) => v.criterionId === h.bloc.criterionIds[c2]).value).toBe(12);
    expect(snapshots[1].values.find((v: any) => v.criterionId === h.bloc.criterionIds[c2]).value).toBe(15);
    expect(snapshots[1].values.find((v: any) => v.criterionId === h.bloc.criterionIds[c1]).value).toBe(3);

    // /baocao marks the period as already sent.
    await chat.send('/baocao');
    expect(chat.lastMessage().buttons.flat()[0]?.text).toBe('Tuần 48/2026 (23/11/2026 – 29/11/2026) · đã gửi, sửa');
  });

  it('changes one item from the summary and returns to the summary', async () => {
    await fillToSummary();
    await chat.tap('Sửa một mục');
    expect(chat.lastText()).toBe('Đồng chí muốn sửa mục nào?');
    await chat.tap('2. Mô hình, sáng kiến (12)');
    await chat.send('20');
    expect(chat.lastText()).toContain('• 2. Mô hình, sáng kiến: 20 mô hình');
    await chat.tap('Sửa một mục');
    await chat.tap('Đề xuất, kiến nghị');
    await chat.send('Đề nghị biểu dương');
    expect(chat.lastText()).toContain('• Đề xuất, kiến nghị: Đề nghị biểu dương');
    await chat.tap('Sửa một mục');
    await chat.tap('« Quay lại tóm tắt');
    expect(chat.lastText()).toContain('Xin đồng chí xem lại báo cáo');
    await chat.tap('Hủy');
    expect(chat.lastText()).toContain('Đã hủy báo cáo đang soạn');
    expect(await report()).toBeUndefined();
  });

  it('reports for the previous period while it is still open', async () => {
    await beginReport(chat, 'previous');
    expect(chat.lastText()).toContain('Báo cáo Tuần 47/2026 (16/11/2026 – 22/11/2026)');
    await chat.tap('Không có gì mới');
    expect(chat.lastText()).toContain('Báo cáo gửi sau hạn (hạn hết ngày 23/11/2026).');
    expect((await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W47'))?.isNil).toBe(true);
  });

  it('starts a report for a period from a button any message may carry (e:<period>)', async () => {
    await chat.send('/trogiup');
    await chat.tapData('e:2026-W48', chat.lastMessage());
    expect(chat.lastText()).toContain('Báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) của Đơn vị 1.');
    await chat.tapData('e:2026-W48', chat.lastMessage());
    expect(chat.lastText()).toContain('Đồng chí đang soạn dở báo cáo Tuần 48/2026');
    await chat.tapData('e:2026-W99', chat.lastMessage());
    expect(chat.callbackAnswers().at(-1)).toContain('không còn hiệu lực');
  });
});

describe('state and idempotency', () => {
  it('keeps a half-finished report across a restart of the process', async () => {
    await beginReport(chat);
    await chat.send('3');
    await chat.send('7');
    await h.restart();
    await chat.send('50');
    expect(chat.lastText()).toContain('Kết quả nổi bật');
    await chat.send('/baocao');
    expect(chat.lastText()).toContain('Đồng chí đang soạn dở báo cáo Tuần 48/2026');
    expect(chat.lastText()).toContain('Kết quả nổi bật');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Không có, tiếp tục');
    await chat.tap('Gửi báo cáo');
    const values = await getReportValues(h.t.db, (await report())!.id);
    expect(values.map((v) => v.value).sort((a, b) => a - b)).toEqual([3, 7, 50]);
  });

  it('stores one report when "Gửi" is tapped twice, and answers the second tap as stale', async () => {
    await fillToSummary();
    const summary = chat.lastMessage();
    await chat.tap('Gửi báo cáo', summary);
    await chat.tap('Gửi báo cáo', summary);
    expect(chat.callbackAnswers().at(-1)).toContain('không còn hiệu lực');
    const stored = (await report())!;
    expect(stored.revision).toBe(1);
    expect(await listRevisions(h.t.db, stored.id)).toHaveLength(1);
    expect(chat.messages().filter((m) => m.text.startsWith('✅'))).toHaveLength(1);
  });

  it('does nothing with an update delivered a second time', async () => {
    await beginReport(chat);
    const first = await chat.send('3');
    const sent = chat.messages().length;
    await h.emu.redeliver(first);
    expect(chat.messages()).toHaveLength(sent);
    expect(h.log.records.some((r) => r.msg === 'duplicate Telegram update ignored' && r.updateId === first)).toBe(true);
    await chat.send('4');
    await chat.send('5');
    await chat.send('Kết quả');
    expect(chat.lastText()).toContain('Khó khăn, vướng mắc');
  });

  it('answers a stale button politely and changes nothing', async () => {
    await beginReport(chat);
    const firstPrompt = chat.lastMessage();
    await chat.send('3');
    const sent = chat.messages().length;
    await chat.tap('0', firstPrompt);
    expect(chat.callbackAnswers().at(-1)).toBe(
      'Nút này thuộc một bước đã qua nên không còn hiệu lực. Xin đồng chí dùng tin nhắn mới nhất.',
    );
    expect(chat.messages()).toHaveLength(sent);
    await chat.send('9');
    await chat.send('10');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Không có, tiếp tục');
    expect(chat.lastText()).toContain('• 1. Gương điển hình tiên tiến: 3 gương');
    expect(chat.lastText()).toContain('• 2. Mô hình, sáng kiến: 9 mô hình');
    // A period button from an old choice, and a button this bot never drew.
    await chat.tapData('p:1:2026-W48', chat.lastMessage());
    await chat.tapData('zz:rác', chat.lastMessage());
    expect(chat.callbackAnswers().slice(-2)).toEqual([
      expect.stringContaining('không còn hiệu lực'),
      expect.stringContaining('không còn hiệu lực'),
    ]);
    expect(chat.lastText()).toContain('Xin đồng chí xem lại báo cáo');
  });
});

describe('a locked period', () => {
  it('refuses to send into a period that locked while the draft waited, and moves the draft to the current period', async () => {
    await beginReport(chat, 'previous');
    await chat.send('3');
    await chat.send('4');
    await chat.send('60');
    await chat.send('Kết quả tuần 47');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.tap('Không có, tiếp tục');
    // Tuần 47 locks at 00:00 on 07/12/2026 (Hà Nội).
    h.clock.set('2026-12-06T17:00:00.000Z');
    await chat.tap('Gửi báo cáo');
    expect(chat.lastText()).toContain(
      'Kỳ Tuần 47/2026 (16/11/2026 – 22/11/2026) đã khóa sổ từ hết ngày 06/12/2026, nên không thể gửi hay sửa báo cáo kỳ này qua bot.',
    );
    expect(await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W47')).toBeUndefined();
    await chat.tap('Chuyển sang Tuần 50/2026 (07/12/2026 – 13/12/2026)');
    expect(chat.lastText()).toContain('Đã chuyển nội dung đồng chí đã nhập sang báo cáo Tuần 50/2026');
    expect(chat.lastText()).toContain('• Kết quả nổi bật: Kết quả tuần 47');
    await chat.tap('Gửi báo cáo');
    const moved = (await getReport(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-W50'))!;
    expect(moved.notableResults).toBe('Kết quả tuần 47');
  });

  it('refuses to revise a report once its period is locked', async () => {
    await beginReport(chat);
    await chat.tap('Không có gì mới');
    h.clock.set('2026-12-13T17:00:00.000Z');
    await chat.tap('Sửa báo cáo này');
    expect(chat.lastText()).toContain('Kỳ Tuần 48/2026 (23/11/2026 – 29/11/2026) đã khóa sổ từ hết ngày 13/12/2026');
    expect((await report())!.revision).toBe(1);
  });
});

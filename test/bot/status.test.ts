import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCriterion, setTarget } from '../../src/db/covenant.js';
import { submitReport } from '../../src/db/reports.js';
import { beginReport, type Harness, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

async function stored(
  unitIndex: number,
  week: { key: string; start: string; end: string },
  at: string,
  values: number[],
  isNil = false,
) {
  await h.t.db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId: h.bloc.blocId,
      unitId: h.bloc.unitIds[unitIndex]!,
      period: { kind: 'week', ...week },
      isNil,
      values: values.map((value, i) => ({ criterionId: h.bloc.criterionIds[i]!, value })),
      notableResults: null,
      difficulties: null,
      proposals: null,
      submittedBy: { focalPointId: h.bloc.focalPointIds[unitIndex]! },
      via: 'telegram',
      at: new Date(at),
    }),
  );
}

it('/trangthai shows this and the previous period and the year-to-date figures against the targets', async () => {
  const percent = await createCriterion(h.t.db, {
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
  await setTarget(h.t.db, percent.id, h.bloc.unitIds[0]!, 60);
  await stored(0, { key: '2026-W45', start: '2026-11-02', end: '2026-11-08' }, '2026-11-08T03:00:00Z', [2, 3]);
  await stored(0, { key: '2026-W47', start: '2026-11-16', end: '2026-11-22' }, '2026-11-23T18:00:00Z', [3, 2]);
  await stored(1, { key: '2026-W48', start: '2026-11-23', end: '2026-11-29' }, '2026-11-24T01:00:00Z', [], true);
  const chat = await h.linkedChat(0);

  await chat.send('/trangthai');
  expect(chat.lastText()).toBe(
    [
      'Tình hình báo cáo của Đơn vị 1 (Khối thi đua thử nghiệm), lúc 10:00 24/11/2026:',
      '',
      'Kỳ hiện tại: Tuần 48/2026 (23/11/2026 – 29/11/2026)',
      '❌ Chưa báo cáo; hạn hết ngày 30/11/2026. Đồng chí dùng /baocao để gửi.',
      'Cả Khối: 1/3 đơn vị đã gửi báo cáo kỳ hiện tại.',
      '',
      'Kỳ trước: Tuần 47/2026 (16/11/2026 – 22/11/2026)',
      '⏰ Đã báo cáo sau hạn, lúc 01:00 24/11/2026.',
      '',
      'Kết quả lũy kế năm 2026 so với chỉ tiêu giao ước:',
      '• 1. Gương điển hình tiên tiến: 5/10 gương (50%)',
      '• 2. Mô hình, sáng kiến: 5/20 mô hình (25%)',
      '• 4. Tỷ lệ khen thưởng người lao động trực tiếp: bình quân 0% (chỉ tiêu 60%)',
    ].join('\n'),
  );

  await beginReport(chat);
  await chat.send('1');
  await chat.send('0');
  await chat.send('70');
  await chat.tap('Bỏ qua');
  await chat.tap('Bỏ qua');
  await chat.tap('Bỏ qua');
  await chat.tap('Không có, tiếp tục');
  await chat.tap('Gửi báo cáo');
  h.clock.set('2026-11-26T03:00:00Z');
  await chat.tap('Sửa báo cáo này');
  await chat.send('2');
  await chat.tap('Giữ nguyên (0)');
  await chat.send('80');
  await chat.tap('Bỏ qua');
  await chat.tap('Bỏ qua');
  await chat.tap('Bỏ qua');
  await chat.tap('Không có, tiếp tục');
  await chat.tap('Gửi báo cáo');

  await chat.send('/trangthai');
  const text = chat.lastText();
  expect(text).toContain(
    'Kỳ hiện tại: Tuần 48/2026 (23/11/2026 – 29/11/2026)\n✅ Đã báo cáo đúng hạn, lúc 10:00 24/11/2026, đã sửa 1 lần.',
  );
  expect(text).toContain('Cả Khối: 2/3 đơn vị đã gửi báo cáo kỳ hiện tại.');
  expect(text).toContain('• 1. Gương điển hình tiên tiến: 7/10 gương (70%)');
  expect(text).toContain('• 4. Tỷ lệ khen thưởng người lao động trực tiếp: bình quân 80% (chỉ tiêu 60%)');
});

it('/trangthai shows a nil report and says when the covenant has no quantitative criteria', async () => {
  await h.t.db.deleteFrom('covenant_criterion').where('kind', '=', 'quantitative').execute();
  const chat = await h.linkedChat(2);
  await beginReport(chat);
  expect(chat.lastText()).toContain('Giao ước năm 2026 chưa có chỉ tiêu định lượng');
  expect(chat.lastText()).toContain('Kết quả nổi bật');
  await chat.tap('Không có gì mới');
  await chat.send('/trangthai');
  expect(chat.lastText()).toContain('✅ Đã báo cáo đúng hạn, lúc 10:00 24/11/2026 (không có gì mới).');
  expect(chat.lastText()).toContain('Giao ước thi đua năm 2026 của Khối chưa có chỉ tiêu định lượng.');
});

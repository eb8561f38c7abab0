import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getReport, getReportValues, listAttachments, listRevisions } from '../../src/db/reports.js';
import { createWebTest, file, type FormClient, PDF_BYTES, PNG_1PX, type WebTest } from './helpers.js';

let w: WebTest;
let me: FormClient;
let c1: number;
let c2: number;
beforeEach(async () => {
  w = await createWebTest();
  me = w.client(0);
  [c1, c2] = w.bloc.criterionIds as [number, number];
});
afterEach(() => w.close());

const report = (key = '2026-W48', unit = 0) => getReport(w.t.db, w.bloc.blocId, w.bloc.unitIds[unit]!, key);

describe('the form', () => {
  it('names the unit and period in its title, lists open periods, and shows each criterion with its target and year-to-date figure', async () => {
    const { res, html } = await me.open();
    expect(res.status).toBe(200);
    expect(html).toContain('<title>Báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) · Đơn vị 1</title>');
    expect(html).toContain('Tuần 47/2026');
    expect(html).toContain('1. Gương điển hình tiên tiến');
    expect(html).toContain('Chỉ tiêu năm: 10 gương · lũy kế đến nay: 0 gương (0%)');
    expect(html).toContain('Chỉ tiêu năm: 20 mô hình');
    expect(html).not.toContain('Cơ quan đạt chuẩn văn hóa'); // qualitative: not reported
    expect(html).toContain('Hạn báo cáo: hết ngày 30/11/2026. Nhận và sửa báo cáo đến hết ngày 06/12/2026.');
    expect(html).toContain('Không có gì mới');
    // The limit of a whole send is told beforehand: past it nothing of the request can be read.
    expect(html).toContain('mỗi tệp tối đa 10 MB, mỗi lần gửi tối đa 10 tệp và tổng cộng không quá 40 MB');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
  });
});

describe('the period a bare link opens on', () => {
  it('is the week just ended while the unit has not reported it (the one the reminders chase), then the current one', async () => {
    const bare = await me.openBare();
    expect(bare.html).toContain('<title>Báo cáo Tuần 47/2026 (16/11/2026 – 22/11/2026) · Đơn vị 1</title>');
    // Each period says whether the unit has sent it, and the question is asked as the bot asks it.
    expect(bare.html).toContain('Đồng chí báo cáo cho kỳ nào?');
    expect(bare.html).toMatch(/Kỳ hiện tại · chưa gửi<\/span>Tuần 48\/2026/);
    expect(bare.html).toMatch(/Kỳ trước · chưa gửi, quá hạn<\/span>Tuần 47\/2026/);
    expect((await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '2' })).res.status).toBe(303);
    expect((await report('2026-W47'))?.revision).toBe(1);

    const next = await me.openBare();
    expect(next.html).toContain('<title>Báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) · Đơn vị 1</title>');
    expect(next.html).toMatch(/Kỳ trước · đã gửi<\/span>Tuần 47\/2026/);
    expect((await me.send({ [`v_${c1}`]: '3', [`v_${c2}`]: '4' })).res.status).toBe(303);
    // Both sent: the current period, to revise.
    expect((await me.openBare()).html).toContain('<title>Báo cáo Tuần 48/2026');
    // A period named in the link wins.
    expect((await me.openBare('ky=2026-W47')).html).toContain('<title>Báo cáo Tuần 47/2026');
  });
});

describe('a period older than the previous one', () => {
  it('is refused without claiming it locked when its lock date is still ahead', async () => {
    // Week 46 locks at the end of 29/11 (14 days), but the link takes only weeks 48 and 47.
    const page = await me.openBare('ky=2026-W46');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Kỳ Tuần 46/2026 (09/11/2026 – 15/11/2026) không còn nhận báo cáo qua liên kết này');
    expect(page.html).not.toContain('đã khóa sổ');
    expect(page.html).not.toContain('Gửi báo cáo</button>');
    expect(page.html).toContain('?ky=2026-W48');
  });
});

describe('sending a full report', () => {
  it('stores it with channel web and the focal point, with files checked by content, and redirects to a receipt', async () => {
    await me.open();
    const sent = await me.send(
      {
        [`v_${c1}`]: '3',
        [`v_${c2}`]: '0',
        notableResults: 'Tuyên truyền 3 gương điển hình'.normalize('NFD'),
        difficulties: '   ',
        proposals: 'Đề nghị tập huấn',
      },
      [file(PNG_1PX, 'ảnh hội nghị.png', 'image/png'), file(PDF_BYTES, 'bao-cao.pdf', 'application/pdf')],
    );
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe(`/r/${me.token}/receipt?ky=2026-W48&lan=1`);
    const stored = (await report())!;
    expect(stored).toMatchObject({
      isNil: false,
      revision: 1,
      submittedVia: 'web',
      submittedByFocalPointId: w.bloc.focalPointIds[0],
      notableResults: 'Tuyên truyền 3 gương điển hình',
      difficulties: null,
      proposals: 'Đề nghị tập huấn',
    });
    expect(await getReportValues(w.t.db, stored.id)).toEqual(
      expect.arrayContaining([
        { criterionId: c1, value: 3 },
        { criterionId: c2, value: 0 },
      ]),
    );
    const revisions = await listRevisions(w.t.db, stored.id);
    expect(revisions.map((r) => [r.revision, r.submittedVia, r.submittedByFocalPointId])).toEqual([
      [1, 'web', w.bloc.focalPointIds[0]],
    ]);
    const files = await listAttachments(w.t.db, stored.id);
    expect(files.map((f) => [f.kind, f.fileName, f.mimeType, f.telegramFileId, f.sizeBytes])).toEqual([
      ['photo', 'ảnh hội nghị.png', 'image/png', null, PNG_1PX.length],
      ['document', 'bao-cao.pdf', 'application/pdf', null, PDF_BYTES.length],
    ]);
    const contents = await w.t.db.selectFrom('attachment_content').selectAll().orderBy('attachment_id').execute();
    expect(
      contents.map((c) => Buffer.compare(c.content, PNG_1PX) === 0 || Buffer.compare(c.content, PDF_BYTES) === 0),
    ).toEqual([true, true]);

    const receipt = await me.follow(sent);
    expect(receipt.res.status).toBe(200);
    expect(receipt.html).toContain(
      '✅ Đã ghi nhận báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) của Đơn vị 1 lúc 10:00 24/11/2026.',
    );
    expect(receipt.html).toContain('Kèm 2 tệp minh chứng.');
    expect(receipt.html).toContain('Báo cáo đúng hạn (hạn hết ngày 30/11/2026).');
    expect(receipt.html).toContain('Đồng chí có thể sửa báo cáo đến hết ngày 06/12/2026.');
    expect(receipt.html).toContain('Gửi qua web.');
    expect(receipt.html).toContain('Sửa báo cáo');
  });

  it('prefills a revision with the stored report, shows its history, and keeps every revision', async () => {
    await me.open();
    await me.send({ [`v_${c1}`]: '3', [`v_${c2}`]: '1', notableResults: 'Lần đầu' });
    const form = await me.open();
    expect(form.html).toContain(`value="3"`);
    expect(form.html).toContain('Lần đầu</textarea>');
    expect(form.html).toContain('Đơn vị đã gửi báo cáo kỳ này lúc 10:00 24/11/2026 (qua web)');
    expect(form.html).toContain('Gửi bản sửa (lần 1)');
    expect(form.html).not.toContain('id="nil-form"');
    w.clock.set('2026-11-25T03:00:00.000Z');
    const sent = await me.send({ [`v_${c1}`]: '4', [`v_${c2}`]: '1', notableResults: 'Lần hai' });
    expect(sent.res.status).toBe(303);
    const stored = (await report())!;
    expect(stored.revision).toBe(2);
    expect((await listRevisions(w.t.db, stored.id)).map((r) => r.submittedVia)).toEqual(['web', 'web']);
    const receipt = await me.follow(sent);
    expect(receipt.html).toContain('Đây là bản sửa lần 1; các bản trước vẫn được lưu lại.');
  });

  it('sends the previous period while it is open', async () => {
    await me.open('ky=2026-W47');
    expect(me.last).toContain('<title>Báo cáo Tuần 47/2026');
    const sent = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '2' });
    expect(sent.res.status).toBe(303);
    expect((await report('2026-W47'))?.submittedVia).toBe('web');
    const receipt = await me.follow(sent);
    expect(receipt.html).toContain('Báo cáo gửi sau hạn (hạn hết ngày 23/11/2026).');
  });
  it('does not store a file the report already holds again: Back restores the picked photo and the revision re-sends it', async () => {
    await me.open();
    expect((await me.send({ [`v_${c1}`]: '3', [`v_${c2}`]: '1' }, [file(PNG_1PX, 'anh.png')])).res.status).toBe(303);
    // Back re-loads the form (a new nonce, based on revision 1) but Chromium restores the file input.
    await me.open();
    const sent = await me.send({ [`v_${c1}`]: '5', [`v_${c2}`]: '1' }, [
      file(PNG_1PX, 'anh.png'),
      file(PDF_BYTES, 'moi.pdf'),
      file(PDF_BYTES, 'moi-2.pdf'),
    ]);
    expect(sent.res.status).toBe(303);
    const stored = (await report())!;
    expect(stored.revision).toBe(2);
    expect((await listAttachments(w.t.db, stored.id)).map((a) => [a.fileName, a.addedInRevision])).toEqual([
      ['anh.png', 1],
      ['moi.pdf', 2],
    ]);
    const receipt = await me.follow(sent);
    expect(receipt.html).toContain('Kèm 1 tệp minh chứng.');
  });
});

describe('a nil report', () => {
  it('is stored with one tap when the period has no report, and refused over a stored one', async () => {
    await me.open();
    const sent = await me.nil();
    expect(sent.res.status).toBe(303);
    const stored = (await report())!;
    expect(stored).toMatchObject({ isNil: true, submittedVia: 'web', revision: 1 });
    const receipt = await me.follow(sent);
    expect(receipt.html).toContain(': kỳ này không có gì mới.');
    expect(receipt.html).toContain('<dt>Minh chứng</dt><dd>Không có</dd>');

    // The form opened before, nil pressed again in another tab over the stored report.
    await me.open();
    const again = await me.post('/nil', {
      ky: '2026-W48',
      nonce: me.hidden().nonce as string,
      csrf: me.hidden().csrf as string,
    });
    expect(again.res.status).toBe(409);
    expect(again.html).toContain('Kỳ Tuần 48/2026 (23/11/2026 – 29/11/2026) đã có báo cáo của đơn vị, nên không ghi');
    expect((await report())!.revision).toBe(1);
  });
});

describe('a double submit', () => {
  it('of the same form stores one revision and both answers lead to its receipt', async () => {
    await me.open();
    const entries = { [`v_${c1}`]: '3', [`v_${c2}`]: '1' };
    const first = await me.send(entries, [file(PNG_1PX, 'a.png')]);
    const second = await me.send(entries, [file(PNG_1PX, 'a.png')]);
    expect(first.res.status).toBe(303);
    expect(second.res.status).toBe(303);
    expect(second.res.headers.get('location')).toBe(first.res.headers.get('location'));
    const stored = (await report())!;
    expect(stored.revision).toBe(1);
    expect(await listAttachments(w.t.db, stored.id)).toHaveLength(1);
  });

  it('of a page the browser kept (Back) but with other entries is not taken for a repeat: nothing typed is dropped', async () => {
    await me.open();
    const kept = me.hidden(); // the page as a browser keeps it in its history
    expect((await me.send({ [`v_${c1}`]: '3', [`v_${c2}`]: '1' }, [], kept)).res.status).toBe(303);

    // Back to the kept page, a figure and a text changed, a new file, sent again with the used nonce.
    const again = await me.send(
      { [`v_${c1}`]: '7', [`v_${c2}`]: '1', notableResults: 'Bổ sung sau' },
      [file(PDF_BYTES, 'bo-sung.pdf')],
      kept,
    );
    expect(again.res.status).toBe(409);
    expect(again.html).toContain('Báo cáo chưa được lưu: đã có bản gửi mới hơn');
    expect(again.html).toContain(`name="v_${c1}" value="7"`);
    expect(again.html).toContain('Bổ sung sau</textarea>');
    expect(again.html).toContain('bo-sung.pdf');
    expect((await report())!.revision).toBe(1);
    // The conflict page is a new form: sending it over the stored report stores revision 2.
    expect(me.hidden().nonce).not.toBe(kept.nonce);
    const pending = me.last.match(/name="giu_tep" value="(\d+)"/)![1]!;
    const over = await me.send({ [`v_${c1}`]: '7', [`v_${c2}`]: '1', notableResults: 'Bổ sung sau', giu_tep: pending });
    expect(over.res.status).toBe(303);
    const stored = (await report())!;
    expect(stored.revision).toBe(2);
    expect(stored.notableResults).toBe('Bổ sung sau');
    expect((await listAttachments(w.t.db, stored.id)).map((a) => a.fileName)).toEqual(['bo-sung.pdf']);
  });
});

// Bad entries and bad files: the form comes back with everything typed, each error next to its
// field and a summary at the top, and nothing is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getReport, listAttachments } from '../../src/db/reports.js';
import { createWebTest, file, type FormClient, PDF_BYTES, PNG_1PX, type WebTest } from './helpers.js';

let w: WebTest;
let me: FormClient;
let c1: number;
let c2: number;
beforeEach(async () => {
  w = await createWebTest();
  me = w.client(0);
  [c1, c2] = w.bloc.criterionIds as [number, number];
  await me.open();
});
afterEach(() => w.close());

const report = () => getReport(w.t.db, w.bloc.blocId, w.bloc.unitIds[0]!, '2026-W48');
const countPending = async () => (await w.t.db.selectFrom('web_pending_upload').select('id').execute()).length;

describe('figures', () => {
  it('refuses "1.200" with the bot\'s suggestion, a negative, a decimal count and a missing value, keeping every entry', async () => {
    const page = await me.send({ [`v_${c1}`]: '1.200', [`v_${c2}`]: '', notableResults: 'Kết quả <b>tốt</b>' });
    expect(page.res.status).toBe(422);
    expect(page.html).toContain('Báo cáo chưa được gửi: có 2 chỗ cần sửa.');
    expect(page.html).toContain('Xin đồng chí nhập số không có dấu phân cách hàng nghìn, ví dụ: 1200.');
    expect(page.html).toContain('Xin đồng chí nhập số liệu cho chỉ tiêu này (nhập 0 nếu trong kỳ không có).');
    expect(page.html).toContain(`id="v_${c1}" name="v_${c1}" value="1.200"`);
    expect(page.html).toContain('Kết quả &lt;b&gt;tốt&lt;/b&gt;</textarea>');
    expect(page.html).toContain(`href="#v_${c1}"`);
    expect(page.html).toContain(`id="err-v_${c1}"`);
    expect(await report()).toBeUndefined();

    const again = await me.send({ [`v_${c1}`]: '-3', [`v_${c2}`]: '2,5' });
    expect(again.html).toContain('Số liệu không thể là số âm.');
    expect(again.html).toContain('Chỉ tiêu này tính bằng số nguyên.');
    const words = await me.send({ [`v_${c1}`]: 'ba', [`v_${c2}`]: '200000' });
    expect(words.html).toContain('Nội dung vừa nhập không phải là số.');
    expect(words.html).toContain('Số này lớn hơn mức tối đa cho phép (100000).');
    expect(await report()).toBeUndefined();

    // The same form, corrected, is then stored once.
    const ok = await me.send({ [`v_${c1}`]: '1200', [`v_${c2}`]: '0' });
    expect(ok.res.status).toBe(303);
    expect((await report())?.revision).toBe(1);
  });

  it('refuses a text longer than the bot allows, with the same message', async () => {
    const long = 'ạ'.repeat(2001);
    const page = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1', proposals: long });
    expect(page.res.status).toBe(422);
    expect(page.html).toContain('Nội dung dài 2001 ký tự, vượt quá giới hạn 2000 ký tự.');
    expect(page.html).toContain(`${long}</textarea>`);
    expect(await report()).toBeUndefined();
  });
});

describe('files', () => {
  const exe = Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
    Buffer.alloc(200),
  ]);

  it('refuses a .jpg that is really a program or a web page, naming it, and keeps the valid files and the entries', async () => {
    const page = await me.send({ [`v_${c1}`]: '', [`v_${c2}`]: '1' }, [
      file(exe, 'anh-dep.jpg', 'image/jpeg'),
      file('<html><script>alert(1)</script></html>', 'bia.jpg', 'image/jpeg'),
      file(PNG_1PX, 'that.png', 'image/png'),
    ]);
    expect(page.res.status).toBe(422);
    expect(page.html).toContain('Tệp &quot;anh-dep.jpg&quot; không phải ảnh');
    expect(page.html).toContain('Tệp &quot;bia.jpg&quot; không phải ảnh');
    expect(page.html).toContain('that.png');
    expect(page.html).toContain('name="giu_tep"');
    expect(await countPending()).toBe(1);

    // Sent again with the figure fixed and no file chosen: the kept file goes with the report.
    const sent = await me.send({
      [`v_${c1}`]: '2',
      [`v_${c2}`]: '1',
      giu_tep: me.last.match(/name="giu_tep" value="(\d+)"/)![1]!,
    });
    expect(sent.res.status).toBe(303);
    const stored = (await report())!;
    expect((await listAttachments(w.t.db, stored.id)).map((a) => [a.fileName, a.mimeType])).toEqual([
      ['that.png', 'image/png'],
    ]);
    expect(await countPending()).toBe(0);
  });

  it('drops a kept file the person unticks', async () => {
    await me.send({ [`v_${c1}`]: '', [`v_${c2}`]: '1' }, [file(PDF_BYTES, 'ke-hoach.pdf')]);
    expect(await countPending()).toBe(1);
    const sent = await me.send({ [`v_${c1}`]: '2', [`v_${c2}`]: '1' });
    expect(sent.res.status).toBe(303);
    expect(await listAttachments(w.t.db, (await report())!.id)).toHaveLength(0);
    expect(await countPending()).toBe(0);
  });

  it('refuses a file over 10 MB and an empty one, naming them', async () => {
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]);
    const page = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' }, [
      file(big, 'scan.pdf'),
      file(Buffer.alloc(0), 'rong.pdf'),
    ]);
    expect(page.res.status).toBe(422);
    expect(page.html).toContain('Tệp &quot;scan.pdf&quot; lớn hơn 10 MB nên không được nhận.');
    expect(page.html).toContain('Tệp &quot;rong.pdf&quot; trống nên không được nhận.');
    expect(await report()).toBeUndefined();
  });

  it('accepts at most 10 files per revision, naming the rest', async () => {
    const files = Array.from({ length: 12 }, (_, i) => file(PNG_1PX, `anh-${i + 1}.png`));
    const page = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' }, files);
    expect(page.res.status).toBe(422);
    expect(page.html).toContain(
      'tối đa 10 ảnh hoặc tệp, nên các tệp sau không được nhận: &quot;anh-11.png&quot;, &quot;anh-12.png&quot;.',
    );
    expect(await countPending()).toBe(10);
    expect(await report()).toBeUndefined();
  });

  it('refuses a request body over the limit before reading it', async () => {
    const huge = Buffer.alloc(41 * 1024 * 1024);
    const page = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' }, [file(huge, 'a.pdf')]);
    expect(page.res.status).toBe(413);
    expect(page.html).toContain('vượt quá 40 MB');
    expect(await report()).toBeUndefined();
  });

  it('keeps old Word and Excel files, told apart from other compound files by their content', async () => {
    const { sniffEvidence } = await import('../../src/web-report/uploads.js');
    const cfb = (stream: string) =>
      Buffer.concat([
        Buffer.from('d0cf11e0a1b11ae1', 'hex'),
        Buffer.alloc(504),
        Buffer.from(stream, 'utf16le'),
        Buffer.alloc(1024),
      ]);
    expect(await sniffEvidence(cfb('WordDocument'))).toMatchObject({ kind: 'document', ext: 'doc' });
    expect(await sniffEvidence(cfb('Workbook'))).toMatchObject({ kind: 'document', ext: 'xls' });
    expect(await sniffEvidence(cfb('SummaryInformation'))).toBeNull();
  });
});

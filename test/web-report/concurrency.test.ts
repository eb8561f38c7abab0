// The form never overwrites a report it was not loaded from, and after the lock date it only shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getReport, getReportValues, listAttachments, listRevisions } from '../../src/db/reports.js';
import { createWebTest, file, type FormClient, PNG_1PX, type WebTest } from './helpers.js';

let w: WebTest;
let c1: number;
let c2: number;
beforeEach(async () => {
  w = await createWebTest();
  [c1, c2] = w.bloc.criterionIds as [number, number];
});
afterEach(() => w.close());

const report = (key = '2026-W48') => getReport(w.t.db, w.bloc.blocId, w.bloc.unitIds[0]!, key);

describe('a stale form', () => {
  it('is not stored over a revision sent meanwhile: the conflict page lists what differs, keeps the entries, and can send over it', async () => {
    const tabA = w.client(0);
    await tabA.open();
    await tabA.send({ [`v_${c1}`]: '3', [`v_${c2}`]: '5', notableResults: 'Bản đầu' });
    // Two tabs open the stored report; the second sends first.
    const tabB = w.client(0);
    const tabC = w.client(0);
    await tabB.open();
    await tabC.open();
    expect((await tabB.send({ [`v_${c1}`]: '4', [`v_${c2}`]: '5', notableResults: 'Bản đầu' })).res.status).toBe(303);
    const stale = await tabC.send({ [`v_${c1}`]: '3', [`v_${c2}`]: '9', notableResults: 'Bản của tab C' }, [
      file(PNG_1PX, 'minh-chung.png'),
    ]);
    expect(stale.res.status).toBe(409);
    expect(stale.html).toContain('Báo cáo chưa được lưu: đã có bản gửi mới hơn');
    expect(stale.html).toContain('chính đồng chí đã gửi bản sửa lần 1 lúc 10:00 24/11/2026 (qua web)');
    expect(stale.html).toContain('2. Mô hình, sáng kiến: 9 mô hình (bản đã gửi: 5 mô hình)');
    expect(stale.html).toContain('Kết quả nổi bật (nội dung đồng chí đã nhập)');
    expect(stale.html).not.toContain('1. Gương điển hình tiên tiến: 3'); // unchanged by tab C: the stored 4 stays
    expect(stale.html).toContain(`id="v_${c1}" name="v_${c1}" value="4"`);
    expect(stale.html).toContain(`id="v_${c2}" name="v_${c2}" value="9"`);
    expect(stale.html).toContain('Bản của tab C</textarea>');
    expect(stale.html).toContain('minh-chung.png');
    expect(stale.html).toContain('Gửi đè lên bản đã gửi');
    expect((await report())!.revision).toBe(2);

    const pending = tabC.last.match(/name="giu_tep" value="(\d+)"/)![1]!;
    const over = await tabC.send({
      [`v_${c1}`]: '4',
      [`v_${c2}`]: '9',
      notableResults: 'Bản của tab C',
      giu_tep: pending,
    });
    expect(over.res.status).toBe(303);
    const stored = (await report())!;
    expect(stored.revision).toBe(3);
    expect(stored.notableResults).toBe('Bản của tab C');
    expect(await getReportValues(w.t.db, stored.id)).toEqual(
      expect.arrayContaining([
        { criterionId: c1, value: 4 },
        { criterionId: c2, value: 9 },
      ]),
    );
    expect((await listAttachments(w.t.db, stored.id)).map((a) => [a.fileName, a.addedInRevision])).toEqual([
      ['minh-chung.png', 3],
    ]);
  });

  it('a form loaded before any report, sent after another one was stored, is a conflict too', async () => {
    const first = w.client(0);
    const second = w.client(0);
    await first.open();
    await second.open();
    await first.nil();
    const page = await second.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '2' });
    expect(page.res.status).toBe(409);
    expect(page.html).toContain('đã gửi báo cáo kỳ này lúc 10:00 24/11/2026 (qua web)');
    expect((await report())!.isNil).toBe(true);
  });
});

describe('the lock date', () => {
  it('after it, the form only shows the stored report, and a POST is refused with the lock message and the entries shown back', async () => {
    const me: FormClient = w.client(0);
    await me.open('ky=2026-W47');
    await me.send({ [`v_${c1}`]: '2', [`v_${c2}`]: '3', notableResults: 'Đã gửi tuần 47' });
    await me.open('ky=2026-W47');
    // 08/12/2026: week 47 locked at the end of 06/12.
    w.clock.set('2026-12-08T03:00:00.000Z');
    const refused = await me.send({ [`v_${c1}`]: '5', [`v_${c2}`]: '3', notableResults: 'Nội dung mới chưa lưu' });
    expect(refused.res.status).toBe(409);
    expect(refused.html).toContain('Kỳ Tuần 47/2026 (16/11/2026 – 22/11/2026) đã khóa sổ từ hết ngày 06/12/2026');
    expect(refused.html).toContain('Nội dung mới chưa lưu</textarea>');
    expect(refused.html).toContain(`value="5"`);
    expect(refused.html).not.toContain('<button type="submit">');
    const stored = (await report('2026-W47'))!;
    expect(stored.revision).toBe(1);
    expect(await listRevisions(w.t.db, stored.id)).toHaveLength(1);

    const view = await me.open('ky=2026-W47');
    expect(view.res.status).toBe(200);
    expect(view.html).toContain('đã khóa sổ');
    expect(view.html).toContain('Đã gửi tuần 47</textarea>');
    expect(view.html).toContain('readonly');
    expect(view.html).not.toContain('id="nil-form"');
    const nil = await me.post('/nil', {
      ky: '2026-W47',
      nonce: me.hidden().nonce as string,
      csrf: me.hidden().csrf as string,
    });
    expect(nil.res.status).toBe(409);

    const receipt = await w.app.request(`http://localhost/r/${me.token}/receipt?ky=2026-W47`);
    const html = await receipt.text();
    expect(html).toContain('Kỳ này đã khóa sổ từ hết ngày 06/12/2026.');
    expect(html).not.toContain('Sửa báo cáo');
  });
});

// The receipt page of a sent report offers a revision only while the link takes the period: a lock
// longer than a period leaves it unlocked for days after the link has stopped taking it
// (lastDayTaken), and then the page must not name a past day as the last one nor offer "Sửa".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebTest, type FormClient, type WebTest } from './helpers.js';

let w: WebTest;
let me: FormClient;
beforeEach(async () => {
  // Tuesday of week 48: week 47 is still taken. The fixture's lock is 14 days, so week 47 locks on
  // 06/12 but the link takes it only to the end of week 48, Sunday 29/11.
  w = await createWebTest();
  me = w.client(0);
  await me.open('ky=2026-W47');
  const sent = await me.nil();
  expect(sent.res.status).toBe(303);
});
afterEach(() => w.close());

const receipt = async () => (await w.app.request(`http://localhost/r/${me.token}/receipt?ky=2026-W47&lan=1`)).text();

describe("a receipt's revise button", () => {
  it('is offered through the last day the link takes the period, naming that day', async () => {
    w.clock.set('2026-11-29T16:30:00.000Z'); // Sunday 29/11 23:30 local
    const html = await receipt();
    expect(html).toContain('Đồng chí có thể sửa báo cáo đến hết ngày 29/11/2026.');
    expect(html).toContain('Sửa báo cáo');
    expect(html).toContain(`href="/r/${me.token}?ky=2026-W47"`);
    expect(html).not.toContain('không còn nhận báo cáo qua liên kết');
  });

  it('is not offered once the link no longer takes the period, though it is not locked yet', async () => {
    w.clock.set('2026-12-02T03:00:00.000Z'); // Wednesday 02/12 10:00 local, week 49; lock on 06/12
    const html = await receipt();
    expect(html).toContain('Đã gửi báo cáo');
    expect(html).toContain(
      'Kỳ Tuần 47/2026 (16/11/2026 – 22/11/2026) không còn nhận báo cáo qua liên kết này: liên kết chỉ nhận báo cáo kỳ hiện tại và kỳ trước.',
    );
    expect(html).not.toContain('Sửa báo cáo');
    expect(html).not.toContain('có thể sửa báo cáo đến hết ngày');
    expect(html).not.toContain('29/11/2026');
    expect(html).not.toContain('đã khóa sổ');
    expect(html).not.toContain(`href="/r/${me.token}?ky=2026-W47"`);
  });

  it('is not offered after the lock date, which the receipt names', async () => {
    w.clock.set('2026-12-07T03:00:00.000Z');
    const html = await receipt();
    expect(html).toContain('Kỳ này đã khóa sổ từ hết ngày 06/12/2026.');
    expect(html).not.toContain('Sửa báo cáo');
    expect(html).not.toContain('không còn nhận báo cáo qua liên kết');
  });
});

// The personal web report form in real headless Chromium at a phone's size: a full report with a
// photo (a mistake first, the photo kept), a revision, and a "nothing new" report from another
// unit's link. Screenshots go to test-artifacts/screenshots/web-report-*.png.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePersonalLink } from '../../src/db/personal-links.js';
import { getReport, listAttachments, listRevisions } from '../../src/db/reports.js';
import { createWebReportApp } from '../../src/web-report/app.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { testLogger } from '../helpers/logger.js';
import { closeBrowser, openBrowser, SCREENSHOTS, TZ } from './harness.js';

// One Chromium for this file's tests (test/browser/harness.ts).
afterAll(closeBrowser);

const NOW = new Date('2026-11-24T03:00:00.000Z');
const PHONE = { width: 390, height: 844 };
const SECRET = 'browser-web-report-secret-0123456789abcdef';
/** A small request limit, so a phone-sized upload crosses it. */
const MAX_BODY = 3 * 1024 * 1024;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `web-report-${name}.png`), fullPage: true });
}

/** A real JPEG, drawn and photographed by the browser itself. */
async function jpeg(context: BrowserContext): Promise<Buffer> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 480, height: 360 });
  await page.setContent(
    '<body style="margin:0"><div style="width:480px;height:360px;display:flex;align-items:flex-end;background:linear-gradient(160deg,#2e7d32,#1f2933);color:#fff;font:bold 28px sans-serif;padding:20px;box-sizing:border-box">Hội nghị điển hình tiên tiến</div></body>',
  );
  const bytes = await page.screenshot({ type: 'jpeg', quality: 80 });
  await page.close();
  return bytes;
}

describe('the personal web form on a phone', () => {
  let t: TestDb;
  let bloc: SmallBloc;
  let server: ServerType;
  let base: string;
  let tokens: string[];
  let browser: Awaited<ReturnType<typeof openBrowser>>;

  beforeAll(async () => {
    t = await createTestDb();
    bloc = await createSmallBloc(t.db, { units: 3, year: 2026 });
    tokens = [];
    for (const id of bloc.focalPointIds)
      tokens.push((await issuePersonalLink(t.db, { focalPointId: id, secret: SECRET, by: 'test', now: NOW })).token);
    const app = new Hono().route(
      '/r',
      createWebReportApp({
        db: t.db,
        now: () => NOW,
        timeZone: TZ,
        linkSecret: SECRET,
        logger: testLogger(),
        maxRequestBytes: MAX_BODY,
      }),
    );
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await openBrowser(PHONE, true);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('sends a full report with a photo after fixing a mistake, then revises it', async () => {
    const [c1, c2] = bloc.criterionIds;
    const page = await browser.context.newPage();
    const photo = await jpeg(browser.context);
    // The link opens on the week just ended, which the unit has not sent; the current week is one tap away.
    await page.goto(`${base}/r/${tokens[0]}`);
    expect(await page.title()).toBe('Báo cáo Tuần 47/2026 (16/11/2026 – 22/11/2026) · Đơn vị 1');
    expect(await page.locator('.periods a[aria-current=page] .tag').textContent()).toBe('Kỳ trước · chưa gửi, quá hạn');
    await shot(page, '0-form-overdue-week');
    await Promise.all([page.waitForURL(/\?ky=2026-W48$/), page.click('.periods a:has-text("Kỳ hiện tại")')]);
    expect(await page.title()).toBe('Báo cáo Tuần 48/2026 (23/11/2026 – 29/11/2026) · Đơn vị 1');
    await shot(page, '1-form');

    await page.fill(`#v_${c1}`, '1.200');
    await page.fill(`#v_${c2}`, '4');
    await page.fill('#notableResults', 'Tuyên truyền 3 gương điển hình tiên tiến; ra mắt mô hình "Dân vận khéo".');
    await page.fill('#proposals', 'Đề nghị Khối tổ chức tập huấn nghiệp vụ.');
    await page.setInputFiles('#tep', { name: 'hoi-nghi.jpg', mimeType: 'image/jpeg', buffer: photo });
    await Promise.all([page.waitForLoadState('load'), page.click('#report-form button[type=submit]')]);
    await expect.poll(() => page.locator('#errors').count()).toBe(1);
    expect(await page.locator('#errors').textContent()).toContain('ví dụ: 1200');
    expect(await page.inputValue(`#v_${c1}`)).toBe('1.200');
    expect(await page.locator('.files').textContent()).toContain('hoi-nghi.jpg');
    await shot(page, '2-errors');

    await page.fill(`#v_${c1}`, '3');
    await Promise.all([page.waitForURL(/\/receipt\?/), page.click('#report-form button[type=submit]')]);
    const receipt = await page.locator('main').textContent();
    expect(receipt).toContain('Đã ghi nhận báo cáo Tuần 48/2026');
    expect(receipt).toContain('Kèm 1 tệp minh chứng.');
    await shot(page, '3-receipt');
    const stored = (await getReport(t.db, bloc.blocId, bloc.unitIds[0]!, '2026-W48'))!;
    const files = await listAttachments(t.db, stored.id);
    expect(files.map((f) => [f.kind, f.mimeType, f.sizeBytes])).toEqual([['photo', 'image/jpeg', photo.length]]);

    // A reload of the receipt sends nothing again; "Sửa báo cáo" opens the form prefilled.
    await page.reload();
    await Promise.all([
      page.waitForURL(/\/r\/[^/]+\?ky=/),
      page.getByRole('link', { name: 'Sửa báo cáo', exact: true }).click(),
    ]);
    expect(await page.inputValue(`#v_${c1}`)).toBe('3');
    await page.fill(`#v_${c2}`, '5');
    await shot(page, '4-revision-form');
    await Promise.all([page.waitForURL(/\/receipt\?/), page.click('#report-form button[type=submit]')]);
    expect(await page.locator('main').textContent()).toContain('Đây là bản sửa lần 1; các bản trước vẫn được lưu lại.');
    await shot(page, '5-revision-receipt');
    expect((await listRevisions(t.db, stored.id)).map((r) => r.submittedVia)).toEqual(['web', 'web']);
    await page.close();
  });

  it('sends "nothing new" with one tap from another unit\'s link', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/r/${tokens[1]}?ky=2026-W48`);
    await Promise.all([page.waitForURL(/\/receipt\?/), page.click('#nil-form button')]);
    expect(await page.locator('main').textContent()).toContain('kỳ này không có gì mới');
    await shot(page, '6-nil-receipt');
    expect((await getReport(t.db, bloc.blocId, bloc.unitIds[1]!, '2026-W48'))?.isNil).toBe(true);
    await page.goto(`${base}/r/not-a-real-token`);
    expect(await page.locator('h1').textContent()).toBe('Liên kết không đúng');
    await shot(page, '7-unknown-link');
    await page.close();
  });

  it('after files too large to be read at all, the Back button brings back every entry typed', async () => {
    const [c1, c2] = bloc.criterionIds;
    const page = await browser.context.newPage();
    await page.goto(`${base}/r/${tokens[2]}?ky=2026-W48`);
    await page.fill(`#v_${c1}`, '2');
    await page.fill(`#v_${c2}`, '6');
    await page.fill('#difficulties', 'Thiếu kinh phí tổ chức hội nghị.');
    await page.setInputFiles('#tep', {
      name: 'video.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.alloc(MAX_BODY + 1024, 1),
    });
    await Promise.all([page.waitForLoadState('load'), page.click('#report-form button[type=submit]')]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tệp gửi lên quá lớn');
    expect(await page.locator('main').textContent()).toContain('nút Quay lại của trình duyệt giữ nội dung đã nhập');
    await shot(page, '8-too-large');

    await page.goBack();
    // Figures too (an autocomplete="off" field is not restored by the browser).
    expect(await page.inputValue(`#v_${c1}`)).toBe('2');
    expect(await page.inputValue(`#v_${c2}`)).toBe('6');
    expect(await page.inputValue('#difficulties')).toBe('Thiếu kinh phí tổ chức hội nghị.');
    await page.setInputFiles('#tep', []);
    await Promise.all([page.waitForURL(/\/receipt\?/), page.click('#report-form button[type=submit]')]);
    expect(await getReport(t.db, bloc.blocId, bloc.unitIds[2]!, '2026-W48')).toMatchObject({
      difficulties: 'Thiếu kinh phí tổ chức hội nghị.',
    });
    await page.close();
  });
});

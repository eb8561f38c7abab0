// The admin's journeys in real headless Chromium against the real app and a real database: log in,
// add a unit and a focal point and see the invite QR, import a roster with one bad row, hand over
// the chair, edit the covenant, read the dashboard. Screenshots go to test-artifacts/screenshots/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, openBrowser, type RunningAdmin, SCREENSHOTS, startAdmin } from './harness.js';

// One Chromium for this file's tests (test/browser/harness.ts).
afterAll(closeBrowser);

const NOW = new Date('2026-11-25T03:00:00.000Z');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const ROSTER_CSV =
  'Đơn vị,Tên viết tắt,Ngày tham gia,Cán bộ đầu mối,Chức vụ,Số điện thoại,Vai trò\n' +
  'Sở Văn hóa - Thể thao,Sở VHTT,01/12/2026,Đặng Thị Hoa,Chuyên viên,0912 000 111,đầu mối\n' +
  'Hội Luật gia tỉnh,Hội Luật gia,31/02/2026,Trương Văn Bình,,,\n' +
  'Hội Nông dân tỉnh,,,Lâm Văn Phúc,,,\n';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function login(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await expect.poll(() => page.url()).toContain('/login');
  await page.fill('#f-username', 'admin');
  await page.fill('#f-password', 'khoithidua6');
  await Promise.all([page.waitForURL(/\/$/), page.click('main button[type=submit]')]);
}

describe('admin journeys in Chromium', () => {
  let server: RunningAdmin;
  beforeAll(async () => {
    server = await startAdmin(NOW);
  });
  afterAll(() => server?.close());

  it('desktop: every journey, from login to the dashboard', { timeout: 180_000 }, async () => {
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await browser.context.newPage();
      page.on('dialog', (d) => void d.accept());
      const base = server.base;

      await page.goto(`${base}/login`);
      await shot(page, 'desktop-01-login');
      await page.fill('#f-username', 'admin');
      await page.fill('#f-password', 'sai-mat-khau');
      await page.click('main button[type=submit]');
      await expect.poll(() => page.textContent('.alert.error')).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
      await login(page, base);
      expect(await page.textContent('h1')).toContain('Các khối thi đua');
      await shot(page, 'desktop-02-blocs');
      await page.click('text=Khối thi đua số 6');
      const blocUrl = page.url();

      // Add a unit, with a bad date first: the message sits by the field and the typed name stays.
      await page.goto(`${blocUrl}/units`);
      await page.fill('#f-name', 'Sở Nội vụ');
      await page.fill('#f-shortName', 'Sở Nội vụ');
      await page.fill('#f-joinedOn', '31/13/2026');
      await page.click('#add button[type=submit]');
      expect(await page.textContent('#f-joinedOn-error')).toContain('dd/mm/yyyy');
      expect(await page.inputValue('#f-name')).toBe('Sở Nội vụ');
      await shot(page, 'desktop-03-unit-error');
      await page.fill('#f-joinedOn', '01/12/2026');
      await page.click('#add button[type=submit]');
      expect(await page.textContent('.alert.ok')).toContain('Đã thêm đơn vị vào Khối.');
      expect(await page.textContent('main')).toContain('Sở Nội vụ');
      await shot(page, 'desktop-04-units');

      // Add its focal point and see the invite QR.
      await page.goto(`${blocUrl}/focal-points`);
      await page.selectOption('#f-unitId', { label: 'Sở Nội vụ' });
      await page.fill('#f-fullName', 'Ngô Thị Lan');
      await page.fill('#f-phone', '0912 345 678');
      await page.click('#add button[type=submit]');
      await page.waitForSelector('img.qr');
      const qrWidth = await page.$eval('img.qr', (img) => (img as unknown as { naturalWidth: number }).naturalWidth);
      expect(qrWidth).toBeGreaterThan(100);
      expect(await page.textContent('#invite')).toContain('https://t.me/khoithidua6_bot?start=fp_');
      await shot(page, 'desktop-05-focal-point-qr');

      // Import a roster file with one bad row: preview, nothing written, then confirm.
      await page.goto(`${blocUrl}/import`);
      await page.setInputFiles('#f-file', {
        name: 'danh-sach.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(ROSTER_CSV, 'utf8'),
      });
      await page.click('main button[type=submit]');
      await page.waitForSelector('tr.row-error');
      expect(await page.textContent('main')).toContain('2 dòng hợp lệ, 1 dòng có lỗi (sẽ bị bỏ qua).');
      expect(await page.textContent('tr.row-error')).toContain(
        'Ngày tham gia “31/02/2026” không phải một ngày có thật',
      );
      await shot(page, 'desktop-06-import-preview');
      await page.click('text=Xác nhận nhập 2 dòng hợp lệ');
      await page.waitForSelector('.alert.ok');
      expect(await page.textContent('main')).toContain('Sở Văn hóa - Thể thao');
      expect(await page.textContent('main')).not.toContain('Hội Luật gia tỉnh');

      // Hand over the chair for 2027 as the policy proposes.
      await page.goto(`${blocUrl}/chair`);
      expect(await page.textContent('#handover h2')).toContain('Bàn giao Khối trưởng cho năm 2027');
      await page.check('input[name=choice][value=proposal]');
      await page.fill('#f-handedOverOn', '15/01/2027');
      await page.fill('#f-note', 'Bàn giao tại Hội nghị tổng kết năm 2026');
      await page.click('#handover button[type=submit]');
      await page.waitForSelector('.alert.ok');
      expect(await page.textContent('main')).toContain('Năm 2027');
      await shot(page, 'desktop-07-chair-handover');

      // Edit the covenant: copy 2026 into 2027, then a unit's target.
      await page.goto(`${blocUrl}/covenant?year=2027`);
      await page.click('text=Sao chép các chỉ tiêu và mức giao của năm 2026');
      await page.waitForSelector('.alert.ok');
      const cell = page.locator('#targets input.cell-input').first();
      await cell.fill('12,5');
      await page.click('#targets button[type=submit]');
      await page.waitForSelector('.alert.ok');
      expect(await page.locator('#targets input.cell-input').first().inputValue()).toBe('12,5');
      await shot(page, 'desktop-08-covenant');

      // Read the dashboard and a report.
      await page.goto(blocUrl);
      expect(await page.textContent('#period-title')).toContain('Tuần 47/2026');
      expect(await page.locator('svg.bar').count()).toBeGreaterThan(10);
      await shot(page, 'desktop-09-dashboard');
      await page.locator('text=Xem').first().click();
      await page.waitForSelector('text=Các lần gửi và sửa');
      await shot(page, 'desktop-10-report');

      // A long action shows its progress and ends in a download.
      await page.goto(`${blocUrl}/downloads`);
      await page.selectOption('#d-year', '2026');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('main button[type=submit]')]);
      expect(download.suggestedFilename()).toMatch(/^tong-ket-2026-khoi-\d+\.docx$/);
      await shot(page, 'desktop-11-downloads');

      // Scoring: a bonus typed with a thousands dot is refused by the field, then entered; a
      // qualitative criterion assessed as not met.
      await page.click('.tabs >> text=Chấm điểm');
      expect(await page.textContent('h1')).toContain('Chấm điểm thi đua năm 2026');
      await page.selectOption('#f-unitId', { index: 2 });
      await page.fill('#f-points', '1.200');
      await page.fill('#f-reason', 'Đăng cai Hội thi nghiệp vụ của Khối');
      await page.click('#adjust button[type=submit]');
      expect(await page.textContent('#f-points-error')).toContain('không có dấu phân cách hàng nghìn');
      expect(await page.inputValue('#f-reason')).toBe('Đăng cai Hội thi nghiệp vụ của Khối');
      await shot(page, 'desktop-17-scoring-error');
      await page.fill('#f-points', '2,5');
      await page.click('#adjust button[type=submit]');
      await page.waitForSelector('.alert.ok');
      expect(await page.textContent('#adjustments')).toContain('Đăng cai Hội thi nghiệp vụ của Khối');
      const row = page.locator('.assess-row').first();
      await row.locator('select[name=met]').selectOption('not_met');
      await row.locator('input[name=note]').fill('Chưa được công nhận đạt chuẩn văn hóa');
      await row.locator('button[type=submit]').click();
      await page.waitForSelector('.alert.ok');
      expect(await page.textContent('#assessments')).toContain('Chưa được công nhận đạt chuẩn văn hóa');
      await shot(page, 'desktop-18-scoring');
    } finally {
      await browser.close();
    }
  });

  it('phone: the same pages fit a 390 px screen', { timeout: 120_000 }, async () => {
    const browser = await openBrowser(PHONE, true);
    try {
      const page = await browser.context.newPage();
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${server.base}/login`);
      await shot(page, 'phone-01-login');
      await login(page, server.base);
      await page.click('text=Khối thi đua số 6');
      const blocUrl = page.url();
      const pages: [string, string][] = [
        ['', 'phone-02-dashboard'],
        ['/units', 'phone-03-units'],
        ['/focal-points', 'phone-04-focal-points'],
        ['/chair', 'phone-05-chair'],
        ['/covenant', 'phone-06-covenant'],
        ['/reports', 'phone-07-reports'],
        ['/schedule', 'phone-08-schedule'],
        ['/scoring', 'phone-17-scoring'],
      ];
      for (const [path, name] of pages) {
        await page.goto(`${blocUrl}${path}`);
        // Nothing but the tables (which scroll in their own box) may be wider than the screen.
        const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
        expect(overflow, path).toBeLessThanOrEqual(0);
        await shot(page, name);
      }
      // What a phone shows first, without scrolling.
      await page.goto(`${blocUrl}/reports`);
      await page.screenshot({ path: join(SCREENSHOTS, 'phone-10-reports-first-screen.png') });
      await page.goto(blocUrl);
      await page.screenshot({ path: join(SCREENSHOTS, 'phone-11-dashboard-first-screen.png') });
      const fp = await page.goto(`${blocUrl}/focal-points`);
      expect(fp?.status()).toBe(200);
      await page.locator('text=Chi tiết').first().click();
      await page.click('text=Tạo mã mời mới');
      await page.waitForSelector('img.qr');
      await shot(page, 'phone-09-focal-point-qr');
    } finally {
      await browser.close();
    }
  });
});

// Personal report links in real headless Chromium, on a desktop and a phone: a focal point's page
// with the link, its QR code and the copy button, re-issuing it, and the list of focal points the
// reminders cannot reach by Telegram with a message to copy. Screenshots go to
// test-artifacts/screenshots/admin-personal-links-*.png.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonalLinkByToken } from '../../src/db/personal-links.js';
import { closeBrowser, openBrowser, type RunningAdmin, SCREENSHOTS, startAdmin } from './harness.js';

// One Chromium for this file's tests (test/browser/harness.ts).
afterAll(closeBrowser);

const NOW = new Date('2026-11-25T03:00:00.000Z');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `admin-personal-links-${name}.png`), fullPage: true });
}

async function login(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#f-username', 'admin');
  await page.fill('#f-password', 'khoithidua6');
  await Promise.all([page.waitForURL(/\/$/), page.click('main button[type=submit]')]);
}

async function openBloc(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/`);
  await page.click('text=Khối thi đua số 6');
  return page.url().replace(/\/$/, '');
}

/** The copy button puts the field's text on the clipboard and says so. */
async function copyAndCheck(page: Page, context: BrowserContext, fieldId: string): Promise<string> {
  const value = await page.inputValue(`#${fieldId}`);
  await page.click(`button[data-copy="${fieldId}"]`);
  await expect.poll(() => page.textContent(`#${fieldId}-status`)).toBe('Đã sao chép');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(value);
  return value;
}

describe('personal links in the admin, in Chromium', () => {
  let server: RunningAdmin;
  beforeAll(async () => {
    server = await startAdmin(NOW);
  });
  afterAll(() => server?.close());

  it('desktop: the focal point’s link and QR code, copy, re-issue; the unreachable list', {
    timeout: 120_000,
  }, async () => {
    const browser = await openBrowser({ width: 1280, height: 800 });
    try {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await browser.context.newPage();
      page.on('dialog', (d) => void d.accept());
      await login(page, server.base);
      const bloc = await openBloc(page, server.base);

      await page.goto(`${bloc}/focal-points`);
      await page.click('table a.button >> nth=0');
      await page.waitForSelector('#personal-link');
      expect(await page.isVisible('#personal-link img.qr')).toBe(true);
      const link = await copyAndCheck(page, browser.context, 'personal-link-url');
      expect(link).toMatch(new RegExp(`^${server.base}/r/[A-Za-z0-9_-]{43}$`));
      await page.locator('#personal-link').scrollIntoViewIfNeeded();
      await shot(page, 'desktop-focal-point');

      // Re-issue (the confirmation is accepted): a new link, and the old one no longer opens anything.
      await Promise.all([
        page.waitForURL(/ok=personalLinkIssued/),
        page.click('#personal-link button:has-text("Cấp lại liên kết")'),
      ]);
      const fresh = await page.inputValue('#personal-link-url');
      expect(fresh).not.toBe(link);
      expect((await findPersonalLinkByToken(server.t.db, link.split('/r/')[1]!)).kind).toBe('revoked');
      expect((await findPersonalLinkByToken(server.t.db, fresh.split('/r/')[1]!)).kind).toBe('ok');

      await page.goto(`${bloc}/delivery/unreachable`);
      expect(await page.textContent('h1')).toContain('Chưa nhận được nhắc nhở tự động');
      const firstMessage = await page.getAttribute('.reach-item textarea >> nth=0', 'id');
      expect(firstMessage).toBeTruthy();
      const text = await copyAndCheck(page, browser.context, firstMessage!);
      expect(text).toContain('Kính gửi đồng chí');
      expect(text).toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
      await shot(page, 'desktop-unreachable');
    } finally {
      await browser.close();
    }
  });

  it('phone: the same pages fit a narrow screen', { timeout: 120_000 }, async () => {
    const browser = await openBrowser({ width: 390, height: 844 }, true);
    try {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await browser.context.newPage();
      page.on('dialog', (d) => void d.accept());
      await login(page, server.base);
      const bloc = await openBloc(page, server.base);
      await page.goto(`${bloc}/focal-points`);
      await page.click('table a.button >> nth=1');
      await page.waitForSelector('#personal-link');
      await copyAndCheck(page, browser.context, 'personal-link-url');
      // Nothing wider than the screen: the link wraps inside its field.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await shot(page, 'phone-focal-point');

      await page.goto(`${bloc}/delivery/unreachable`);
      const firstLink = await page.getAttribute('.reach-item input[data-select-all] >> nth=0', 'id');
      await copyAndCheck(page, browser.context, firstLink!);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await shot(page, 'phone-unreachable');
    } finally {
      await browser.close();
    }
  });
});

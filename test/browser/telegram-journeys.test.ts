// The admin's Telegram pages in real headless Chromium: link the bloc's group (invite QR), send a
// broadcast (an error first, then its progress updating itself as the real delivery worker sends
// through the Bot API emulator), and a report's photos and documents streamed from Telegram.
// Screenshots go to test-artifacts/screenshots/.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramReportFiles } from '../helpers/report-files.js';
import { linkBlocChat } from '../../src/db/bloc-chats.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { closeBrowser, openBrowser, type RunningAdmin, SCREENSHOTS, startAdmin } from './harness.js';

// One Chromium for this file's tests (test/browser/harness.ts).
afterAll(closeBrowser);

const NOW = new Date('2026-11-25T03:00:00.000Z');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function login(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#f-username', 'admin');
  await page.fill('#f-password', 'khoithidua6');
  await Promise.all([page.waitForURL(/\/$/), page.click('main button[type=submit]')]);
}

/** A real JPEG, drawn and photographed by the browser itself. */
async function jpeg(context: BrowserContext, caption: string, colour: string): Promise<Buffer> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 640, height: 480 });
  await page.setContent(
    `<body style="margin:0"><div style="width:640px;height:480px;display:flex;align-items:flex-end;background:linear-gradient(160deg,${colour},#1f2933);color:#fff;font:bold 34px sans-serif;padding:24px;box-sizing:border-box">${caption}</div></body>`,
  );
  const bytes = await page.screenshot({ type: 'jpeg', quality: 80 });
  await page.close();
  return bytes;
}

/** The overflow a phone would have to scroll sideways (tables scroll in their own box). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

describe('Telegram pages of the admin in Chromium', () => {
  let emu: BotEmulator;
  let server: RunningAdmin;
  let blocId: number;
  let reportId: number;
  let worker: DeliveryWorker | undefined;

  beforeAll(async () => {
    emu = await BotEmulator.start({ botUsername: 'khoithidua6_bot' });
    server = await startAdmin(NOW, { reportFiles: telegramReportFiles({ token: emu.token, apiRoot: emu.apiRoot }) });
    const db = server.t.db;
    blocId = (await db.selectFrom('bloc').select('id').executeTakeFirstOrThrow()).id;
    // Five of the demo's focal points have linked their Telegram; the bloc's group is linked.
    const people = await db.selectFrom('focal_point').select('id').orderBy('id').limit(5).execute();
    for (const [i, p] of people.entries()) {
      await db
        .updateTable('focal_point')
        .set({
          telegram_chat_id: String(7001 + i),
          telegram_user_id: String(7001 + i),
          linked_at: '2026-11-02T02:00:00.000Z',
        })
        .where('id', '=', p.id)
        .execute();
    }
    await linkBlocChat(db, {
      blocId,
      telegramChatId: '-1006001',
      title: 'Khối thi đua số 6 - Sóc Trăng',
      at: new Date('2026-11-02T02:30:00Z'),
    });
    const stopped = await linkBlocChat(db, {
      blocId,
      telegramChatId: '-1006000',
      title: 'Nhóm thử nghiệm cũ',
      at: new Date('2026-03-14T01:00:00Z'),
    });
    await db.updateTable('bloc_chat').set({ active: 0 }).where('id', '=', stopped.id).execute();
    reportId = (
      await db
        .selectFrom('progress_report')
        .select('id')
        .where('bloc_id', '=', blocId)
        .where('is_nil', '=', 0)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await worker?.stop();
    await server?.close();
    await emu?.close();
  });

  async function addEvidence(context: BrowserContext): Promise<void> {
    const photos = [
      ['Hội nghị điển hình tiên tiến', '#9b1c1c', 'Hội nghị biểu dương điển hình tiên tiến năm 2026'],
      ['Ra quân tình nguyện', '#1d5fa8', 'Ra quân Chiến dịch tình nguyện'],
      ['Trao quà hội viên', '#1e7d3a', null],
    ] as const;
    const db = server.t.db;
    for (const [text, colour, caption] of photos) {
      const bytes = await jpeg(context, text, colour);
      const { fileId } = emu.addFile({ bytes });
      await db
        .insertInto('report_attachment')
        .values({
          report_id: reportId,
          kind: 'photo',
          telegram_file_id: fileId,
          mime_type: 'image/jpeg',
          size_bytes: bytes.length,
          caption,
          added_in_revision: 1,
        })
        .execute();
    }
    const pdf = emu.addFile({ bytes: Buffer.from('%PDF-1.4\n% báo cáo sơ kết\n') });
    await db
      .insertInto('report_attachment')
      .values({
        report_id: reportId,
        kind: 'document',
        telegram_file_id: pdf.fileId,
        file_name: 'Báo cáo sơ kết phong trào thi đua.pdf',
        mime_type: 'application/pdf',
        size_bytes: 1_250_000,
        added_in_revision: 1,
      })
      .execute();
    await db
      .insertInto('report_attachment')
      .values({
        report_id: reportId,
        kind: 'document',
        telegram_file_id: 'VIDEO-LON',
        file_name: 'Phóng sự hội nghị.mp4',
        mime_type: 'video/mp4',
        size_bytes: 48 * 1024 * 1024,
        added_in_revision: 1,
      })
      .execute();
  }

  it('desktop: the group invite, a broadcast and its progress, a report with photos', {
    timeout: 180_000,
  }, async () => {
    const browser = await openBrowser(DESKTOP);
    try {
      const page = await browser.context.newPage();
      page.on('dialog', (d) => void d.accept());
      const base = `${server.base}/blocs/${blocId}`;
      await login(page, server.base);

      // The bloc's group: the linked groups, then a new invite with its QR code.
      await page.goto(`${base}/delivery`);
      await page.click('nav.tabs >> text=Nhóm Telegram');
      expect(await page.textContent('#groups')).toContain('Khối thi đua số 6 - Sóc Trăng');
      await page.click('#invite button[type=submit]');
      await page.waitForSelector('img.qr');
      expect(await page.textContent('#invite')).toContain('https://t.me/khoithidua6_bot?startgroup=gr_');
      expect(
        await page.$eval('img.qr', (img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(100);
      await shot(page, 'desktop-12-groups');

      // A broadcast: too long first (kept, with the count), then sent.
      await page.click('nav.tabs >> text=Gửi thông báo');
      await page.fill('#f-text', `Kính gửi các đồng chí cán bộ đầu mối. ${'Nội dung rất dài. '.repeat(200)}`);
      expect(await page.textContent('#f-text-count')).toMatch(/^Đã nhập \d+\/3500 ký tự$/);
      await page.click('#send button[type=submit]');
      expect(await page.textContent('#f-text-error')).toContain('vượt quá 3500 ký tự');
      expect(await page.inputValue('#f-text')).toContain('Kính gửi các đồng chí cán bộ đầu mối.');
      await page.fill(
        '#f-text',
        'Kính gửi các đồng chí cán bộ đầu mối,\nVăn phòng Khối đề nghị các đơn vị gửi báo cáo sơ kết 6 tháng trước ngày 05/12/2026.\nTrân trọng.',
      );
      await page.check('#f-includeGroups');
      await shot(page, 'desktop-13-broadcast-form');
      await page.click('#send button[type=submit]');
      await page.waitForSelector('#broadcast-progress[data-refresh]');
      expect(await page.textContent('.alert.ok')).toContain('Đã xếp hàng thông báo');
      expect(await page.textContent('#count-pending b')).toBe('6');
      await shot(page, 'desktop-14-broadcast-queued');

      // The real delivery worker sends them; the page follows without being reloaded.
      await page.evaluate('window.samePage = true');
      worker = startDeliveryWorker({
        db: server.t.db,
        token: emu.token,
        apiRoot: emu.apiRoot,
        logger: quiet,
        now: () => NOW,
        limits: { perSecond: 200 },
      });
      await page.waitForSelector('#broadcast-progress:not([data-refresh])', { timeout: 20_000 });
      expect(await page.textContent('#count-sent b')).toBe('6');
      expect(await page.evaluate('window.samePage')).toBe(true);
      expect(emu.messagesIn('-1006001').at(-1)?.text).toContain('[Khối thi đua số 6]');
      await shot(page, 'desktop-15-broadcast-sent');
      await page.click('text=‹ Gửi thông báo');
      expect(await page.textContent('#history')).toContain('Đã gửi 6/6');

      // A report with its photos and documents.
      await addEvidence(browser.context);
      await page.goto(`${base}/reports/${reportId}`);
      // Polled from outside: waitForFunction would evaluate inside the page, which the CSP forbids.
      const loaded =
        'Array.from(document.querySelectorAll("img.thumb")).filter((i) => i.complete && i.naturalWidth > 0).length';
      await expect.poll(() => page.evaluate(loaded), { timeout: 15_000 }).toBe(3);
      expect(await page.locator('img.thumb').count()).toBe(3);
      expect(await page.textContent('#attachments')).toContain('Tệp lớn hơn 20 MB');
      await page.locator('#attachments').scrollIntoViewIfNeeded();
      await shot(page, 'desktop-16-report-photos');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('text=Báo cáo sơ kết phong trào thi đua.pdf'),
      ]);
      expect(download.suggestedFilename()).toBe('Báo cáo sơ kết phong trào thi đua.pdf');
    } finally {
      await browser.close();
    }
  });

  it('phone: the same pages fit a 390 px screen', { timeout: 120_000 }, async () => {
    const browser = await openBrowser(PHONE, true);
    try {
      const page = await browser.context.newPage();
      await login(page, server.base);
      const base = `${server.base}/blocs/${blocId}`;
      const broadcast = (await server.t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()).id;
      const pages: [string, string][] = [
        ['/delivery/groups', 'phone-12-groups'],
        ['/delivery/broadcasts', 'phone-13-broadcast-form'],
        [`/delivery/broadcasts/${broadcast}`, 'phone-14-broadcast-progress'],
        [`/reports/${reportId}`, 'phone-15-report-photos'],
        ['/delivery', 'phone-16-delivery'],
      ];
      for (const [path, name] of pages) {
        await page.goto(`${base}${path}`);
        expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
        await shot(page, name);
      }
    } finally {
      await browser.close();
    }
  });
});

import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type DigestInput, digestMessage } from '../../src/core/digest-text.js';
import { type EmailService, startEmail } from '../../src/email/start-email.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { closeBrowser, openBrowser, SCREENSHOTS } from './harness.js';

// One Chromium for this file's tests (test/browser/harness.ts).
afterAll(closeBrowser);

// A weekly digest as a chair's secretariat receives it by e-mail: sent through the channel to a
// real SMTP server, its HTML part opened in Chromium with every request refused (a mail must
// fetch nothing), at a desktop webmail's width and a phone's. Screenshots:
// test-artifacts/screenshots/email-digest-*.png.

const digest: DigestInput = {
  blocName: 'Khối thi đua số 6',
  periodKind: 'week',
  periodLabel: 'Tuần 48/2026 (23/11/2026 – 29/11/2026)',
  year: 2026,
  units: [
    { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', shortName: 'UBMTTQ tỉnh', status: 'reported' },
    { name: 'Hội Nông dân tỉnh', shortName: null, status: 'nil' },
    { name: 'Hội Cựu chiến binh tỉnh', shortName: 'Hội CCB', status: 'reported' },
    { name: 'Hội Liên hiệp Phụ nữ Việt Nam tỉnh', shortName: 'Hội LHPN', status: 'reported' },
    { name: 'Tỉnh đoàn', shortName: 'Tỉnh đoàn', status: 'late' },
    { name: 'Liên đoàn Lao động tỉnh', shortName: 'LĐLĐ tỉnh', status: 'reported' },
    { name: 'Hội Chữ thập đỏ tỉnh', shortName: 'Hội CTĐ', status: 'missing' },
  ],
  rates: { expected: 7, received: 6, onTime: 5, reportingRate: 6 / 7, onTimeRate: 5 / 7 },
  onTimeUntil: null,
  criteria: [
    {
      code: '1',
      title: 'Tuyên truyền gương điển hình tiên tiến',
      unitOfMeasure: 'gương',
      valueType: 'count',
      periodTotal: 3,
      ytdTotal: 52,
      ytdTarget: 78,
    },
    {
      code: '2',
      title: 'Mô hình, sáng kiến mới',
      unitOfMeasure: 'mô hình',
      valueType: 'count',
      periodTotal: 5,
      ytdTotal: 214,
      ytdTarget: 200,
    },
    {
      code: '3',
      title: 'Tỷ lệ khen thưởng người lao động trực tiếp',
      unitOfMeasure: '%',
      valueType: 'percent',
      periodTotal: 45.5,
      ytdTotal: 41,
      ytdTarget: 50,
    },
    {
      code: '4',
      title: 'Hoạt động tuyên truyền',
      unitOfMeasure: 'hoạt động',
      valueType: 'count',
      periodTotal: 12,
      ytdTotal: 310,
      ytdTarget: 0,
    },
  ],
  notable: [
    { unitName: 'Hội Nông dân tỉnh', text: 'Nhân rộng mô hình "Dân vận khéo" tại 11 huyện, thị xã.' },
    { unitName: 'Tỉnh đoàn', text: 'Ra quân Tháng Thanh niên với 2.400 đoàn viên tham gia.' },
  ],
};

let smtp: TestSmtpServer | undefined;
let email: EmailService | undefined;
afterEach(async () => {
  email?.channel.close?.();
  await smtp?.close();
});

describe('a digest by e-mail, in a browser', () => {
  it('reads as tables with bars, fetches nothing, and fits a phone', async () => {
    smtp = await TestSmtpServer.start();
    email = startEmail({
      config: {
        smtpUrl: smtp.url,
        from: { name: 'Văn phòng Khối thi đua số 6', address: 'khoi6@soctrang.gov.vn' },
        ratePerMinute: 60,
        tlsVerify: true,
      },
      publicUrl: 'https://thidua.soctrang.gov.vn',
      linkSecret: 'x'.repeat(40),
      timeZone: 'Asia/Ho_Chi_Minh',
      now: () => new Date('2026-11-30T01:00:00Z'),
    });
    const [part] = email.channel.render(digestMessage(digest), { messageKey: 'digest:1:2026-W48' });
    expect(await email.channel.send('vanphong@tinhdoan.soctrang.gov.vn', part)).toMatchObject({ type: 'sent' });
    const mail = smtp.mails[0]!.parsed;
    expect(mail.subject).toBe('[Khối thi đua số 6] Bản tin thi đua Tuần 48/2026');
    const html = String(mail.html);

    const browser = await openBrowser({ width: 900, height: 1200 });
    try {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(html, { waitUntil: 'load' });
      expect(requests).toEqual([]);
      const text = await page.textContent('body');
      expect(text).toContain('📈 KẾT QUẢ TUẦN VÀ LŨY KẾ NĂM 2026');
      expect(text).toContain('Tuyên truyền gương điển hình tiên tiến');
      expect(text).toContain('Nhân rộng mô hình "Dân vận khéo"');
      // The bars are drawn: a filled cell as wide as the share (52/78 ≈ 67%).
      expect(await page.locator('td[width="67%"]').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'email-digest-desktop.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      expect(overflow).toBeLessThanOrEqual(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'email-digest-phone.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

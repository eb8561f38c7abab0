import { afterEach, describe, expect, it } from 'vitest';
import { parseEmailAddress, parseMailbox } from '../../src/core/email-address.js';
import { broadcastMessage } from '../../src/core/broadcast-text.js';
import type { OutboundMessage } from '../../src/core/outbound-message.js';
import { periodFromKey } from '../../src/core/periods.js';
import { unitReminderMessage } from '../../src/core/reminder-text.js';
import { zonedInstant } from '../../src/core/time.js';
import type { Channel } from '../../src/delivery/channel.js';
import { classifySmtpError } from '../../src/email/smtp-classification.js';
import { type EmailService, startEmail } from '../../src/email/start-email.js';
import { addressOfUnsubscribeLink } from '../../src/email/unsubscribe-link.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';

// The e-mail channel against a real SMTP server on loopback: what a recipient gets (subject,
// multipart text + HTML, their own link, List-Unsubscribe), how the server's answers are
// classified, and that no name or subject can add a header.

const TZ = 'Asia/Ho_Chi_Minh';
const SECRET = 'k'.repeat(40);
let smtp: TestSmtpServer | undefined;
let email: EmailService | undefined;
afterEach(async () => {
  email?.channel.close?.();
  await smtp?.close();
  [smtp, email] = [undefined, undefined];
});

async function start(fromName = 'Văn phòng Khối thi đua số 6'): Promise<Channel> {
  smtp = await TestSmtpServer.start();
  email = startEmail({
    config: {
      smtpUrl: smtp.url,
      from: { name: fromName, address: 'khoi6@soctrang.gov.vn' },
      ratePerMinute: 600,
      tlsVerify: true,
    },
    publicUrl: 'https://thidua.soctrang.gov.vn',
    linkSecret: SECRET,
    timeZone: TZ,
    now: () => new Date('2026-12-03T02:00:00Z'),
  });
  return email.channel;
}

function reminder(names: { bloc?: string; person?: string } = {}): OutboundMessage {
  const period = periodFromKey('2026-W49');
  return unitReminderMessage({
    blocName: names.bloc ?? 'Khối thi đua số 6',
    focalPointName: names.person ?? 'Nguyễn Văn An',
    unitName: 'Hội Nông dân tỉnh',
    period: { key: period.key, label: period.label, deadline: zonedInstant('2026-12-08', '00:00', TZ) },
    stage: { kind: 'before', ordinal: 1 },
    timeZone: TZ,
  });
}

async function deliver(channel: Channel, address: string, message: OutboundMessage, link?: string) {
  const parts = channel.render(message, { personalLink: link, messageKey: `k:${address}` });
  expect(parts).toHaveLength(1);
  return channel.send(address, parts[0]);
}

describe('the e-mail channel', () => {
  it('sends a reminder as text and HTML in Vietnamese, with the subject of the issue and the recipient’s own link', async () => {
    const channel = await start();
    const link = 'https://thidua.soctrang.gov.vn/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect(await deliver(channel, 'an.nv@hoinongdan.soctrang.gov.vn', reminder(), link)).toMatchObject({
      type: 'sent',
    });
    const [mail] = smtp!.mails;
    const p = mail!.parsed;
    expect(p.subject).toBe('[Khối thi đua số 6] Nhắc báo cáo Tuần 49/2026 – hạn hết ngày 07/12/2026');
    expect(p.from?.value).toEqual([{ name: 'Văn phòng Khối thi đua số 6', address: 'khoi6@soctrang.gov.vn' }]);
    expect(p.text).toContain('Kính gửi đồng chí Nguyễn Văn An,');
    expect(p.text).toContain(link);
    expect(p.html).toContain(`href="${link}"`);
    expect(p.html).toContain('Mở biểu mẫu báo cáo');
    // Nothing fetched from outside when the mail is opened: no image, stylesheet or script source.
    expect(p.html).not.toMatch(/<img|<link|<script|url\(|src=/i);
    expect(mail!.raw).toMatch(/Content-Type: multipart\/alternative/i);
    // List-Unsubscribe: only a one-click link only this address's token opens; no mailto nothing reads.
    const headers = mail!.raw.replace(/\r?\n[ \t]+/g, ' ');
    const unsubscribe = headers.match(/^List-Unsubscribe: (.*)$/m)?.[1] ?? '';
    const m = /<https:\/\/thidua\.soctrang\.gov\.vn\/email\/unsubscribe\/([^/]+)\/([^>]+)>/.exec(unsubscribe);
    expect(m).not.toBeNull();
    expect(addressOfUnsubscribeLink(SECRET, m![1]!, m![2]!)).toBe('an.nv@hoinongdan.soctrang.gov.vn');
    expect(unsubscribe).not.toContain('mailto:');
    expect(unsubscribe).toMatch(/^<https:[^>]+>$/);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // The same row sent again (after a crash) carries the same Message-ID.
    await deliver(channel, 'an.nv@hoinongdan.soctrang.gov.vn', reminder(), link);
    expect(smtp!.mails[1]!.parsed.messageId).toBe(p.messageId);
  });

  it('says how to get a link when the recipient has none, and gives no link of anyone else', async () => {
    const channel = await start();
    await deliver(channel, 'binh@soctrang.gov.vn', reminder());
    const p = smtp!.mails[0]!.parsed;
    expect(p.text).toContain('liên hệ văn phòng Khối để được cấp liên kết báo cáo cá nhân');
    // Channel-neutral: the recipient may have only e-mail or Zalo.
    expect(p.text).not.toContain('Telegram');
    expect(p.text).not.toContain('/r/');
    expect(p.html).not.toContain('/r/');
  });

  it('cannot be made to add a header through a name, a bloc or a subject', async () => {
    const channel = await start('Văn phòng\r\nBcc: spy@evil.example');
    const message = broadcastMessage(
      'Khối 6\r\nBcc: spy@evil.example\r\nX-Injected: 1',
      '<script>alert(1)</script>\nNội dung',
      'Trần B\nCc: x@evil.example',
    );
    expect(await deliver(channel, 'an@soctrang.gov.vn', message)).toMatchObject({ type: 'sent' });
    const mail = smtp!.mails[0]!;
    const headerPart = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/));
    expect(headerPart).not.toMatch(/^(Bcc|Cc|X-Injected):/im);
    expect(mail.to).toBe('an@soctrang.gov.vn');
    expect(mail.parsed.subject).toContain('Khối 6 Bcc: spy@evil.example X-Injected: 1');
    expect(mail.parsed.html).toContain('&#60;script&#62;');
    expect(mail.parsed.html).not.toContain('<script>');
  });

  it('retries on a 4xx reply, fails for good on a 5xx with the server’s answer', async () => {
    const channel = await start();
    smtp!.onRcpt = (a, n) =>
      a === 'tam@soctrang.gov.vn' && n === 1
        ? { code: 451, text: '4.7.1 Greylisted, try again later' }
        : a === 'khong@soctrang.gov.vn'
          ? { code: 550, text: '5.1.1 <khong@soctrang.gov.vn>: Recipient address rejected: User unknown' }
          : undefined;
    const first = await deliver(channel, 'tam@soctrang.gov.vn', reminder());
    expect(first).toMatchObject({ type: 'retryLater' });
    expect((first as { error: string }).error).toContain('451 4.7.1 Greylisted');
    expect(await deliver(channel, 'tam@soctrang.gov.vn', reminder())).toMatchObject({ type: 'sent' });
    const refused = await deliver(channel, 'khong@soctrang.gov.vn', reminder());
    expect(refused).toMatchObject({ type: 'permanent', reason: 'address_rejected' });
    expect((refused as { error: string }).error).toContain(
      '550 5.1.1 <khong@soctrang.gov.vn>: Recipient address rejected: User unknown',
    );
  });

  it('retries when the server cannot be reached', async () => {
    const channel = await start();
    await smtp!.close();
    const r = await deliver(channel, 'an@soctrang.gov.vn', reminder());
    expect(r).toMatchObject({ type: 'retryLater' });
    expect((r as { error: string }).error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    smtp = await TestSmtpServer.start(); // for afterEach
  });

  it('sends the test mail and reports the server’s refusal', async () => {
    await start();
    expect(await email!.sendTestMail('an@soctrang.gov.vn')).toEqual({ ok: true });
    expect(smtp!.mails[0]!.parsed.subject).toBe('Thư thử từ hệ thống theo dõi thi đua');
    smtp!.onRcpt = () => ({ code: 550, text: '5.7.1 Relaying denied' });
    const r = await email!.sendTestMail('x@example.org');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('550 5.7.1 Relaying denied') });
  });
});

describe('SMTP classification', () => {
  it.each([
    [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed' }, 'unauthorised'],
    [{ code: 'EENVELOPE', responseCode: 452, response: '452 4.2.2 Mailbox full', command: 'RCPT TO' }, 'retryLater'],
    [
      { code: 'EMESSAGE', responseCode: 554, response: '554 5.7.1 Spam', command: 'DATA', permanent: true },
      'permanent',
    ],
    [{ code: 'EPROTOCOL', responseCode: 503, response: '503 Bad sequence', permanent: false }, 'retryLater'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'retryLater'],
    [{ code: 'ETLS', message: 'self-signed certificate' }, 'retryLater'],
  ])('%o → %s', (error, type) => {
    expect(classifySmtpError(error).type).toBe(type);
  });
  it('names a refused message apart from a refused address', () => {
    expect(classifySmtpError({ responseCode: 554, response: '554 no', command: 'DATA' })).toMatchObject({
      reason: 'mail_refused',
    });
  });
});

describe('addresses', () => {
  it('keeps official addresses and refuses anything that could carry a header or a second recipient', () => {
    expect(parseEmailAddress('  An.NV@HoiNongDan.SocTrang.gov.vn ')).toEqual({
      ok: true,
      address: 'an.nv@hoinongdan.soctrang.gov.vn',
    });
    for (const bad of [
      'an',
      'an@',
      '@x.vn',
      'an@x',
      'a b@x.vn',
      'an@x.vn\nBcc: y@z.vn',
      'a@x.vn,b@y.vn',
      '<a@x.vn>',
      'a..b@x.vn',
      'an@-x.vn',
    ])
      expect(parseEmailAddress(bad).ok, bad).toBe(false);
    expect(parseEmailAddress('').ok).toBe(false);
    expect(parseMailbox('"Văn phòng Khối thi đua số 6" <khoi6@soctrang.gov.vn>')).toEqual({
      name: 'Văn phòng Khối thi đua số 6',
      address: 'khoi6@soctrang.gov.vn',
    });
    expect(parseMailbox('Văn phòng <khoi6@soctrang.gov.vn>')?.name).toBe('Văn phòng');
    expect(parseMailbox('khoi6@soctrang.gov.vn')).toEqual({ name: '', address: 'khoi6@soctrang.gov.vn' });
    expect(parseMailbox('Văn "phòng" <khoi6@soctrang.gov.vn>')).toBeNull();
  });
});

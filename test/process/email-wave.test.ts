import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { personalLinkUrl } from '../../src/core/personal-link-token.js';
import { periodFromKey } from '../../src/core/periods.js';
import { unitReminderMessage } from '../../src/core/reminder-text.js';
import { zonedInstant } from '../../src/core/time.js';
import { addContactAddress } from '../../src/db/contact-addresses.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { activePersonalLinkOf, ensurePersonalLinks, tokenOfLink } from '../../src/db/personal-links.js';
import { waitFor } from '../delivery/support.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { freePort } from '../helpers/ports.js';
import { type Started, startCommand } from '../helpers/process.js';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { builtEntry } from '../helpers/built.js';

// The real product (src/main.ts, as `npm start`) delivering a reminder wave by e-mail to a real
// SMTP server started here: every e-mail-only focal point gets it once, with their own personal
// link; a 451 is retried and then delivered; a 550 fails for good with the server's answer; the
// process is SIGKILLed in the middle of the wave (the server holding one mail's answer, the
// documented window) and started again, and nothing is lost. One mail's List-Unsubscribe is then
// used: the address stops receiving.

const root = join(import.meta.dirname, '../..');
const TZ = 'Asia/Ho_Chi_Minh';
const SECRET = 'secret-of-the-e-mail-process-test-0123456789';
const PEOPLE = 12;

let t: TestDb | undefined;
let smtp: TestSmtpServer | undefined;
const started: Started[] = [];
afterEach(async () => {
  for (const s of started) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  started.length = 0;
  await smtp?.close();
  await t?.close();
  [smtp, t] = [undefined, undefined];
});

const address = (i: number) => `canbo${i}@donvi${i}.soctrang.gov.vn`;

describe('a reminder wave by e-mail from the real process', () => {
  it('reaches everyone once with their own link, retries a 4xx, fails a 5xx, and loses nothing to a SIGKILL', async () => {
    t = await createTestDb();
    const { db } = t;
    const bloc = await createSmallBloc(db, { name: 'Khối thi đua số 6', units: PEOPLE });
    const now = new Date();
    for (const [i, fp] of bloc.focalPointIds.entries())
      await addContactAddress(db, { focalPointId: fp, channel: 'email', address: address(i + 1), at: now });
    await ensurePersonalLinks(db, SECRET, now);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const linkOf = new Map<string, string>();
    for (const [i, fp] of bloc.focalPointIds.entries()) {
      const link = (await activePersonalLinkOf(db, fp))!;
      linkOf.set(address(i + 1), personalLinkUrl(base, tokenOfLink(SECRET, link)!));
    }
    const period = periodFromKey('2026-W49');
    await db.transaction().execute(async (trx) => {
      for (const [i, fp] of bloc.focalPointIds.entries()) {
        const message = unitReminderMessage({
          blocName: 'Khối thi đua số 6',
          focalPointName: `Cán bộ ${i + 1}`,
          unitName: `Đơn vị ${i + 1}`,
          period: { key: period.key, label: period.label, deadline: zonedInstant('2026-12-08', '00:00', TZ) },
          stage: { kind: 'before', ordinal: 1 },
          timeZone: TZ,
        });
        await enqueueOutbox(trx, {
          dedupeKey: `reminder:email-test:${fp}`,
          blocId: bloc.blocId,
          kind: 'reminder',
          channel: 'email',
          address: address(i + 1),
          audience: 'person',
          message,
          now,
        });
      }
    });

    smtp = await TestSmtpServer.start();
    smtp.onRcpt = (a, n) =>
      a === address(2) && n === 1
        ? { code: 451, text: '4.7.1 Greylisted, please try again later' }
        : a === address(3)
          ? { code: 550, text: `5.1.1 <${address(3)}>: Recipient address rejected: User unknown` }
          : undefined;
    const start = () => {
      const s = startCommand(`${process.execPath} ${builtEntry('main')}`, root, {
        DATABASE_PATH: t!.path,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DEMO_DATA: 'false',
        JOBS_CATCHUP_HOURS: '0',
        PUBLIC_URL: base,
        PERSONAL_LINK_SECRET: SECRET,
        SMTP_URL: smtp!.url,
        MAIL_FROM: '"Văn phòng Khối thi đua số 6" <khoi6@soctrang.gov.vn>',
        MAIL_RATE_PER_MINUTE: '6000',
      });
      started.push(s);
      return s;
    };
    // The sixth mail is in; the process dies before the server answers it.
    let victim: string | undefined;
    const first = start();
    smtp.onMail = (mail) => {
      if (smtp!.mails.length !== 6) return undefined;
      victim = mail.to;
      first.child.kill('SIGKILL');
      return 'no_answer';
    };
    await waitFor(() => first.child.signalCode === 'SIGKILL', 60_000, `the sixth mail\n${first.output()}`);
    await first.exited;
    smtp.onMail = () => undefined;
    // The rows in flight when it died: the server may have taken them (the documented window).
    const atRisk = (
      await db.selectFrom('outbox_message').select('address').where('status', '=', 'sending').execute()
    ).map((r) => r.address);
    expect(atRisk).toContain(victim);
    expect(atRisk.length).toBeLessThanOrEqual(10);

    const second = start();
    const open = async () =>
      (await db.selectFrom('outbox_message').select('id').where('status', 'in', ['queued', 'sending']).execute())
        .length;
    await waitFor(async () => (await open()) === 0, 60_000, `the wave delivered\n${second.output()}`);

    // Everyone but the refused address got the reminder exactly once (a mail in flight at the kill
    // at most twice, as the same mail: one Message-ID), each with their own personal link and nobody else's.
    for (let i = 1; i <= PEOPLE; i++) {
      const mails = smtp.mailsTo(address(i));
      if (i === 3) {
        expect(mails).toHaveLength(0);
        continue;
      }
      if (atRisk.includes(address(i))) {
        expect(mails.length).toBeGreaterThanOrEqual(1);
        expect(mails.length).toBeLessThanOrEqual(2);
        expect(new Set(mails.map((m) => m.parsed.messageId)).size).toBe(1);
      } else expect(mails, address(i)).toHaveLength(1);
      const text = String(mails[0]!.parsed.text);
      expect(mails[0]!.parsed.subject).toBe('[Khối thi đua số 6] Nhắc báo cáo Tuần 49/2026 – hạn hết ngày 07/12/2026');
      expect(text).toContain(`Kính gửi đồng chí Cán bộ ${i},`);
      expect(text).toContain(linkOf.get(address(i)));
      for (const [other, link] of linkOf) if (other !== address(i)) expect(text).not.toContain(link);
    }
    const rows = await db
      .selectFrom('outbox_message')
      .select(['address', 'status', 'attempts', 'failure_reason', 'last_error'])
      .execute();
    const row = (a: string) => rows.find((r) => r.address === a)!;
    expect(row(address(2))).toMatchObject({ status: 'sent' });
    expect(row(address(2)).attempts).toBeGreaterThanOrEqual(2);
    expect(smtp.rcptAttemptsOf(address(2))).toBe(2);
    expect(row(address(3))).toMatchObject({ status: 'failed', failure_reason: 'address_rejected' });
    expect(row(address(3)).last_error).toContain('550 5.1.1');
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(PEOPLE - 1);
    expect(second.output()).toContain('messages were in flight when the previous process stopped');

    // The personal link in the mail opens the report form; the List-Unsubscribe link, posted as a
    // mail client does (RFC 8058), stops mail to that address.
    expect((await fetch(linkOf.get(address(1))!)).status).toBe(200);
    const headers = smtp.mailsTo(address(1))[0]!.raw.replace(/\r?\n[ \t]+/g, ' ');
    const unsubscribe = /^List-Unsubscribe: <(http[^>]+)>/m.exec(headers)![1]!;
    expect(unsubscribe.startsWith(`${base}/email/unsubscribe/`)).toBe(true);
    const res = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const state = await db
      .selectFrom('contact_address')
      .select(['state', 'unsubscribed_at'])
      .where('address', '=', address(1))
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('unsubscribed');
    expect(state.unsubscribed_at).not.toBeNull();
    second.child.kill('SIGTERM');
    await second.exited;
    expect(smtp.serverErrors).toEqual([]);
  }, 120_000);
});

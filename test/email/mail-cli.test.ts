import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { TestSmtpServer } from '../helpers/smtp-server.js';
import { builtEntry } from '../helpers/built.js';

// `npm run cli -- mail test --to ADDRESS`, the real command line against a real SMTP server.

const root = join(import.meta.dirname, '../..');
const run = promisify(execFile);
let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

async function cli(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await run(process.execPath, [builtEntry('cli'), 'mail', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...env },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('mail test', () => {
  it('sends one mail and says so, names a refusal, and explains when e-mail is off', async () => {
    smtp = await TestSmtpServer.start();
    const env = {
      SMTP_URL: smtp.url,
      MAIL_FROM: '"Văn phòng Khối thi đua số 6" <khoi6@soctrang.gov.vn>',
      PUBLIC_URL: 'https://thidua.soctrang.gov.vn',
    };
    const ok = await cli(env, 'test', '--to', 'Thu@SocTrang.gov.vn');
    expect(ok).toEqual({
      code: 0,
      out: expect.stringContaining('Máy chủ thư đã nhận thư thử gửi tới thu@soctrang.gov.vn'),
    });
    expect(smtp.mails.map((m) => m.to)).toEqual(['thu@soctrang.gov.vn']);
    expect(smtp.mails[0]!.parsed.from?.value[0]?.name).toBe('Văn phòng Khối thi đua số 6');

    smtp.onRcpt = () => ({ code: 550, text: '5.7.1 Relaying denied' });
    const refused = await cli(env, 'test', '--to', 'x@example.org');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Không gửi được thư thử. Máy chủ thư trả lời: 550 5.7.1 Relaying denied');

    const bad = await cli(env, 'test', '--to', 'x@');
    expect(bad.out).toContain('Địa chỉ thư điện tử “x@” không đúng dạng');
    const off = await cli({}, 'test', '--to', 'x@example.org');
    expect(off.out).toContain('Chưa bật gửi thư: hãy đặt SMTP_URL');
    expect(smtp.mails).toHaveLength(1);
  }, 60_000);
});

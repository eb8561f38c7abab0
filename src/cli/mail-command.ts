// `npm run cli -- mail test --to ADDRESS`: sends one test mail through the configured SMTP server
// now and says what the server answered, so an operator can check SMTP_URL and MAIL_FROM before
// the first reminders go out. Needs no database.

import { parseEmailAddress } from '../core/email-address.js';
import type { FileCommand } from './commands.js';
import { CliError, parseOptions } from './context.js';

const m = {
  usage: 'mail test --to ĐỊA_CHỈ          gửi thử một thư qua máy chủ thư đã cấu hình (SMTP_URL)',
  command: 'Dùng: npm run cli -- mail test --to ten@donvi.gov.vn',
  off: 'Chưa bật gửi thư: hãy đặt SMTP_URL, MAIL_FROM và PUBLIC_URL (xem README, mục «Thư điện tử»).',
  badAddress: (to: string) => `Địa chỉ thư điện tử “${to}” không đúng dạng (ví dụ: ten@donvi.soctrang.gov.vn).`,
  sent: (to: string, from: string) => `Máy chủ thư đã nhận thư thử gửi tới ${to} (người gửi: ${from}).`,
  failed: (error: string) => `Không gửi được thư thử. Máy chủ thư trả lời: ${error}`,
};

export const mailCommand: FileCommand = {
  name: 'mail',
  usage: m.usage,
  withoutDatabase: true,
  async run(ctx, args) {
    const { positional, options } = parseOptions(args);
    if (positional[0] !== 'test' || positional.length > 1 || !options.to) throw new CliError(m.command);
    const email = ctx.config.email;
    if (!email || !ctx.sendTestMail) throw new CliError(m.off);
    const to = parseEmailAddress(options.to);
    if (!to.ok) throw new CliError(m.badAddress(options.to));
    const result = await ctx.sendTestMail(email, to.address, ctx.config.timeZone);
    if (!result.ok) throw new CliError(m.failed(result.error));
    ctx.out(m.sent(to.address, email.from.address));
  },
};

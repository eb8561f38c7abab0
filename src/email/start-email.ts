// What main.ts needs to run the e-mail channel: the channel over the configured SMTP server, with
// each recipient's List-Unsubscribe links, and the test mail the admin and the CLI send.

import type { EmailConfig } from '../config.js';
import { formatDateTimeVi } from '../core/time.js';
import type { Channel } from '../delivery/channel.js';
import { createEmailChannel, type MailTransport } from './email-channel.js';
import { emailText as t } from './messages.js';
import { classifySmtpError, type SmtpErrorLike } from './smtp-classification.js';
import { createSmtpTransport } from './smtp-transport.js';
import { unsubscribeUrl } from './unsubscribe-link.js';

export type TestMailResult = { ok: true } | { ok: false; error: string };

export interface EmailService {
  channel: Channel;
  /** Sends the test mail now, outside the outbox: the operator is waiting for the answer. */
  sendTestMail(to: string): Promise<TestMailResult>;
}

export function startEmail(deps: {
  config: EmailConfig;
  publicUrl: string | undefined;
  linkSecret: string;
  timeZone: string;
  now: () => Date;
  /** Tests give their own; otherwise nodemailer's pool over SMTP_URL. */
  transport?: MailTransport;
}): EmailService {
  const transport = deps.transport ?? (createSmtpTransport(deps.config) as unknown as MailTransport);
  const from = deps.config.from;
  const channel = createEmailChannel({
    transport,
    from,
    ratePerMinute: deps.config.ratePerMinute,
    unsubscribe: (address) => (deps.publicUrl ? unsubscribeUrl(deps.publicUrl, deps.linkSecret, address) : undefined),
  });
  return {
    channel,
    async sendTestMail(to) {
      const body = t.testBody(formatDateTimeVi(deps.now(), deps.timeZone));
      try {
        await transport.sendMail({
          from,
          to: { name: '', address: to },
          subject: t.testSubject,
          text: body,
          html: `<!DOCTYPE html><html lang="vi"><body style="font-family:Arial,Helvetica,sans-serif;"><p>${body}</p></body></html>`,
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: classifySmtpError(error as SmtpErrorLike).error };
      }
    },
  };
}

/** The command line's test mail: a transport of its own, one mail, then closed. */
export async function sendTestMailOnce(config: EmailConfig, to: string, timeZone: string): Promise<TestMailResult> {
  const service = startEmail({
    config,
    publicUrl: undefined,
    linkSecret: '',
    timeZone,
    now: () => new Date(),
  });
  try {
    return await service.sendTestMail(to);
  } finally {
    service.channel.close?.();
  }
}

// The e-mail channel as the outbox worker sees it (src/delivery/channel.ts): each neutral message
// rendered as one multipart mail (render-email.ts), sent through nodemailer to the configured SMTP
// server, and the server's answers mapped onto the interface (smtp-classification.ts). Its pace is
// MAIL_RATE_PER_MINUTE in total; an address takes one mail a second at most
// (docs/decisions/0095-email-channel.md).

import { createHash } from 'node:crypto';
import type { Mailbox } from '../core/email-address.js';
import type { Channel, ChannelSendResult } from '../delivery/channel.js';
import { type EmailPart, headerText, renderEmail } from './render-email.js';
import { classifySmtpError, type SmtpErrorLike } from './smtp-classification.js';

/** The part of a nodemailer transport the channel uses (a test may give its own). */
export interface MailTransport {
  sendMail(mail: {
    from: { name: string; address: string };
    to: { name: string; address: string };
    subject: string;
    text: string;
    html: string;
    messageId?: string;
    /** One List-Unsubscribe header with every way, in order (nodemailer writes one header per outer item). */
    list?: { unsubscribe: string[][] };
    headers?: Record<string, string>;
  }): Promise<unknown>;
  close(): void;
}

/** A mail's rendered part, with the key its Message-ID is derived from. */
export interface EmailSendPart extends EmailPart {
  messageKey?: string;
}

export function createEmailChannel(deps: {
  transport: MailTransport;
  from: Mailbox;
  ratePerMinute: number;
  /**
   * The recipient's one-click List-Unsubscribe link (RFC 8058), if any. Only the link: a mailto to
   * the sender would offer a way nothing reads (decision 0095).
   */
  unsubscribe?: (address: string) => string | undefined;
}): Channel {
  const domain = deps.from.address.slice(deps.from.address.lastIndexOf('@') + 1);
  // Same row, same part, same Message-ID: a mail sent again after a crash can be recognised as the
  // same one (Gmail drops it); two different rows never share one.
  const messageId = (key: string, address: string) =>
    `<${createHash('sha256').update(`${key}\n${address}`).digest('hex').slice(0, 32)}@${domain}>`;
  return {
    name: 'email',
    limits: {
      perSecond: deps.ratePerMinute / 60,
      addressWindow: () => ({ count: 1, windowMs: 1000 }),
    },
    render: (message, context) =>
      renderEmail(message, context).map((p): EmailSendPart => ({ ...p, messageKey: context.messageKey })),
    async send(address, raw): Promise<ChannelSendResult> {
      const part = raw as EmailSendPart;
      const unsubscribe = deps.unsubscribe?.(address);
      try {
        await deps.transport.sendMail({
          from: { name: headerText(deps.from.name), address: deps.from.address },
          // An object, not a string nodemailer would parse as a list: one stored address, one recipient.
          to: { name: '', address },
          subject: headerText(part.subject),
          text: part.text,
          html: part.html,
          ...(part.messageKey ? { messageId: messageId(part.messageKey, address) } : {}),
          ...(unsubscribe
            ? {
                list: { unsubscribe: [[unsubscribe]] },
                headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
              }
            : {}),
        });
        return { type: 'sent', platformMessageId: null };
      } catch (error) {
        return classifySmtpError(error as SmtpErrorLike);
      }
    },
    close: () => deps.transport.close(),
  };
}

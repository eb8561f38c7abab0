// What an SMTP server's answer (or its silence) means for an outbox row, in the channel
// interface's terms (docs/decisions/0095-email-channel.md):
// - 2xx: sent;
// - 4xx (greylisting, a full mailbox for now, "try again later") and every failure to connect,
//   time out or negotiate TLS: retry later with backoff, the server's answer kept as the error;
// - 5xx: permanent, with the server's answer kept for the admin (RFC 5321: 5yz replies are final;
//   nodemailer marks 503, a bad command sequence, as not permanent, and so do we);
// - refused credentials (535, EAUTH): unauthorised, so the channel waits and no attempt is spent.
// Pure.

export type SmtpOutcome =
  | { type: 'retryLater'; error: string }
  | { type: 'permanent'; reason: 'address_rejected' | 'mail_refused'; error: string }
  | { type: 'unauthorised'; error: string };

/** The fields nodemailer puts on the errors it gives (its NodemailerError). */
export interface SmtpErrorLike {
  code?: string;
  message?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
  command?: string;
}

const MAX_ERROR = 500;

/** The server's own words ('550 5.1.1 <x@y>: Recipient address rejected'), else the error's. */
export function smtpErrorText(e: SmtpErrorLike): string {
  const said = e.response?.trim();
  const text = said
    ? /^\d{3}/.test(said)
      ? said
      : `${e.responseCode ?? ''} ${said}`.trim()
    : `${e.code ?? 'ERROR'}: ${e.message ?? 'lỗi không rõ'}`;
  const line = text.replace(/\s+/g, ' ');
  return line.length > MAX_ERROR ? `${line.slice(0, MAX_ERROR - 1)}…` : line;
}

/** Classifies an error nodemailer gave for one message to one recipient. */
export function classifySmtpError(e: SmtpErrorLike): SmtpOutcome {
  const error = smtpErrorText(e);
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.responseCode === 535 || e.responseCode === 530)
    return { type: 'unauthorised', error };
  const code = e.responseCode;
  if (code !== undefined && code >= 500 && code < 600 && e.permanent !== false && code !== 503) {
    const atRecipient = /RCPT/i.test(e.command ?? '');
    return { type: 'permanent', reason: atRecipient ? 'address_rejected' : 'mail_refused', error };
  }
  // nodemailer refuses an address it cannot put in an envelope before talking to the server.
  if (e.code === 'EENVELOPE' && code === undefined) return { type: 'permanent', reason: 'address_rejected', error };
  return { type: 'retryLater', error };
}

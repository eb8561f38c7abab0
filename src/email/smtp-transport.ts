// The one nodemailer transport of the process: a small pool of SMTP connections to the configured
// server (SMTP_URL), TLS certificates checked unless SMTP_TLS_VERIFY=false, and timeouts short
// enough that a silent server fails a send in seconds rather than nodemailer's default minutes.

import nodemailer from 'nodemailer';
import type { EmailConfig } from '../config.js';

export type SmtpTransport = ReturnType<typeof createSmtpTransport>;

export function createSmtpTransport(config: Pick<EmailConfig, 'smtpUrl' | 'tlsVerify'>) {
  return nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 2,
    maxMessages: 100,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    tls: { rejectUnauthorized: config.tlsVerify },
  });
}

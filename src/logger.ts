// JSON logs (pino). Secrets never reach the output: fields that hold one are redacted by name, and
// every line is scrubbed of secret-looking text on its way out, which catches the bot token inside
// the Bot API URLs that telegraf and fetch put in their error messages (docs/decisions/0067).
import { type DestinationStream, type Logger, pino } from 'pino';
import { REDACTED, scrubSecrets } from './core/secret-patterns.js';

export type { Logger };

/** Field names whose values are secrets, at the top level and one or two levels down. */
const SECRET_FIELDS = [
  'token',
  'botToken',
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'password_hash',
  'secret',
  'webhookSecret',
  'secret_token',
  'sessionId',
  'session_id',
  'cookie',
  'authorization',
  'csrf',
  'csrfToken',
  'metricsToken',
];
const REDACT_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  ...SECRET_FIELDS.map((f) => `*.*.${f}`),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  'headers["x-telegram-bot-api-secret-token"]',
  '*.headers["x-telegram-bot-api-secret-token"]',
];

/** Wraps a destination so each serialised line is scrubbed of secret patterns before it is written. */
export function scrubbingStream(inner: DestinationStream): DestinationStream {
  return { write: (line: string) => inner.write(scrubSecrets(line)) };
}

export interface LoggerOptions {
  /** Where lines go: standard output by default (tests write to files). */
  destination?: DestinationStream;
}

export function createLogger(level: string, opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    scrubbingStream(opts.destination ?? pino.destination({ dest: 1, sync: true })),
  );
}

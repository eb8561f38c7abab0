import type { Agent } from 'node:http';
import type { Db } from '../../db/connection.js';
import type { Logger } from '../../logger.js';

/** What the bot needs from the rest of the application. */
export interface BotDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
  logger: Logger;
  /** Bot API root (an emulator in tests) and the HTTP agent (IPv4-only when asked). */
  telegram?: { apiRoot?: string; agent?: Agent };
}

import type { Logger } from '../logger.js';
import type { Db } from '../db/connection.js';
import type { RunningChannels } from '../db/contact-addresses.js';
import type { Bloc } from '../db/blocs.js';
import type { AdminRole } from '../db/schema.js';
import type { PageCache } from './http/page-cache.js';
import type { ReportFileSource } from './reports/report-file-source.js';

/** What the admin app needs from the composition root. */
export interface AdminDeps {
  db: Db;
  now: () => Date;
  /** The deployment's time zone (Asia/Ho_Chi_Minh): periods, deadlines and dates shown. */
  timeZone: string;
  /**
   * The channels this process delivers through: announcements and the unreachable list reach a
   * person only at an address on one of them (decision 0090).
   */
  channels: RunningChannels;
  /**
   * The bot's username, for invite links; without it the page shows the code and says why. A
   * function, because the bot may learn its username after start (Telegram unreachable at first).
   */
  botUsername?: () => string | undefined;
  /** The Zalo bot's link (ZALO_BOT_URL, copied from Zalo Bot Creator), shown with its QR to link on Zalo. */
  zaloBotUrl?: string;
  /**
   * Reads report photos and documents back from the chat channel they came through (Telegram);
   * without it the report page lists them and says the bot is not connected.
   */
  reportFiles?: ReportFileSource;
  /**
   * The secret personal report links are derived from (decision 0050): the admin shows a focal
   * point's link again from its stored nonce.
   */
  personalLinkSecret: string;
  /**
   * PUBLIC_URL: the base of personal links. When unset, the origin the admin was opened at is used,
   * which is wrong behind a reverse proxy or from localhost (README).
   */
  publicUrl: string | undefined;
  /** Sends a test e-mail now (the e-mail channel's, from main.ts); absent when SMTP_URL is not set. */
  sendTestMail?: (to: string) => Promise<{ ok: true } | { ok: false; error: string }>;
  /** The sender of the mail ('Văn phòng Khối <khoi6@…>'), shown beside the test mail. */
  mailSender?: string;
  /** Mark cookies Secure (set behind HTTPS). */
  secureCookies: boolean;
  logger?: Logger;
}

/** The signed-in admin, as the pages see it. */
export interface CurrentAdmin {
  id: number;
  username: string;
  displayName: string;
  role: AdminRole;
  /** The bloc of a bloc admin or viewer; null for a province admin. */
  blocId: number | null;
}

export interface AdminVariables {
  deps: AdminDeps;
  admin: CurrentAdmin | null;
  /** The session's CSRF token, put in every form. */
  csrfToken: string | null;
  sessionHash: string | null;
  /** Set on routes under /blocs/:blocId once access to the bloc is checked. */
  bloc: Bloc;
  /** One-line notice shown at the top of the page (after a redirect, from the query string). */
  notice: string | null;
  /** Rendered bodies of the busiest pages, valid while the database is unchanged. */
  pageCache: PageCache;
}

export type AdminEnv = { Variables: AdminVariables };

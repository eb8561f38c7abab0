import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_bot_state.js';
import * as m0003 from './0003_delivery_and_reminders.js';
import * as m0004 from './0004_summaries.js';
import * as m0005 from './0005_admin.js';
import * as m0006 from './0006_broadcasts.js';
import * as m0007 from './0007_personal_links.js';
import * as m0008 from './0008_web_uploads.js';
import * as m0009 from './0009_outbox_available_at.js';
import * as m0010 from './0010_channels.js';
import * as m0011 from './0011_zalo.js';
import * as m0012 from './0012_email.js';
import * as m0013 from './0013_digest_subscription.js';
import * as m0014 from './0014_outbox_waiting_for.js';

/** Static list, so compiled, tsx and test runs all see the same migrations in the same order. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_bot_state': m0002,
  '0003_delivery_and_reminders': m0003,
  '0004_summaries': m0004,
  '0005_admin': m0005,
  '0006_broadcasts': m0006,
  '0007_personal_links': m0007,
  '0008_web_uploads': m0008,
  '0009_outbox_available_at': m0009,
  '0010_channels': m0010,
  '0011_zalo': m0011,
  '0012_email': m0012,
  '0013_digest_subscription': m0013,
  '0014_outbox_waiting_for': m0014,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

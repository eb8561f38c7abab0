// The daily backup: a verified copy of the database in BACKUP_DIR at BACKUP_TIME (app time zone),
// then the oldest daily copies beyond BACKUP_KEEP are deleted; only after the new copy passed its
// checks, and only files named by this job. Partial copies a killed backup left behind are removed
// once they are hours old. Missed while the server was down: run once at start.

import { localDateOf } from '../core/time.js';
import { backupDatabase } from '../ops/backup.js';
import { backupPath, pruneAbandonedPartials, pruneDailyBackups } from '../ops/backup-files.js';
import { cronAt } from '../core/cron-times.js';
import { defineJob, type Job } from './job.js';

export interface BackupJobSettings {
  databasePath: string;
  /** BACKUP_DIR */
  dir: string;
  /** BACKUP_KEEP: daily copies kept. */
  keep: number;
  /** BACKUP_TIME: 'HH:MM' local. */
  time: string;
}

export function createBackupJob(settings: BackupJobSettings): Job {
  return defineJob({
    name: 'backup',
    description: `Sao lưu cơ sở dữ liệu hằng ngày lúc ${settings.time} vào ${settings.dir}, giữ ${settings.keep} bản gần nhất`,
    schedule: cronAt(settings.time),
    scopes: async () => [{ key: 'all', blocId: null }],
    slotOf: (at, _scope, timeZone) => localDateOf(at, timeZone),
    catchUp: 'latest',
    // Not inside the ledger's write transaction: the copy takes seconds and writers must go on.
    transaction: 'own',
    run: async (deps, now) => {
      const copy = await backupDatabase(settings.databasePath, backupPath(settings.dir, 'daily', now, deps.timeZone));
      const pruned = pruneDailyBackups(settings.dir, settings.keep);
      const abandoned = pruneAbandonedPartials(settings.dir, now);
      const rows = Object.values(copy.tables).reduce((sum, n) => sum + n, 0);
      return {
        file: copy.path,
        tables: Object.keys(copy.tables).length,
        rows,
        pruned,
        ...(abandoned.length > 0 ? { abandoned } : {}),
      };
    },
  });
}

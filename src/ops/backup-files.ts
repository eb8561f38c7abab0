// Names of the backup files in BACKUP_DIR and the pruning of the daily ones. Each kind has its own
// prefix, so pruning can only ever delete what the daily job itself wrote.

import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localPartsOf } from '../core/time.js';

/** daily: the scheduled job (pruned); manual: `backup` without a file; pre-migrate / pre-restore: automatic. */
export type BackupKind = 'daily' | 'manual' | 'pre-migrate' | 'pre-restore';

const pad = (n: number) => String(n).padStart(2, '0');

/** '20261125-023000': local time in the app zone, so names sort in time order. */
export function backupStamp(at: Date, timeZone: string): string {
  const p = localPartsOf(at, timeZone);
  return `${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** BACKUP_DIR/khoi-thi-dua-<kind>-20261125-023000.sqlite */
export function backupPath(dir: string, kind: BackupKind, at: Date, timeZone: string): string {
  return resolve(join(dir, `khoi-thi-dua-${kind}-${backupStamp(at, timeZone)}.sqlite`));
}

const DAILY = /^khoi-thi-dua-daily-\d{8}-\d{6}\.sqlite$/;

/** Deletes the oldest daily backups so that `keep` remain; other files are never touched. Returns the deleted paths. */
export function pruneDailyBackups(dir: string, keep: number): string[] {
  const daily = readdirSync(dir)
    .filter((name) => DAILY.test(name))
    .sort();
  const excess = daily.slice(0, Math.max(0, daily.length - keep));
  for (const name of excess) rmSync(join(dir, name), { force: true });
  return excess.map((name) => resolve(join(dir, name)));
}

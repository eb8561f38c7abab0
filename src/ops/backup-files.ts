// Names of the backup files in BACKUP_DIR and the pruning of the daily ones. Each kind has its own
// prefix, so pruning can only ever delete what the daily job itself wrote.

import { readdirSync, rmSync, statSync } from 'node:fs';
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

/** Partial copies are `.<backup name>.partial` (and SQLite's sidecar files of it) while being written. */
const PARTIAL = /^\.khoi-thi-dua-[a-z-]+-\d{8}-\d{6}\.sqlite\.partial(-wal|-shm|-journal)?$/;

/** A copy still being written is at most this old (a backup of a large database takes minutes). */
export const ABANDONED_PARTIAL_AGE_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes what a backup killed mid-copy left behind (a hidden `.partial` file, never a finished
 * copy): only partial files last written more than ABANDONED_PARTIAL_AGE_MS before `now`, so a
 * manual backup running at the same moment keeps its file. Returns the deleted paths.
 */
export function pruneAbandonedPartials(dir: string, now: Date): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir).filter((n) => PARTIAL.test(n))) {
    const path = resolve(join(dir, name));
    if (now.getTime() - statSync(path).mtimeMs < ABANDONED_PARTIAL_AGE_MS) continue;
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}

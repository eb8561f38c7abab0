// Free space on the file system that holds the database. A full disk is the one way the database
// stops taking writes that /readyz's rolled-back write cannot see (a write that is never committed
// needs no space), and a nightly backup beside the database needs room for one more copy of it.

import { existsSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/connection.js';
import { databaseFile } from '../db/database-file.js';

/** Free space below which /readyz asks for attention, unless the database itself is bigger. */
export const MIN_FREE_DISK_BYTES = 100 * 1024 * 1024;

export interface DiskSpace {
  /** The folder of the database file. */
  folder: string;
  /** Bytes an unprivileged process may still write on its file system. */
  freeBytes: number;
  /** The database file and its -wal file. */
  databaseBytes: number;
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** Free space beside the database and the database's size; null for an in-memory database. */
export async function diskSpaceOf(db: Db): Promise<DiskSpace | null> {
  const file = await databaseFile(db);
  if (file === null) return null;
  const fs = statfsSync(dirname(file));
  return {
    folder: dirname(file),
    freeBytes: fs.bavail * fs.bsize,
    databaseBytes: sizeOf(file) + sizeOf(`${file}-wal`),
  };
}

/** The free space the database's disk needs: enough for tonight's backup, and never less than `minFree`. */
export function neededFreeBytes(space: DiskSpace, minFree: number): number {
  return Math.max(minFree, space.databaseBytes);
}

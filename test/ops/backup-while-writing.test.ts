import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/ops/backup.js';
import { restoreDatabase } from '../../src/ops/restore.js';
import { cleanupDirs, createProductDb, query, tempDir } from './backup-helpers.js';

// The acceptance test: another process writes reports without pause while a backup is
// taken; the backup is restored into a second database, which must pass SQLite's integrity check
// and hold every report committed before the backup began.

const root = join(import.meta.dirname, '../..');
const kill: (() => void)[] = [];
afterEach(() => {
  for (const k of kill.splice(0)) k();
  cleanupDirs();
});

describe('backup while reports are being written', () => {
  it('restores into a second database an intact copy holding every report committed before the backup began', async () => {
    const dir = tempDir();
    const live = join(dir, 'live.sqlite');
    const bloc = await createProductDb(live, 7);

    const committed: number[] = [];
    let pending = '';
    const writer = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/ops/backup-report-writer.ts',
        live,
        String(bloc.blocId),
        bloc.unitIds.join(','),
        String(bloc.criterionIds[0]),
        '100000',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    kill.push(() => writer.exitCode === null && writer.kill('SIGKILL'));
    const exited = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    const waiters: { n: number; resolve: () => void }[] = [];
    writer.stdout.on('data', (chunk) => {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) committed.push(Number(line));
      for (const w of waiters.filter((x) => committed.length >= x.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
    const reach = (n: number) =>
      committed.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }));

    await reach(2000);
    const before = [...committed]; // printed after their commit, so surely committed before the backup starts
    const backup = await backupDatabase(live, join(dir, 'backups', 'copy.sqlite'));
    const atEnd = committed.length;
    await reach(atEnd + 100); // the writer is still going: the backup blocked nobody
    writer.kill('SIGTERM');
    expect(await exited).toBe(0);

    const second = join(dir, 'second', 'restored.sqlite');
    const restored = await restoreDatabase(backup.path, {
      databasePath: second,
      backupDir: join(dir, 'backups'),
      now: new Date('2026-11-25T03:00:00Z'),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(restored.previousBackup).toBeNull();

    expect(query<{ integrity_check: string }>(second, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const ids = new Set(query<{ id: number }>(second, 'select id from progress_report').map((r) => r.id));
    expect(before.filter((id) => !ids.has(id))).toEqual([]);
    // One instant's copy: between what was committed before it began and what was after it ended.
    expect(ids.size).toBeGreaterThanOrEqual(before.length);
    expect(ids.size).toBeLessThanOrEqual(atEnd);
    expect(ids.size).toBe(backup.tables.progress_report);
    expect([...ids].every((id) => committed.includes(id))).toBe(true);
    // Each report came with its value and its first revision, in the same transaction.
    const [values] = query<{ n: number }>(second, 'select count(*) as n from report_value');
    const [revisions] = query<{ n: number }>(second, 'select count(*) as n from report_revision');
    expect(values!.n).toBe(ids.size);
    expect(revisions!.n).toBe(ids.size);
  }, 120_000);
});

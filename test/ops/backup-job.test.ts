import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJobCommand } from '../../src/cli/job-command.js';
import { openSettingsContext } from '../../src/cli/context.js';
import { openDatabase } from '../../src/db/connection.js';
import { listJobRuns } from '../../src/db/job-runs.js';
import { createBackupJob } from '../../src/jobs/backup-job.js';
import { createJobRunner } from '../../src/jobs/job-runner.js';
import { jobsWithBackup } from '../../src/jobs/registry.js';
import { cleanupDirs, createProductDb, query, tempDir } from './backup-helpers.js';

afterEach(cleanupDirs);

const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const zone = 'Asia/Ho_Chi_Minh';

async function server(keep: number) {
  const dir = tempDir();
  const databasePath = join(dir, 'ktd.sqlite');
  await createProductDb(databasePath, 2);
  const backupDir = join(dir, 'backups');
  const { db } = openDatabase(databasePath);
  const job = createBackupJob({ databasePath, dir: backupDir, keep, time: '02:30' });
  const runner = createJobRunner({ db, timeZone: zone, logger: quiet, channels: ['telegram'] }, [job]);
  return { dir, db, backupDir, runner, databasePath };
}

describe('daily backup job', () => {
  it('runs at BACKUP_TIME in the app zone, once a day, and keeps BACKUP_KEEP daily copies', async () => {
    const s = await server(2);
    try {
      // Three nights: each 02:30 (19:30 UTC the day before) makes one copy; the oldest goes on the third.
      for (const night of ['2026-11-22', '2026-11-23', '2026-11-24']) {
        const from = new Date(`${night}T19:00:00Z`);
        const reports = await s.runner.runDue(from, new Date(`${night}T20:00:00Z`), new Date(`${night}T19:30:00Z`));
        expect(reports.map((r) => [r.slot, r.result.status])).toEqual([
          [`2026-11-${Number(night.slice(8)) + 1}`, 'succeeded'],
        ]);
      }
      expect(readdirSync(s.backupDir)).toEqual([
        'khoi-thi-dua-daily-20261124-023000.sqlite',
        'khoi-thi-dua-daily-20261125-023000.sqlite',
      ]);
      const [last] = await listJobRuns(s.db, { job: 'backup', limit: 1 });
      expect(last!.status).toBe('succeeded');
      expect(JSON.parse(last!.detail!)).toMatchObject({
        file: join(s.backupDir, 'khoi-thi-dua-daily-20261125-023000.sqlite'),
        pruned: [join(s.backupDir, 'khoi-thi-dua-daily-20261123-023000.sqlite')],
      });
      expect(
        query<{ n: number }>(
          join(s.backupDir, 'khoi-thi-dua-daily-20261125-023000.sqlite'),
          'select count(*) as n from unit',
        ),
      ).toEqual([{ n: 2 }]);
      // Nothing fires between 03:00 and 02:29 the next night.
      expect(
        await s.runner.runDue(
          new Date('2026-11-24T20:00:00Z'),
          new Date('2026-11-25T19:29:00Z'),
          new Date('2026-11-25T19:29:00Z'),
        ),
      ).toEqual([]);
    } finally {
      await s.db.destroy();
    }
  });

  it('removes partial copies a killed backup left hours ago, never a recent one or a finished copy', async () => {
    const s = await server(5);
    try {
      const dir = s.backupDir;
      mkdirSync(dir);
      const at = new Date('2026-11-24T19:30:00Z');
      const old = join(dir, '.khoi-thi-dua-daily-20261120-023000.sqlite.partial');
      const oldWal = `${old}-wal`;
      const recent = join(dir, '.khoi-thi-dua-manual-20261125-022500.sqlite.partial');
      const foreign = join(dir, '.ghi-chu.partial');
      for (const f of [old, oldWal, recent, foreign]) writeFileSync(f, 'dở dang');
      const hoursAgo = (h: number) => new Date(at.getTime() - h * 3_600_000);
      utimesSync(old, hoursAgo(30), hoursAgo(30));
      utimesSync(oldWal, hoursAgo(30), hoursAgo(30));
      utimesSync(foreign, hoursAgo(30), hoursAgo(30));
      utimesSync(recent, hoursAgo(0.1), hoursAgo(0.1));
      const [report] = await s.runner.runDue(new Date('2026-11-24T19:00:00Z'), new Date('2026-11-24T20:00:00Z'), at);
      expect(report!.result.status).toBe('succeeded');
      expect(readdirSync(dir).sort()).toEqual([
        '.ghi-chu.partial',
        '.khoi-thi-dua-manual-20261125-022500.sqlite.partial',
        'khoi-thi-dua-daily-20261125-023000.sqlite',
      ]);
      const [last] = await listJobRuns(s.db, { job: 'backup', limit: 1 });
      expect(JSON.parse(last!.detail!).abandoned).toEqual([old, oldWal]);
    } finally {
      await s.db.destroy();
    }
  });

  it('fails visibly in the ledger and prunes nothing when the copy cannot be made', async () => {
    const s = await server(1);
    try {
      const dir = s.backupDir;
      mkdirSync(dir);
      writeFileSync(join(dir, 'khoi-thi-dua-daily-20261101-023000.sqlite'), 'cũ');
      // The name the job picks is taken by a folder: the copy fails and the old copy must stay.
      mkdirSync(join(dir, 'khoi-thi-dua-daily-20261125-023000.sqlite'));
      const [report] = await s.runner.runDue(
        new Date('2026-11-24T19:00:00Z'),
        new Date('2026-11-24T20:00:00Z'),
        new Date('2026-11-24T19:30:00Z'),
      );
      expect(report!.result).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('đã có; xin chọn tên khác'),
      });
      expect(readdirSync(dir).sort()).toEqual([
        'khoi-thi-dua-daily-20261101-023000.sqlite',
        'khoi-thi-dua-daily-20261125-023000.sqlite',
      ]);
    } finally {
      await s.db.destroy();
    }
  });

  it('is among the server jobs and can be run by hand with `job run backup`', async () => {
    expect(jobsWithBackup({ databasePath: 'x', dir: 'y', keep: 3, time: '01:00' }).map((j) => j.name)).toContain(
      'backup',
    );
    const s = await server(14);
    const lines: string[] = [];
    try {
      const settings = openSettingsContext({ DATABASE_PATH: s.databasePath, BACKUP_DIR: s.backupDir }, (l) =>
        lines.push(l),
      );
      await createJobCommand({ logger: quiet }).run(
        { ...settings, db: s.db, now: () => new Date('2026-11-25T08:00:00Z') },
        ['run', 'backup'],
      );
      expect(lines).toEqual([
        expect.stringMatching(/^all · 2026-11-25: đã chạy .*khoi-thi-dua-daily-20261125-150000\.sqlite/),
      ]);
    } finally {
      await s.db.destroy();
    }
  });
});

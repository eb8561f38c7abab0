import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupCommand } from '../../src/cli/backup-command.js';
import { commands } from '../../src/cli/commands.js';
import { CliError, type CliContext, openSettingsContext } from '../../src/cli/context.js';
import { openDatabase } from '../../src/db/connection.js';
import { cleanupDirs, createOlderDb, createProductDb, query, tempDir } from './backup-helpers.js';
import { builtEntry } from '../helpers/built.js';

afterEach(cleanupDirs);

// The command as `npm run cli -- backup` runs it, on a database the server has open.
async function withLiveDatabase(run: (ctx: CliContext, lines: string[], dir: string) => Promise<void>) {
  const dir = tempDir();
  const databasePath = join(dir, 'data', 'ktd.sqlite');
  await createProductDb(databasePath, 3);
  const live = openDatabase(databasePath);
  const lines: string[] = [];
  const settings = openSettingsContext({ DATABASE_PATH: databasePath }, (l) => lines.push(l));
  try {
    await run({ ...settings, db: live.db, now: () => new Date('2026-11-25T03:00:00Z') }, lines, dir);
  } finally {
    await live.db.destroy();
  }
}

describe('npm run cli -- backup', () => {
  it('writes the verified copy to the file named, and reports what it checked', () =>
    withLiveDatabase(async (ctx, lines, dir) => {
      const out = join(dir, 'usb', 'ktd.sqlite');
      await backupCommand.run(ctx, [out]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^Đã sao lưu cơ sở dữ liệu vào ${out} \\(đã kiểm tra: toàn vẹn; \\d+ bảng, [\\d.]+ dòng, khớp`),
      );
      expect(query<{ n: number }>(out, 'select count(*) as n from unit')).toEqual([{ n: 3 }]);
    }));

  it('keeps accepting --out, and without a file writes into BACKUP_DIR under a name pruning never touches', () =>
    withLiveDatabase(async (ctx, lines, dir) => {
      await backupCommand.run(ctx, ['--out', join(dir, 'a.sqlite')]);
      await backupCommand.run(ctx, []);
      expect(readdirSync(join(dir, 'data', 'backups'))).toEqual(['khoi-thi-dua-manual-20261125-100000.sqlite']);
      expect(lines).toHaveLength(2);
    }));

  it('refuses to overwrite a file and explains its arguments', () =>
    withLiveDatabase(async (ctx, _lines, dir) => {
      const out = join(dir, 'b.sqlite');
      await backupCommand.run(ctx, [out]);
      await expect(backupCommand.run(ctx, [out])).rejects.toThrow(
        new CliError(`Tệp "${out}" đã có; xin chọn tên khác để không ghi đè bản sao lưu cũ.`),
      );
      await expect(backupCommand.run(ctx, ['x.sqlite', 'y.sqlite'])).rejects.toThrow('Dùng: backup [TỆP]');
      await expect(backupCommand.run(ctx, ['--out'])).rejects.toThrow('Dùng: backup [TỆP]');
    }));

  it('fails with a clear message and leaves no partial file when the disk takes no more (file size limit)', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'data', 'ktd.sqlite');
    await createProductDb(databasePath, 30);
    const limitKb = Math.floor(statSync(databasePath).size / 1024 / 2);
    // The process may write no file larger than half the database: its writes fail as on a full disk
    // (Node ignores SIGXFSZ, so write() returns EFBIG instead of the process being killed).
    const out = join(dir, 'usb', 'ktd.sqlite');
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -f ${limitKb}; exec "$0" "$2" backup "$1"`, process.execPath, out, builtEntry('cli')],
      {
        cwd: join(import.meta.dirname, '../..'),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: '/tmp', DATABASE_PATH: databasePath },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(
      new RegExp(
        `^Sao lưu vào "${out}" không thành công \\(.+\\); phần đã ghi dở đã được xóa, cơ sở dữ liệu không bị ảnh hưởng\\. Xin kiểm tra chỗ trống trên ổ đĩa`,
      ),
    );
    expect(readdirSync(join(dir, 'usb'))).toEqual([]);
    expect(query<{ n: number }>(databasePath, 'select count(*) as n from unit')).toEqual([{ n: 30 }]);
  });

  it('lists backup and restore among the commands, as ones that do not open the database', () => {
    for (const name of ['backup', 'restore']) {
      const command = commands.find((c) => c.name === name);
      expect(command && 'withoutDatabase' in command && command.withoutDatabase).toBe(true);
    }
  });

  it('copies a database of an older version as it is, without migrating it (the old version may still be running)', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'ktd.sqlite');
    await createOlderDb(databasePath, 3);
    const out = join(dir, 'copy.sqlite');
    const r = spawnSync(process.execPath, [builtEntry('cli'), 'backup', out], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', DATABASE_PATH: databasePath },
    });
    expect({ status: r.status, err: r.stderr }).toEqual({ status: 0, err: '' });
    expect(r.stdout).toContain(`Đã sao lưu cơ sở dữ liệu vào ${out}`);
    expect(readdirSync(dir).sort()).toEqual(['copy.sqlite', 'ktd.sqlite']); // no pre-migrate copy either
    const migrated = (path: string) => query<{ name: string }>(path, 'select name from kysely_migration').length;
    expect([migrated(databasePath), migrated(out)]).toEqual([3, 3]);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { migrations } from '../../src/db/migrations/index.js';
import { backupDatabase } from '../../src/ops/backup.js';
import { restoreDatabase } from '../../src/ops/restore.js';
import { cleanupDirs, createOlderDb, createProductDb, fingerprint, query, tempDir } from './backup-helpers.js';
import { builtEntry } from '../helpers/built.js';

afterEach(cleanupDirs);

const now = new Date('2026-11-25T03:00:00Z'); // 10:00:00 in Hồ Chí Minh

/** A current database (bloc "Khối hiện tại", 2 units) and a verified backup of another one (5 units). */
async function setup() {
  const dir = tempDir();
  const database = join(dir, 'data', 'khoi-thi-dua.sqlite');
  await createProductDb(database, 2, 'Khối hiện tại');
  const other = join(dir, 'other.sqlite');
  await createProductDb(other, 5, 'Khối trong bản sao lưu');
  const { path: backup } = await backupDatabase(other, join(dir, 'incoming', 'backup.sqlite'));
  const backupDir = join(dir, 'data', 'backups');
  const opts = { databasePath: database, backupDir, now, timeZone: 'Asia/Ho_Chi_Minh' };
  return { dir, database, backup, backupDir, opts };
}

const blocNames = (path: string) => query<{ name: string }>(path, 'select name from bloc').map((r) => r.name);

describe('restoreDatabase', () => {
  it('backs up the current database, then puts the verified backup in its place', async () => {
    const { database, backup, backupDir, opts } = await setup();
    const result = await restoreDatabase(backup, opts);

    expect(blocNames(database)).toEqual(['Khối trong bản sao lưu']);
    expect(result.tables.unit).toBe(5);
    expect(result.previousBackup).toBe(join(backupDir, 'khoi-thi-dua-pre-restore-20261125-100000.sqlite'));
    expect(blocNames(result.previousBackup!)).toEqual(['Khối hiện tại']);
    expect(readdirSync(join(database, '..')).sort()).toEqual(['backups', 'khoi-thi-dua.sqlite']); // nothing staged left over
    // The product opens and uses it as before.
    const reopened = openDatabase(database);
    expect(reopened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.sqlite.prepare('select count(*) as n from focal_point').get()).toEqual({ n: 5 });
    reopened.sqlite.close();
    expect(statSync(backup).isFile()).toBe(true); // the backup itself is kept
  });

  it('restores where there is no database yet, without a previous backup', async () => {
    const { dir, backup, opts } = await setup();
    const fresh = join(dir, 'new-machine', 'ktd.sqlite');
    const result = await restoreDatabase(backup, { ...opts, databasePath: fresh });
    expect(result.previousBackup).toBeNull();
    expect(blocNames(fresh)).toEqual(['Khối trong bản sao lưu']);
  });

  it('folds the -wal of a copy taken with cp from a running database into the restored file', async () => {
    const { dir, database, opts } = await setup();
    const running = join(dir, 'running.sqlite');
    await createProductDb(running, 1, 'Khối đang chạy');
    const live = openDatabase(running);
    live.sqlite.pragma('wal_autocheckpoint = 0');
    live.sqlite.prepare(`update bloc set name = 'Tên mới chỉ có trong -wal'`).run();
    const copy = join(dir, 'cp-copy.sqlite');
    writeFileSync(copy, readFileSync(running));
    writeFileSync(`${copy}-wal`, readFileSync(`${running}-wal`));
    live.sqlite.close();
    await restoreDatabase(copy, opts);
    expect(blocNames(database)).toEqual(['Tên mới chỉ có trong -wal']);
  });
});

describe('restoreDatabase refuses, and nothing changes', () => {
  async function expectRefused(
    candidate: (s: Awaited<ReturnType<typeof setup>>) => Promise<string> | string,
    message: string,
  ) {
    const s = await setup();
    const file = await candidate(s);
    const before = fingerprint(s.dir);
    await expect(restoreDatabase(file, s.opts)).rejects.toThrow(message);
    expect(fingerprint(s.dir)).toEqual(before); // the database byte for byte, no backup, no staged copy
    expect(blocNames(s.database)).toEqual(['Khối hiện tại']);
  }

  it('a file that does not exist', () => expectRefused((s) => join(s.dir, 'khong-co.sqlite'), 'Không tìm thấy tệp'));

  it('the database itself', () => expectRefused((s) => s.database, 'chính là cơ sở dữ liệu đang dùng'));

  it('a file that is not SQLite', () =>
    expectRefused((s) => {
      const f = join(s.dir, 'bao-cao.docx');
      writeFileSync(f, 'PK\u0003\u0004 không phải cơ sở dữ liệu'.repeat(50));
      return f;
    }, 'không phải cơ sở dữ liệu SQLite'));

  it('a truncated backup', () =>
    expectRefused((s) => {
      truncateSync(s.backup, Math.floor(statSync(s.backup).size / 2));
      return s.backup;
    }, 'bị hỏng hoặc không đầy đủ (tệp bị cắt cụt'));

  it('a backup with damaged pages', () =>
    expectRefused((s) => {
      const bytes = readFileSync(s.backup);
      const pageSize = bytes.readUInt16BE(16);
      bytes.fill(0xa5, pageSize, pageSize * 6); // pages 2 to 6: tables and indexes of the schema
      writeFileSync(s.backup, bytes);
      return s.backup;
    }, 'bị hỏng hoặc không đầy đủ'));

  it('a SQLite database of another program', () =>
    expectRefused((s) => {
      const f = join(s.dir, 'khac.sqlite');
      const other = new SQLite(f);
      other.exec('create table contacts (id integer primary key, name text)');
      other.close();
      return f;
    }, 'không phải cơ sở dữ liệu của phần mềm khối thi đua'));

  it('a backup of an older version, not fully migrated', () =>
    expectRefused(
      async (s) => {
        const f = join(s.dir, 'old.sqlite');
        await createOlderDb(f, 5);
        return f;
      },
      `phiên bản cũ hơn (thiếu migration: ${Object.keys(migrations).slice(5).join(', ')}). Xin khôi phục nó bằng đúng phiên bản phần mềm đã tạo ra nó, rồi nâng cấp lại: lần khởi động sau nâng cấp tự chuyển đổi dữ liệu (docs/deployment.md, mục 6 «Undo an upgrade»). Cơ sở dữ liệu hiện tại giữ nguyên.`,
    ));

  it('a backup of a newer version', () =>
    expectRefused((s) => {
      const f = join(s.dir, 'newer.sqlite');
      writeFileSync(f, readFileSync(s.backup));
      const newer = new SQLite(f);
      newer
        .prepare(`insert into kysely_migration (name, timestamp) values ('9999_future', '2027-01-01T00:00:00.000Z')`)
        .run();
      newer.close();
      return f;
    }, 'phiên bản mới hơn phần mềm đang cài (có migration lạ: 9999_future)'));

  it('a backup missing one of the product tables', () =>
    expectRefused((s) => {
      const f = join(s.dir, 'missing-table.sqlite');
      writeFileSync(f, readFileSync(s.backup));
      const broken = new SQLite(f);
      broken.pragma('foreign_keys = OFF');
      broken.exec('drop table report_attachment');
      broken.close();
      return f;
    }, 'thiếu bảng report_attachment'));

  it('when the disk takes no more (file size limit), through the real CLI: a Vietnamese message, not a stack trace', async () => {
    const s = await setup();
    const before = fingerprint(s.dir);
    // The process may write no file larger than half the backup: the staged copy fails as on a full
    // disk (Node ignores SIGXFSZ, so the write returns EFBIG).
    const limitKb = Math.floor(statSync(s.backup).size / 1024 / 2);
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -f ${limitKb}; exec "$0" "$2" restore "$1"`, process.execPath, s.backup, builtEntry('cli')],
      {
        cwd: join(import.meta.dirname, '../..'),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: '/tmp', DATABASE_PATH: s.database, BACKUP_DIR: s.backupDir },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(
      new RegExp(
        `^Không chép được bản sao lưu vào thư mục của cơ sở dữ liệu "${join(s.dir, 'data')}" \\(.*file too large.*\\); không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên\\. Xin kiểm tra chỗ trống trên ổ đĩa và quyền ghi vào thư mục đó\\.$`,
      ),
    );
    expect(fingerprint(s.dir)).toEqual(before);
    expect(blocNames(s.database)).toEqual(['Khối hiện tại']);
  });

  it('when the copy of the current database cannot be written (BACKUP_DIR unusable): says so, not that the file may be damaged', async () => {
    const s = await setup();
    const inTheWay = join(s.dir, 'usb-not-mounted');
    writeFileSync(inTheWay, 'một tệp nằm ở chỗ của thư mục');
    const before = fingerprint(s.dir);
    const backupDir = join(inTheWay, 'backups');
    const dest = join(backupDir, 'khoi-thi-dua-pre-restore-20261125-100000.sqlite');
    await expect(restoreDatabase(s.backup, { ...s.opts, backupDir })).rejects.toThrow(
      new RegExp(
        `^Sao lưu vào "${dest}" không thành công \\(.+\\); phần đã ghi dở đã được xóa, cơ sở dữ liệu không bị ảnh hưởng\\. Xin kiểm tra chỗ trống trên ổ đĩa và quyền ghi vào thư mục đó\\. Chưa khôi phục, vì phải có bản sao của cơ sở dữ liệu hiện tại trước khi thay nó \\(thư mục BACKUP_DIR\\); cơ sở dữ liệu hiện tại giữ nguyên\\.$`,
      ),
    );
    expect(fingerprint(s.dir)).toEqual(before);
    expect(blocNames(s.database)).toEqual(['Khối hiện tại']);
  });

  it('while another process has the database open (the service is running)', async () => {
    const s = await setup();
    const { spawn } = await import('node:child_process');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const S = require('better-sqlite3'); const d = new S(process.argv[1]); d.pragma('journal_mode = WAL'); d.prepare('select count(*) from bloc').get(); console.log('open'); setInterval(() => {}, 1000);`,
        s.database,
      ],
      { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const before = fingerprint(s.dir);
      await expect(restoreDatabase(s.backup, s.opts)).rejects.toThrow('đang được một tiến trình khác sử dụng');
      expect(fingerprint(s.dir)).toEqual(before);
      expect(existsSync(s.backupDir)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

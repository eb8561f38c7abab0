import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { backupDatabase } from '../../src/ops/backup.js';
import { backupPath, backupStamp, pruneDailyBackups } from '../../src/ops/backup-files.js';
import { cleanupDirs, createProductDb, fingerprint, query, tempDir } from './backup-helpers.js';

afterEach(cleanupDirs);

describe('backupDatabase', () => {
  it('writes a single self-contained, intact copy whose row counts match the source, and names it only when verified', async () => {
    const dir = tempDir();
    const source = join(dir, 'live.sqlite');
    await createProductDb(source, 4);
    // The server keeps the database open; its last changes sit in the -wal file.
    const live = openDatabase(source);
    live.sqlite.prepare(`insert into unit (name, short_name) values ('Đơn vị cuối', 'ĐVC')`).run();
    const dest = join(dir, 'nested', 'copy.sqlite');
    const result = await backupDatabase(source, dest);
    live.sqlite.close();

    expect(result.path).toBe(dest);
    expect(result.tables.unit).toBe(5);
    expect(result.tables.focal_point).toBe(4);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['copy.sqlite']); // no -wal, no leftover partial file
    expect(query<{ n: number }>(dest, 'select count(*) as n from unit')).toEqual([{ n: 5 }]);
    expect(query<{ journal_mode: string }>(dest, 'pragma journal_mode')).toEqual([{ journal_mode: 'delete' }]);
    expect(query<{ integrity_check: string }>(dest, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const names = query<{ name: string }>(dest, 'select name from kysely_migration order by name').map((r) => r.name);
    expect(names.length).toBeGreaterThan(5);
  });

  it('never overwrites an existing file and never backs up what is not there', async () => {
    const dir = tempDir();
    const source = join(dir, 'live.sqlite');
    await createProductDb(source);
    const dest = join(dir, 'copy.sqlite');
    writeFileSync(dest, 'bản sao cũ');
    const before = fingerprint(dir);
    await expect(backupDatabase(source, dest)).rejects.toThrow(`Tệp "${dest}" đã có; xin chọn tên khác`);
    expect(fingerprint(dir)).toEqual(before);
    await expect(backupDatabase(join(dir, 'missing.sqlite'), join(dir, 'x.sqlite'))).rejects.toThrow(
      'Không tìm thấy cơ sở dữ liệu',
    );
    await expect(backupDatabase(':memory:', join(dir, 'x.sqlite'))).rejects.toThrow('DATABASE_PATH=:memory:');
    expect(existsSync(join(dir, 'x.sqlite'))).toBe(false);
  });

  it('says whether the database or the destination is the problem, in Vietnamese, and writes nothing', async () => {
    const dir = tempDir();
    // A folder where the database should be: SQLite cannot open it.
    const notADatabase = join(dir, 'data.sqlite');
    mkdirSync(notADatabase);
    await expect(backupDatabase(notADatabase, join(dir, 'x.sqlite'))).rejects.toThrow(
      new RegExp(
        `^Không mở được cơ sở dữ liệu "${notADatabase}" để sao lưu \\(.+\\); chưa ghi gì\\. Xin kiểm tra DATABASE_PATH`,
      ),
    );
    // A destination folder that cannot be made (a USB stick not mounted, a file in its place).
    const source = join(dir, 'live.sqlite');
    await createProductDb(source);
    writeFileSync(join(dir, 'usb'), 'không phải thư mục');
    const dest = join(dir, 'usb', 'ktd.sqlite');
    await expect(backupDatabase(source, dest)).rejects.toThrow(
      new RegExp(
        `^Sao lưu vào "${dest}" không thành công \\(.+\\); phần đã ghi dở đã được xóa, cơ sở dữ liệu không bị ảnh hưởng\\. Xin kiểm tra chỗ trống`,
      ),
    );
    expect(readdirSync(dir).sort()).toEqual(['data.sqlite', 'live.sqlite', 'usb']);
  });
});

describe('backup file names and pruning', () => {
  it('stamps names with the local time of the app zone', () => {
    const at = new Date('2026-11-24T19:30:05Z'); // 02:30:05 on 25/11 in Hồ Chí Minh
    expect(backupStamp(at, 'Asia/Ho_Chi_Minh')).toBe('20261125-023005');
    expect(backupPath('/srv/bk', 'daily', at, 'Asia/Ho_Chi_Minh')).toBe(
      '/srv/bk/khoi-thi-dua-daily-20261125-023005.sqlite',
    );
    expect(backupPath('/srv/bk', 'pre-migrate', at, 'UTC')).toBe(
      '/srv/bk/khoi-thi-dua-pre-migrate-20261124-193005.sqlite',
    );
  });

  it('deletes only the oldest daily copies beyond the number kept, and nothing it did not name', () => {
    const dir = tempDir();
    const daily = ['20261120-023000', '20261121-023000', '20261122-023000', '20261123-023000'].map(
      (s) => `khoi-thi-dua-daily-${s}.sqlite`,
    );
    const others = [
      'khoi-thi-dua-manual-20261101-090000.sqlite',
      'khoi-thi-dua-pre-migrate-20261001-080000.sqlite',
      'khoi-thi-dua-pre-restore-20261002-080000.sqlite',
      'khoi-thi-dua-daily-20261001-023000.sqlite.bak',
      'ghi-chu.txt',
    ];
    for (const name of [...daily, ...others]) writeFileSync(join(dir, name), name);
    const pruned = pruneDailyBackups(dir, 2);
    expect(pruned).toEqual([join(dir, daily[0]!), join(dir, daily[1]!)]);
    expect(readdirSync(dir).sort()).toEqual([...daily.slice(2), ...others].sort());
    expect(pruneDailyBackups(dir, 2)).toEqual([]);
  });
});

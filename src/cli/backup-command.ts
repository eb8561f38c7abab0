// `npm run cli -- backup [--out FILE]`: a consistent copy of the live database, taken while the
// server runs (SQLite's VACUUM INTO reads one snapshot; writers are not blocked), then checked.

import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../db/connection.js';
import type { CliCommand } from './commands.js';
import { CliError, parseOptions } from './context.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** backups/khoi-thi-dua-20261125-1000.sqlite (local time of the machine running the command). */
export function defaultBackupPath(now: Date): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `backups/khoi-thi-dua-${stamp}.sqlite`;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup [--out FILE]             sao lưu cơ sở dữ liệu (chạy được khi máy chủ đang hoạt động)',
  async run(ctx, args) {
    const { options } = parseOptions(args);
    const out = resolve(options.out && options.out !== 'true' ? options.out : defaultBackupPath(ctx.now()));
    if (existsSync(out)) throw new CliError(`Tệp "${out}" đã có; xin chọn tên khác để không ghi đè bản sao lưu cũ.`);
    mkdirSync(dirname(out), { recursive: true });
    await sql`vacuum into ${out}`.execute(ctx.db);
    const copy = openDatabase(out);
    try {
      const check = copy.sqlite.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new CliError(`Bản sao lưu "${out}" không toàn vẹn: ${String(check)}`);
    } finally {
      copy.sqlite.close();
    }
    ctx.out(`Đã sao lưu cơ sở dữ liệu vào ${out}`);
  },
};

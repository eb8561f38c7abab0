// `npm run cli -- backup [FILE]` (or `--out FILE`): a verified copy of the live database, taken with
// SQLite's online backup while the server runs and writes (src/ops/backup.ts). Without a file the
// copy goes to BACKUP_DIR under a name the daily pruning never touches. It opens no database
// connection of the CLI's own, so it never migrates: a backup taken after `git pull` and before the
// restart must not change the schema under the old version still running.

import { backupDatabase } from '../ops/backup.js';
import { backupPath } from '../ops/backup-files.js';
import { OPS_MESSAGES as M, OpsError } from '../ops/messages.js';
import type { FileCommand } from './commands.js';
import { CliError, parseOptions } from './context.js';

export const backupCommand: FileCommand = {
  name: 'backup',
  usage: 'backup [TỆP]                  sao lưu cơ sở dữ liệu, có kiểm tra (chạy được khi máy chủ đang hoạt động)',
  withoutDatabase: true,
  async run(ctx, args) {
    const { positional, options } = parseOptions(args);
    const out = options.out && options.out !== 'true' ? options.out : undefined;
    if (positional.length > 1 || (positional.length === 1 && out) || options.out === 'true')
      throw new CliError(M.backupUsage);
    const dest = positional[0] ?? out ?? backupPath(ctx.config.backup.dir, 'manual', ctx.now(), ctx.config.timeZone);
    try {
      const result = await backupDatabase(ctx.config.databasePath, dest);
      ctx.out(M.backupDone(result.path, result.tables));
    } catch (error) {
      if (error instanceof OpsError) throw new CliError(error.message);
      throw error;
    }
  },
};

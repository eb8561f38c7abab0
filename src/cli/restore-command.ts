// `npm run cli -- restore FILE`: replaces the database with a backup (src/ops/restore.ts). It runs
// without opening the database first (no migration, no connection that would hold it open).

import { OPS_MESSAGES as M, OpsError } from '../ops/messages.js';
import { restoreDatabase } from '../ops/restore.js';
import type { FileCommand } from './commands.js';
import { CliError, parseOptions } from './context.js';

export const restoreCommand: FileCommand = {
  name: 'restore',
  usage: 'restore TỆP                   khôi phục cơ sở dữ liệu từ bản sao lưu (dừng dịch vụ trước)',
  withoutDatabase: true,
  async run(ctx, args) {
    const { positional, options } = parseOptions(args);
    if (positional.length !== 1 || Object.keys(options).length > 0) throw new CliError(M.restoreUsage);
    const candidate = positional[0]!;
    try {
      const result = await restoreDatabase(candidate, {
        databasePath: ctx.config.databasePath,
        backupDir: ctx.config.backup.dir,
        now: ctx.now(),
        timeZone: ctx.config.timeZone,
      });
      ctx.out(M.restoreDone(ctx.config.databasePath, candidate, result.previousBackup));
    } catch (error) {
      if (error instanceof OpsError) throw new CliError(error.message);
      throw error;
    }
  },
};

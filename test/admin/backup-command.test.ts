import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupCommand } from '../../src/cli/backup-command.js';
import type { CliContext } from '../../src/cli/context.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connection.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

describe('cli backup', () => {
  let t: TestDb | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function context(db: TestDb['db'], lines: string[]): CliContext {
    const r = loadConfig({});
    if (!r.ok) throw new Error('config');
    return { config: r.config, db, now: () => new Date('2026-11-25T03:00:00Z'), out: (l) => lines.push(l) };
  }

  it('copies the live database into a checked file, and never overwrites one', async () => {
    t = await createTestDb();
    await createSmallBloc(t.db, { units: 3 });
    dir = mkdtempSync(join(tmpdir(), 'ktd-backup-'));
    const out = join(dir, 'nested', 'copy.sqlite');
    const lines: string[] = [];
    await backupCommand.run(context(t.db, lines), ['--out', out]);
    expect(lines).toEqual([`Đã sao lưu cơ sở dữ liệu vào ${out}`]);
    expect(existsSync(out)).toBe(true);
    const copy = openDatabase(out);
    expect(copy.sqlite.prepare('select count(*) as n from unit').get()).toEqual({ n: 3 });
    copy.sqlite.close();
    await expect(backupCommand.run(context(t.db, lines), ['--out', out])).rejects.toThrow('đã có');
  });
});

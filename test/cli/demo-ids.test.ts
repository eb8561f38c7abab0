// Issue 14, item 4: the README said `--bloc 6` for the demo bloc, whose id is 1, and `--id 12` for a
// focal point the demo does not have. The real CLI on a fresh demo database lists the ids, and
// every id in the README's and the docs' command examples is one of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtEntry } from '../helpers/built.js';

const root = join(import.meta.dirname, '../..');
let dir: string;
let databasePath: string;
let seeded: string;

function runCli(args: string[]) {
  return spawnSync(process.execPath, [builtEntry('cli'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' },
  });
}

function cli(...args: string[]) {
  const r = runCli(args);
  expect({ status: r.status, err: r.stderr }, args.join(' ')).toEqual({ status: 0, err: '' });
  return r.stdout.trimEnd().split('\n');
}

/** The command examples of the README and the module docs: lines of code that run the CLI. */
function examples(): { file: string; line: string; next: string }[] {
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const out: { file: string; line: string; next: string }[] = [];
  for (const file of files) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      if (line.includes('npm run cli -- ')) out.push({ file, line, next: lines[i + 1] ?? '' });
    }
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktd-demo-ids-'));
  databasePath = join(dir, 'demo.sqlite');
  seeded = cli('seed-demo').join('\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the ids of the demo bloc, from the real CLI and in the docs', () => {
  it('lists them, and every --bloc, --id and --unit of the examples is one of them', { timeout: 90_000 }, () => {
    const blocId = /khối #(\d+)/.exec(seeded)?.[1];
    expect(blocId, seeded).toBeDefined();

    const blocs = cli('bloc', 'list');
    expect(blocs[0]).toMatch(/^Mã {2}Tên khối/);
    expect(blocs.find((l) => l.startsWith(`${blocId} `))).toMatch(
      new RegExp(`^${blocId} +Khối thi đua số 6 \\(dữ liệu mẫu\\) +Sóc Trăng +7 `),
    );

    const listed = cli('focal-point', 'list', '--bloc', blocId!);
    expect(listed[0]).toBe(`Cán bộ đầu mối của Khối thi đua số 6 (mã khối ${blocId}):`);
    const focalPoints = new Map<string, { name: string; unitId: string; unit: string }>();
    for (const row of listed.slice(3)) {
      const m = /^(\d+) {2,}(.+?) {2,}(\d+) {2,}(.+?) {2,}(.+)$/.exec(row);
      if (m) focalPoints.set(m[1]!, { name: m[2]!, unitId: m[3]!, unit: m[4]! });
    }
    expect(focalPoints.size).toBe(7);
    const unitIds = new Set([...focalPoints.values()].map((f) => f.unitId));

    const printed = new Map<string, string>();
    const found = examples();
    expect(found.length).toBeGreaterThan(10);
    for (const { file, line, next } of found) {
      const where = `${file}: ${line}`;
      for (const m of line.matchAll(/--bloc (\d+)/g)) expect(m[1], where).toBe(blocId);
      for (const m of line.matchAll(/--unit (\d+)/g)) expect(unitIds.has(m[1]!), where).toBe(true);
      const invite = /invite focal-point --id (\d+)/.exec(line);
      if (!invite) continue;
      const fp = focalPoints.get(invite[1]!);
      expect(fp, where).toBeDefined();
      // The example's printed line is what the command prints for that focal point.
      const said = /^# (Đã tạo liên kết mời cho cán bộ đầu mối .+), hiệu lực đến/.exec(next);
      if (!said) continue;
      expect(said[1], where).toBe(`Đã tạo liên kết mời cho cán bộ đầu mối ${fp!.name} (${fp!.unit})`);
      if (!printed.has(invite[1]!))
        printed.set(invite[1]!, cli('invite', 'focal-point', '--id', invite[1]!, '--bot', 'khoithidua6_bot')[0]!);
      expect(printed.get(invite[1]!), where).toMatch(
        new RegExp(`^${said[1]!.replace(/[()]/g, '\\$&')}, hiệu lực đến `),
      );
    }
  });

  it('the real CLI refuses a digest run for a moment to come with exit code 1 and changes nothing', () => {
    // Year 2999: a moment to come whatever the clock says.
    const r = runCli(['job', 'run', 'period-digest', '--bloc', 'Khối thi đua số 6', '--now', '2999-01-06T08:00']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--now 2999-01-06T08:00 (08:00 06/01/2999) là thời điểm chưa đến');
    expect(r.stderr).toContain('Nếu thật sự muốn vậy, thêm --allow-future.');
    expect(cli('job', 'list').filter((l) => l.includes('2999'))).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateLinkSecret } from '../../src/personal-links/link-secret.js';
import { cleanupDirs, createProductDb, fingerprint, query, tempDir } from './backup-helpers.js';
import {
  deployFile,
  freePort,
  root,
  type Started,
  startCommand,
  unitSettings,
  waitFor200,
} from './deployment-helpers.js';

// The guide's backup and restore commands, run as the guide writes them: deploy/cli.sh with the
// service's environment file (here the example with its data folder moved to a temporary one).

const started: Started[] = [];
afterEach(() => {
  for (const s of started.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  cleanupDirs();
});

function installEnvFile(dir: string): string {
  const file = join(dir, 'khoi-thi-dua.env');
  writeFileSync(
    file,
    readFileSync(deployFile('khoi-thi-dua.env.example'), 'utf8').replaceAll('/var/lib/khoi-thi-dua', join(dir, 'var')),
  );
  return file;
}

function cli(envFile: string, ...args: string[]) {
  return cliAs('khoi-thi-dua-test-absent', envFile, ...args); // no such user: the current one runs it
}

function cliAs(user: string, envFile: string, ...args: string[]) {
  const r = spawnSync('bash', [deployFile('cli.sh'), ...args], {
    cwd: '/',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', KTD_ENV_FILE: envFile, KTD_USER: user },
  });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe('deploy/cli.sh backup and restore, as in docs/deployment.md', () => {
  it('backs up with the service settings, refuses to restore while the service runs, restores once it is stopped', async () => {
    const dir = tempDir('ktd-guide-');
    const envFile = installEnvFile(dir);
    const database = join(dir, 'var', 'khoi-thi-dua.sqlite');
    await createProductDb(database, 3, 'Khối trước khi hỏng');

    const backup = cli(envFile, 'backup');
    expect(backup).toMatchObject({ status: 0, err: '' });
    const [file] = readdirSync(join(dir, 'var', 'backups'));
    expect(backup.out).toContain(`Đã sao lưu cơ sở dữ liệu vào ${join(dir, 'var', 'backups', file!)}`);
    const copy = join(dir, 'var', 'backups', file!);

    // The service runs (its ExecStart with the same file's settings): restore is refused.
    const port = await freePort();
    const unit = unitSettings();
    const env = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>;
    const service = startCommand(unit.ExecStart!, root, { ...env, PORT: String(port) });
    started.push(service);
    await waitFor200(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, service);
    const refused = cli(envFile, 'restore', copy);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain('đang được một tiến trình khác sử dụng (dịch vụ đang chạy?). Xin dừng dịch vụ trước');
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    // Meanwhile something went wrong in the data; the restore brings back the copy and keeps the wrong state aside.
    const { default: SQLite } = await import('better-sqlite3');
    const broken = new SQLite(database);
    broken.prepare(`update bloc set name = 'Khối bị sửa nhầm'`).run();
    broken.close();
    const restored = cli(envFile, 'restore', copy);
    expect(restored).toMatchObject({ status: 0, err: '' });
    expect(restored.out).toMatch(
      /^Đã khôi phục cơ sở dữ liệu .* Bản sao của cơ sở dữ liệu trước khi khôi phục: .*khoi-thi-dua-pre-restore-\d{8}-\d{6}\.sqlite\. Xin khởi động lại dịch vụ\.$/,
    );
    expect(query<{ name: string }>(database, 'select name from bloc')).toEqual([{ name: 'Khối trước khi hỏng' }]);
    const aside = readdirSync(join(dir, 'var', 'backups')).find((n) => n.includes('pre-restore'))!;
    expect(query<{ name: string }>(join(dir, 'var', 'backups', aside), 'select name from bloc')).toEqual([
      { name: 'Khối bị sửa nhầm' },
    ]);
  }, 90_000);

  it('refuses a truncated or a foreign file, and nothing changes', async () => {
    const dir = tempDir('ktd-guide-');
    const envFile = installEnvFile(dir);
    await createProductDb(join(dir, 'var', 'khoi-thi-dua.sqlite'), 2);
    expect(cli(envFile, 'backup', join(dir, 'copy.sqlite')).status).toBe(0);
    truncateSync(join(dir, 'copy.sqlite'), Math.floor(statSync(join(dir, 'copy.sqlite')).size / 3));
    writeFileSync(join(dir, 'notes.txt'), 'Biên bản họp Khối thi đua số 6\n'.repeat(100));
    const before = fingerprint(dir);
    const truncated = cli(envFile, 'restore', join(dir, 'copy.sqlite'));
    expect(truncated.status).toBe(1);
    expect(truncated.err).toContain('bị hỏng hoặc không đầy đủ (tệp bị cắt cụt');
    const foreign = cli(envFile, 'restore', join(dir, 'notes.txt'));
    expect(foreign.status).toBe(1);
    expect(foreign.err).toContain('không phải cơ sở dữ liệu SQLite');
    expect(cli(envFile, 'restore').err).toContain('Dùng: restore TỆP');
    expect(fingerprint(dir)).toEqual(before);
  }, 90_000); // four runs of the real CLI: ~20 s on two busy cores

  it('says so when the settings file cannot be read', () => {
    const r = cli('/nonexistent/khoi-thi-dua.env', 'backup');
    expect(r).toMatchObject({
      status: 1,
      err: 'Không đọc được tệp cấu hình /nonexistent/khoi-thi-dua.env (chạy bằng sudo?).',
    });
  });

  it("runs the command as the service's user, who can read the settings file through its group (mode 640)", async () => {
    const dir = tempDir('ktd-guide-');
    chmodSync(dir, 0o755);
    const envFile = installEnvFile(dir);
    await createProductDb(join(dir, 'var', 'khoi-thi-dua.sqlite'), 2);
    // As root (sudo in the guide) the script switches to the user with runuser; `nobody` stands in
    // for khoi-thi-dua. Without root the current user is already an unprivileged one.
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? 'nobody' : spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
    const uid = asRoot ? 65534 : process.getuid!();
    if (asRoot) {
      chownSync(envFile, 0, 65534);
      spawnSync('chown', ['-R', `${uid}:${uid}`, join(dir, 'var')]);
    }
    chmodSync(envFile, 0o640);
    const r = cliAs(user, envFile, 'backup');
    expect(r).toMatchObject({ status: 0, err: '' });
    const [name] = readdirSync(join(dir, 'var', 'backups'));
    expect(statSync(join(dir, 'var', 'backups', name!)).uid).toBe(uid);
  }, 60_000);
});

describe('deploy/khoi-thi-dua-sao-luu.cron', () => {
  it('copies the backups off the machine, never a backup being written nor the link secret, and keeps what the server pruned', async () => {
    const dir = tempDir('ktd-guide-');
    const envFile = installEnvFile(dir);
    const database = join(dir, 'var', 'khoi-thi-dua.sqlite');
    await createProductDb(database, 2);
    const secret = loadOrCreateLinkSecret(undefined, database);
    expect(cli(envFile, 'backup').status).toBe(0);
    const backups = join(dir, 'var', 'backups');
    const [first] = readdirSync(backups);
    writeFileSync(join(backups, '.khoi-thi-dua-daily-20261125-023000.sqlite.partial'), 'một bản sao lưu đang ghi dở');

    // The cron line as installed: five time fields, the user, then the command run by /bin/sh.
    const line = readFileSync(deployFile('khoi-thi-dua-sao-luu.cron'), 'utf8')
      .split('\n')
      .find((l) => l.trim() && !l.startsWith('#'))!;
    const m = /^15 3 \* \* \* root (rsync .*)$/.exec(line);
    expect(m).not.toBeNull();
    const remote = join(dir, 'may-sao-luu');
    const command = m![1]!
      .replaceAll('/var/lib/khoi-thi-dua', join(dir, 'var'))
      .replace('saoluu@may-sao-luu.tinh.gov.vn:/srv/sao-luu/khoi-thi-dua/', `${remote}/`);
    const run = () => spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(run()).toMatchObject({ status: 0, stderr: '' });
    expect(readdirSync(remote)).toEqual([first]);
    expect(fingerprint(remote)[first!]).toBe(fingerprint(backups)[first!]);
    for (const name of readdirSync(remote)) expect(readFileSync(join(remote, name)).includes(secret)).toBe(false);

    // The next night: the server pruned the old copy and made a new one; over there both are kept.
    rmSync(join(backups, first!));
    writeFileSync(join(backups, 'khoi-thi-dua-daily-20261126-023000.sqlite'), readFileSync(join(remote, first!)));
    expect(run().status).toBe(0);
    expect(readdirSync(remote).sort()).toEqual([first, 'khoi-thi-dua-daily-20261126-023000.sqlite'].sort());
  }, 60_000);
});

import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupDirs, createProductDb, tempDir } from './backup-helpers.js';
import {
  deployFile,
  freePort,
  root,
  type Started,
  startCommand,
  unitSettings,
  waitFor200,
} from './deployment-helpers.js';

// deploy/upgrade.sh as the guide runs it, on a deployment made for the test: a copy of this
// repository (as it is on disk) cloned from an "upstream" that then gets a newer commit. The
// script backs up, pulls, runs npm ci for real; the product then starts from the upgraded copy.

const started: Started[] = [];
afterEach(() => {
  for (const s of started.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  cleanupDirs();
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Kiểm thử', '-c', 'user.email=kiem-thu@example.vn', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8' },
  ).trim();

/**
 * On a deployment, npm ci downloads better-sqlite3's prebuilt binary; this machine cannot reach
 * GitHub, so its install script fell back to compiling for a minute or more. The test offers the
 * binary already built here through prebuild-install's documented local-prebuilds folder: the same
 * file a download would give, and the script and npm ci run exactly as on a server.
 */
function localPrebuilds(folder: string): string {
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  mkdirSync(folder, { recursive: true });
  execFileSync('tar', ['-czf', join(folder, name), '-C', pkg, 'build/Release/better_sqlite3.node']);
  return folder;
}

describe('deploy/upgrade.sh', () => {
  it('takes a backup, pulls the new code, installs its packages; the upgraded copy starts', async () => {
    const dir = tempDir('ktd-upgrade-');
    const upstream = join(dir, 'upstream');
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && existsSync(join(root, f)) && statSync(join(root, f)).isFile());
    for (const f of files) {
      mkdirSync(dirname(join(upstream, f)), { recursive: true });
      cpSync(join(root, f), join(upstream, f));
    }
    git(upstream, 'init', '-q');
    git(upstream, 'add', '.');
    git(upstream, 'commit', '-q', '-m', 'phiên bản đang chạy');
    const app = join(dir, 'opt', 'khoi-thi-dua');
    git(dir, 'clone', '-q', upstream, app);
    // The deployment as installed: its packages in place (hard links: fast, and npm ci only unlinks
    // them; a plain copy where the temporary folder is on another file system, as /tmp may be).
    // From the real folder: were node_modules a symlink (a git worktree sharing the checkout's
    // packages), cp would copy the link and npm ci would then empty the shared folder through it.
    const packages = realpathSync(join(root, 'node_modules'));
    try {
      execFileSync('cp', ['-al', packages, join(app, 'node_modules')], { stdio: 'ignore' });
    } catch {
      rmSync(join(app, 'node_modules'), { recursive: true, force: true });
      execFileSync('cp', ['-a', packages, join(app, 'node_modules')]);
    }
    writeFileSync(
      join(upstream, 'docs', 'deployment.md'),
      `${readFileSync(join(upstream, 'docs', 'deployment.md'), 'utf8')}\n<!-- phiên bản mới -->\n`,
    );
    git(upstream, 'commit', '-q', '-am', 'phiên bản mới');

    const envFile = join(dir, 'khoi-thi-dua.env');
    writeFileSync(
      envFile,
      readFileSync(deployFile('khoi-thi-dua.env.example'), 'utf8').replaceAll(
        '/var/lib/khoi-thi-dua',
        join(dir, 'var'),
      ),
    );
    await createProductDb(join(dir, 'var', 'khoi-thi-dua.sqlite'), 2);

    const r = spawnSync('bash', [join(app, 'deploy', 'upgrade.sh')], {
      cwd: '/',
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        npm_config_better_sqlite3_local_prebuilds: localPrebuilds(join(dir, 'prebuilds')),
        // npm's own setting (as --prefer-offline): the packages come from npm's local cache when it
        // has them instead of asking the registry about each first (28 s → 18 s here). npm ci still
        // empties node_modules and installs every package of the lock file; the script is unchanged.
        npm_config_prefer_offline: 'true',
        KTD_ENV_FILE: envFile,
        KTD_USER: 'khoi-thi-dua-test-absent',
      },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Đã sao lưu cơ sở dữ liệu vào');
    expect(r.stdout).toContain('Xong. Khởi động lại dịch vụ: sudo systemctl restart khoi-thi-dua');
    expect(readdirSync(join(dir, 'var', 'backups'))).toEqual([
      expect.stringMatching(/^khoi-thi-dua-manual-\d{8}-\d{6}\.sqlite$/),
    ]);
    expect(git(app, 'log', '-1', '--format=%s')).toBe('phiên bản mới');
    expect(existsSync(join(app, 'node_modules', '.package-lock.json'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'vitest'))).toBe(false); // --omit=dev: reinstalled by npm ci

    // "sudo systemctl restart khoi-thi-dua": the unit's ExecStart from the upgraded copy.
    const port = await freePort();
    const env = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>;
    const service = startCommand(unitSettings().ExecStart!, app, { ...env, PORT: String(port) });
    started.push(service);
    await waitFor200(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, service);
  }, 600_000);
});

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { MAX_REQUEST_BYTES } from '../../src/web-report/uploads.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { TEST_WEBHOOK_SECRET } from '../helpers/secrets.js';
import { cleanupDirs, tempDir } from './backup-helpers.js';
import {
  deployFile,
  exampleEnv,
  freePort,
  httpsRequest,
  root,
  type Started,
  startCommand,
  unitSettings,
  waitFor200,
} from './deployment-helpers.js';

// docs/deployment.md installs the files in deploy/. Each is exercised here as installed, adapted only
// in paths and ports: the environment file through the product's own settings check, the systemd
// unit by systemd-analyze and by running its ExecStart, and the nginx site in front of the product.

const started: Started[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const c of closers.splice(0)) await c();
  cleanupDirs();
});

/** The product started as the unit starts it, with the example settings and a temporary database. */
async function startAsTheUnit(overrides: Record<string, string>): Promise<{ port: number; s: Started; dir: string }> {
  const unit = unitSettings();
  const dir = tempDir('ktd-deploy-');
  const port = await freePort();
  const [name, value] = unit.Environment!.split('=') as [string, string];
  const env = {
    ...exampleEnv(),
    [name]: value,
    DATABASE_PATH: join(dir, 'data', 'khoi-thi-dua.sqlite'),
    BACKUP_DIR: join(dir, 'data', 'backups'),
    PORT: String(port),
    ...overrides,
  };
  const s = startCommand(unit.ExecStart!, unit.WorkingDirectory!.replace('/opt/khoi-thi-dua', root), env);
  started.push(s);
  await waitFor200(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, s);
  return { port, s, dir };
}

describe('deploy/khoi-thi-dua.env.example', () => {
  it('is accepted by the product as it is, and names every setting the product reads', () => {
    const env = exampleEnv();
    const result = loadConfig(env);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      demoData: false,
      backup: { dir: '/var/lib/khoi-thi-dua/backups', keep: 14, time: '02:30' },
    });
    const settings = [...readFileSync(join(root, 'src/config.ts'), 'utf8').matchAll(/^ {4}([A-Z][A-Z0-9_]+):/gm)].map(
      (m) => m[1]!,
    );
    expect(settings.length).toBeGreaterThan(20);
    expect(settings.filter((name) => !(name in env))).toEqual([]);
  });

  it('keeps the data where the unit lets the service write, and the port and body size nginx allows', () => {
    const env = exampleEnv();
    const writable = unitSettings().ReadWritePaths!;
    expect(env.DATABASE_PATH!.startsWith(`${writable}/`)).toBe(true);
    expect(env.BACKUP_DIR!.startsWith(`${writable}/`)).toBe(true);
    const site = readFileSync(deployFile('nginx-khoi-thi-dua.conf'), 'utf8');
    const targets = [...site.matchAll(/proxy_pass http:\/\/([\d.]+):(\d+);/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(new Set(targets)).toEqual(new Set([`${env.HOST}:${env.PORT}`]));
    // nginx must let through every web report form the product itself accepts.
    const [, megabytes] = /client_max_body_size (\d+)m;/.exec(site)!;
    expect(Number(megabytes) * 1024 * 1024).toBeGreaterThan(MAX_REQUEST_BYTES);
  });
});

describe('deploy/khoi-thi-dua.service', () => {
  it('passes systemd-analyze verify without a warning', () => {
    const r = spawnSync('systemd-analyze', ['verify', deployFile('khoi-thi-dua.service')], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });

  it("is rated 'OK' by systemd-analyze security (exposure at most 3.5 of 10)", () => {
    // --threshold fails above the given exposure, in tenths; the unit without its hardening is at 6.5.
    const r = spawnSync(
      'systemd-analyze',
      ['security', '--offline=true', '--threshold=35', '--no-pager', deployFile('khoi-thi-dua.service')],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toMatch(/Overall exposure level for khoi-thi-dua\.service: [0-3]\.\d OK/);
    expect(r.status).toBe(0);
  });

  it('starts the product with its ExecStart and the example settings: /healthz answers, SIGTERM stops it cleanly', async () => {
    const unit = unitSettings();
    expect(unit).toMatchObject({
      User: 'khoi-thi-dua',
      Restart: 'on-failure',
      NoNewPrivileges: 'true',
      ProtectSystem: 'strict',
    });
    const { port, s } = await startAsTheUnit({});
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ bot: 'off' });
    s.child.kill('SIGTERM'); // the unit's KillSignal
    expect(await s.exited).toBe(0);
  });

  it('runs as an unprivileged user (User=, Group=, NoNewPrivileges=) who owns only the data folder', async () => {
    // As root, setpriv does what systemd does for User=/Group=/NoNewPrivileges=, with `nobody`
    // standing in for khoi-thi-dua; without root the current user is already an unprivileged one.
    const asRoot = process.getuid?.() === 0;
    const uid = asRoot ? 65534 : process.getuid!();
    const dir = tempDir('ktd-deploy-');
    chmodSync(dir, 0o755); // the code and the folder above the data stay root's, read-only to the service
    mkdirSync(join(dir, 'data'));
    if (asRoot) chownSync(join(dir, 'data'), uid, uid);
    const unit = unitSettings();
    const port = await freePort();
    const [name, value] = unit.Environment!.split('=') as [string, string];
    const env = {
      ...exampleEnv(),
      [name]: value,
      DATABASE_PATH: join(dir, 'data', 'khoi-thi-dua.sqlite'),
      BACKUP_DIR: join(dir, 'data', 'backups'),
      PORT: String(port),
    };
    const switchUser = asRoot ? `setpriv --reuid=${uid} --regid=${uid} --clear-groups --no-new-privs ` : '';
    const s = startCommand(
      `${switchUser}${unit.ExecStart!}`,
      unit.WorkingDirectory!.replace('/opt/khoi-thi-dua', root),
      env,
    );
    started.push(s);
    await waitFor200(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, s);
    // Everything it wrote (database, the night's catch-up backup, the link secret) is in the data folder and its own.
    const written = readdirSync(join(dir, 'data'), { recursive: true }) as string[];
    expect(written).toEqual(
      expect.arrayContaining(['khoi-thi-dua.sqlite', 'khoi-thi-dua.sqlite.link-secret', 'backups']),
    );
    for (const f of written) expect(statSync(join(dir, 'data', f)).uid).toBe(uid);
    expect(readdirSync(dir)).toEqual(['data']);
    expect(statSync(join(dir, 'data', 'khoi-thi-dua.sqlite.link-secret')).mode & 0o777).toBe(0o600);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});

describe('deploy/nginx-khoi-thi-dua.conf', () => {
  it('serves the admin and passes the Telegram webhook through HTTPS, with the upload limit', async () => {
    const dir = tempDir('ktd-nginx-');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const [httpPort, httpsPort] = [await freePort(), await freePort()];

    const emu = await BotEmulator.start();
    closers.push(() => emu.close());
    const secret = TEST_WEBHOOK_SECRET; // one of the configured secrets the log scan looks for
    const publicUrl = `https://localhost:${httpsPort}`;
    const { port: appPort } = await startAsTheUnit({
      TELEGRAM_BOT_TOKEN: emu.token,
      TELEGRAM_API_ROOT: emu.apiRoot,
      PUBLIC_URL: publicUrl,
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    expect(emu.webhook).toEqual({ url: `${publicUrl}/telegram/webhook`, secretToken: secret });

    // The site as installed, adapted only in its ports (loopback) and the certificate's paths.
    const site = readFileSync(deployFile('nginx-khoi-thi-dua.conf'), 'utf8')
      .replace(/^\s*listen \[::\].*$/gm, '')
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
      .replace(/\/etc\/letsencrypt\/live\/thidua\.example\.vn\/fullchain\.pem/, join(dir, 'cert.pem'))
      .replace(/\/etc\/letsencrypt\/live\/thidua\.example\.vn\/privkey\.pem/, join(dir, 'key.pem'))
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${appPort}`);
    writeFileSync(join(dir, 'site.conf'), site);
    for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, t));
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        process.getuid?.() === 0 ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log;`,
        'events {}',
        `http { access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;`,
        `uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi; include ${dir}/site.conf; }`,
      ].join('\n'),
    );
    const nginx = '/usr/sbin/nginx';
    const test = spawnSync(nginx, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
      encoding: 'utf8',
    });
    expect(test.stderr).toContain('test is successful');
    const proxy = startCommand(
      `${nginx} -p ${dir} -c ${join(dir, 'nginx.conf')} -e ${join(dir, 'error.log')}`,
      dir,
      {},
    );
    started.push(proxy);
    const base = `https://localhost:${httpsPort}`;
    await waitFor200(async () => (await httpsRequest(`${base}/healthz`, { ca })).status === 200, proxy);

    // Plain HTTP goes to HTTPS; the admin's login page comes through.
    const redirect = await fetch(`http://127.0.0.1:${httpPort}/dang-nhap`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    const login = await httpsRequest(`${base}/login`, { ca });
    expect(login.status).toBe(200);
    expect(login.body).toContain('Đăng nhập');

    // The webhook: refused without Telegram's secret header, handled with it.
    const update = JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1_764_000_000,
        chat: { id: 42, type: 'private', first_name: 'Lan' },
        from: { id: 42, is_bot: false, first_name: 'Lan' },
        text: '/trogiup',
      },
    });
    const json = { 'content-type': 'application/json' };
    expect(
      (await httpsRequest(`${base}/telegram/webhook`, { ca, method: 'POST', headers: json, body: update })).status,
    ).toBe(401);
    const handled = await httpsRequest(`${base}/telegram/webhook`, {
      ca,
      method: 'POST',
      headers: { ...json, 'x-telegram-bot-api-secret-token': secret },
      body: update,
    });
    expect(handled.status).toBe(200);

    // A form larger than nginx's default 1 MB reaches the product; over client_max_body_size
    // (checked against the product's own limit below) nginx answers with its own page.
    const post = (mb: number) =>
      httpsRequest(`${base}/login`, {
        ca,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `username=${'a'.repeat(mb * 1024 * 1024)}`,
      });
    const reached = await post(3);
    expect([reached.status, reached.body.includes('nginx')]).toEqual([403, false]);
    const stopped = await post(46);
    expect([stopped.status, stopped.body.includes('nginx')]).toEqual([413, true]);
  }, 90_000);
});

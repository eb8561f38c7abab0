import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      databasePath: 'data/khoi-thi-dua.sqlite',
      port: 3000,
      timeZone: 'Asia/Ho_Chi_Minh',
      demoData: true,
      telegram: { token: undefined, apiRoot: 'https://api.telegram.org', mode: 'polling' },
      firstAdmin: undefined,
    });
  });

  it('reads every setting', () => {
    const r = loadConfig({
      DATABASE_PATH: '/var/lib/ktd/db.sqlite',
      PORT: '8080',
      APP_TIMEZONE: 'Asia/Bangkok',
      DEMO_DATA: 'false',
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc',
      TELEGRAM_API_ROOT: 'http://localhost:9000/',
      TELEGRAM_MODE: 'webhook',
      PUBLIC_URL: 'https://thidua.example.vn/',
      TELEGRAM_WEBHOOK_SECRET: 's3cret_token-1',
      ADMIN_USERNAME: 'bantdkt',
      ADMIN_PASSWORD: 'mat-khau-du-dai',
      OUTBOX_RATE_PER_SECOND: '25',
      JOBS_CATCHUP_HOURS: '48',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.port).toBe(8080);
    expect(r.config.demoData).toBe(false);
    expect(r.config.telegram.apiRoot).toBe('http://localhost:9000');
    expect(r.config.publicUrl).toBe('https://thidua.example.vn');
    expect(r.config.firstAdmin).toEqual({ username: 'bantdkt', password: 'mat-khau-du-dai' });
    expect(r.config.outbox).toEqual({ ratePerSecond: 25, groupPerMinute: 20, maxInFlight: 10, maxAttempts: 20 });
    expect(r.config.jobs.catchUpHours).toBe(48);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_TIMEZONE: 'Mars/Olympus' }, 'APP_TIMEZONE'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ TELEGRAM_MODE: 'push' }, 'TELEGRAM_MODE'],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, 'TELEGRAM_BOT_TOKEN'],
    [{ TELEGRAM_API_ROOT: 'api.telegram.org' }, 'TELEGRAM_API_ROOT'],
    [{ TELEGRAM_WEBHOOK_SECRET: 'has space' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ ADMIN_USERNAME: 'admin' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ METRICS_TOKEN: 'too-short' }, 'METRICS_TOKEN'],
    [{ METRICS_TOKEN: 'has a space in the middle of it ok' }, 'METRICS_TOKEN'],
    [{ OUTBOX_RATE_PER_SECOND: '0' }, 'OUTBOX_RATE_PER_SECOND'],
    [{ OUTBOX_GROUP_PER_MINUTE: '61' }, 'OUTBOX_GROUP_PER_MINUTE'],
    [{ OUTBOX_MAX_IN_FLIGHT: '2.5' }, 'OUTBOX_MAX_IN_FLIGHT'],
    [{ OUTBOX_MAX_ATTEMPTS: 'many' }, 'OUTBOX_MAX_ATTEMPTS'],
    [{ JOBS_CATCHUP_HOURS: '-1' }, 'JOBS_CATCHUP_HOURS'],
    [{ BACKUP_KEEP: '0' }, 'BACKUP_KEEP'],
    [{ BACKUP_KEEP: 'mười' }, 'BACKUP_KEEP'],
    [{ BACKUP_TIME: '2:30' }, 'BACKUP_TIME'],
    [{ BACKUP_TIME: '24:00' }, 'BACKUP_TIME'],
  ])('rejects %j naming %s', (env, name) => {
    const r = loadConfig(env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.startsWith(`${name}:`))).toBe(true);
  });

  it('needs a public https URL and a secret for webhook mode', () => {
    const r = loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc', TELEGRAM_MODE: 'webhook' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.split(':')[0])).toEqual(['PUBLIC_URL', 'TELEGRAM_WEBHOOK_SECRET']);
  });

  it('keeps daily backups beside the database unless told otherwise', () => {
    const defaults = loadConfig({ DATABASE_PATH: '/var/lib/khoi-thi-dua/ktd.sqlite' });
    expect(defaults.ok && defaults.config.backup).toEqual({
      dir: '/var/lib/khoi-thi-dua/backups',
      keep: 14,
      time: '02:30',
    });
    const plain = loadConfig({});
    expect(plain.ok && plain.config.backup).toEqual({ dir: 'data/backups', keep: 14, time: '02:30' });
    const set = loadConfig({ BACKUP_DIR: '/mnt/sao-luu', BACKUP_KEEP: '30', BACKUP_TIME: '23:05' });
    expect(set.ok && set.config.backup).toEqual({ dir: '/mnt/sao-luu', keep: 30, time: '23:05' });
  });

  it('never echoes a secret value in its messages', () => {
    const r = loadConfig({
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'short',
      TELEGRAM_BOT_TOKEN: 'leaked-token',
      METRICS_TOKEN: 'leaked-metrics',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).not.toMatch(/short|leaked-token|leaked-metrics/);
  });

  it('reads METRICS_TOKEN, and leaves /metrics to this machine without it', () => {
    const r = loadConfig({ METRICS_TOKEN: '  0123456789abcdef0123456789abcdef  ' });
    expect(r.ok && r.config.metricsToken).toBe('0123456789abcdef0123456789abcdef');
    const none = loadConfig({});
    expect(none.ok && none.config.metricsToken).toBeUndefined();
  });
});

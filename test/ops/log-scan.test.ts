// The negative control of the scan after the suite (logs-secret-scan.scan.ts): over a folder of logs
// with secrets planted in it, the same scan finds every one, in the product's JSON lines and in
// what a started process printed otherwise; over what the real logger wrote of them, nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import {
  CONFIGURED_SECRETS,
  EMULATOR_BOT_TOKEN,
  PROCESS_ADMIN_PASSWORD,
  TEST_METRICS_TOKEN,
  TEST_WEBHOOK_SECRET,
} from '../helpers/secrets.js';
import { scanLogs } from './log-scan.js';

const PERSONAL_TOKEN = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the log scan', () => {
  it('finds each configured secret and each secret-shaped text planted in the logs', () => {
    dir = mkdtempSync(join(tmpdir(), 'ktd-logscan-'));
    const json = (o: Record<string, unknown>) => JSON.stringify({ level: 30, time: '2026-11-25T03:00:00.000Z', ...o });
    writeFileSync(
      join(dir, 'vitest-101.log'),
      [
        json({ msg: 'http request', route: '/r/:token', status: 200 }),
        json({ msg: 'scrape', header: `Bearer ${TEST_METRICS_TOKEN}` }),
        json({ msg: 'form', path: `/r/${PERSONAL_TOKEN}` }),
        json({ msg: 'webhook', secret_header: TEST_WEBHOOK_SECRET }),
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'process-101-202.log'),
      [
        json({ msg: 'listening on http://localhost:3000' }),
        `Error: request to https://api.telegram.org/bot${EMULATOR_BOT_TOKEN}/getMe failed`,
        `first admin password: ${PROCESS_ADMIN_PASSWORD}`,
        'Cookie: ktd_session=Zm9vYmFyYmF6cXV4',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'notes.txt'), `not a log: ${TEST_METRICS_TOKEN}`);
    const scan = scanLogs(dir, CONFIGURED_SECRETS);
    expect(scan.files.map((f) => f.name).sort()).toEqual(['process-101-202.log', 'vitest-101.log']);
    expect(scan.jsonLines).toHaveLength(5);
    expect(scan.configured.sort()).toEqual(
      [
        `process-101-202.log:2: ${EMULATOR_BOT_TOKEN.split(':')[1]!.slice(0, 6)}…`,
        `process-101-202.log:3: ${PROCESS_ADMIN_PASSWORD.slice(0, 6)}…`,
        `vitest-101.log:2: ${TEST_METRICS_TOKEN.slice(0, 6)}…`,
        `vitest-101.log:4: ${TEST_WEBHOOK_SECRET.slice(0, 6)}…`,
      ].sort(),
    );
    expect(scan.shaped.sort()).toEqual(
      [
        'process-101-202.log:2: telegram_bot_token',
        'process-101-202.log:4: session_cookie',
        'vitest-101.log:2: authorization',
        'vitest-101.log:3: personal_link',
      ].sort(),
    );
  });

  it('finds nothing in what the real logger wrote of the same secrets', () => {
    dir = mkdtempSync(join(tmpdir(), 'ktd-logscan-'));
    const lines: string[] = [];
    const logger = createLogger('debug', { destination: { write: (l: string) => void lines.push(l) } });
    logger.info(
      {
        path: `/r/${PERSONAL_TOKEN}`,
        authorization: `Bearer ${TEST_METRICS_TOKEN}`,
        secret_token: TEST_WEBHOOK_SECRET,
      },
      'request',
    );
    logger.error(
      { err: new Error(`request to https://api.telegram.org/bot${EMULATOR_BOT_TOKEN}/getMe failed`) },
      'telegram',
    );
    logger.info({ password: PROCESS_ADMIN_PASSWORD }, 'Cookie: ktd_session=Zm9vYmFyYmF6cXV4');
    writeFileSync(join(dir, 'vitest-102.log'), lines.join(''));
    const scan = scanLogs(dir, CONFIGURED_SECRETS);
    expect(scan.jsonLines).toHaveLength(3);
    expect({ configured: scan.configured, shaped: scan.shaped }).toEqual({ configured: [], shaped: [] });
  });
});

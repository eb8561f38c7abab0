// Run by scripts/test.sh after the whole suite (not by the main vitest run): reads every log the
// suite wrote (test-artifacts/logs/: the loggers of the test helpers and the output of the started
// product) and finds none of the suite's configured secrets, nor anything shaped like a secret.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecretPatterns } from '../../src/core/secret-patterns.js';
import { TEST_LOG_DIR } from '../helpers/logger.js';
import { CONFIGURED_SECRETS } from '../helpers/secrets.js';

/** Fewer lines than this means the logs were not written, and the scan would pass for nothing. */
const MIN_LOG_LINES = 500;

interface LogFile {
  name: string;
  lines: string[];
}

function readLogs(): LogFile[] {
  if (!existsSync(TEST_LOG_DIR)) return [];
  return readdirSync(TEST_LOG_DIR)
    .filter((f) => f.endsWith('.log'))
    .map((name) => ({ name, lines: readFileSync(join(TEST_LOG_DIR, name), 'utf8').split('\n').filter((l) => l.trim() !== '') }));
}

const isJsonLog = (line: string) => {
  try {
    const o = JSON.parse(line) as { level?: unknown };
    return typeof o.level === 'number';
  } catch {
    return false;
  }
};

describe('the logs of the test suite', () => {
  const files = readLogs();
  const jsonLines = files.flatMap((f) => f.lines.filter(isJsonLog));

  it('are there: the helpers, the bot, the HTTP app and the started product all wrote to them', () => {
    expect(jsonLines.length).toBeGreaterThanOrEqual(MIN_LOG_LINES);
    expect(files.some((f) => f.name.startsWith('process-') && f.lines.some(isJsonLog))).toBe(true);
    expect(jsonLines.some((l) => l.includes('"update_id":'))).toBe(true);
    expect(jsonLines.some((l) => l.includes('"request_id":'))).toBe(true);
    expect(jsonLines.some((l) => l.includes('"msg":"job run succeeded"'))).toBe(true);
  });

  it('hold none of the configured secrets (bot tokens, passwords, the metrics token, the webhook secret)', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const [i, line] of f.lines.entries()) {
        for (const secret of CONFIGURED_SECRETS) {
          // A bot token's secret part is after the colon; the numeric bot id alone is public.
          const needle = secret.includes(':') ? secret.slice(secret.indexOf(':') + 1) : secret;
          if (line.includes(needle)) found.push(`${f.name}:${i + 1}: ${needle.slice(0, 6)}…`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('hold nothing shaped like a secret (bot token, personal link, session cookie, bearer credentials)', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const [i, line] of f.lines.entries()) {
        const names = findSecretPatterns(line);
        if (names.length > 0) found.push(`${f.name}:${i + 1}: ${names.join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });
});

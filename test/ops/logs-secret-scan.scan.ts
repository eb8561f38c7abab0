// Run by scripts/test.sh after the whole suite (not by the main vitest run): reads every log the
// suite wrote (test-artifacts/logs/: the loggers of the test helpers and the output of the started
// product) and finds none of the suite's configured secrets, nor anything shaped like a secret.
// That the scan finds what is there is shown by log-scan.test.ts, in the main run.
import { describe, expect, it } from 'vitest';
import { TEST_LOG_DIR } from '../helpers/logger.js';
import { CONFIGURED_SECRETS } from '../helpers/secrets.js';
import { isJsonLog, scanLogs } from './log-scan.js';

/** Fewer lines than this means the logs were not written, and the scan would pass for nothing. */
const MIN_LOG_LINES = 500;

describe('the logs of the test suite', () => {
  const scan = scanLogs(TEST_LOG_DIR, CONFIGURED_SECRETS);

  it('are there: the helpers, the bot, the HTTP app and the started product all wrote to them', () => {
    expect(scan.jsonLines.length).toBeGreaterThanOrEqual(MIN_LOG_LINES);
    expect(scan.files.some((f) => f.name.startsWith('process-') && f.lines.some(isJsonLog))).toBe(true);
    expect(scan.jsonLines.some((l) => l.includes('"update_id":'))).toBe(true);
    expect(scan.jsonLines.some((l) => l.includes('"request_id":'))).toBe(true);
    expect(scan.jsonLines.some((l) => l.includes('"msg":"job run succeeded"'))).toBe(true);
  });

  it('hold none of the configured secrets (bot tokens, passwords, the metrics token, the webhook secret)', () => {
    expect(scan.configured).toEqual([]);
  });

  it('hold nothing shaped like a secret (bot token, personal link, session cookie, bearer credentials)', () => {
    expect(scan.shaped).toEqual([]);
  });
});

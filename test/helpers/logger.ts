// Loggers for tests: the product's own createLogger (with its redaction), writing to a file per
// test process under test-artifacts/logs/, so the scan after the suite (test/ops/logs-secret-scan.scan.ts)
// can look for secrets in everything the suite logged.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DestinationStream, pino } from 'pino';
import { createLogger, type Logger } from '../../src/logger.js';

export const TEST_LOG_DIR = join(import.meta.dirname, '../../test-artifacts/logs');

let file: DestinationStream | undefined;

/** This test process's log file (appended to; sync writes, so nothing is lost when a worker exits). */
export function testLogFile(): DestinationStream {
  if (!file) {
    mkdirSync(TEST_LOG_DIR, { recursive: true });
    file = pino.destination({
      dest: join(TEST_LOG_DIR, `vitest-${process.pid}.log`),
      sync: true,
      append: true,
      mkdir: true,
    });
  }
  return file;
}

/** The real logger at `level`, writing to this process's log file. */
export function testLogger(level = 'debug'): Logger {
  return createLogger(level, { destination: testLogFile() });
}

/** The real logger writing both to the log file and to `also` (for tests that read what was logged). */
export function teeLogger(level: string, also: (line: string) => void): Logger {
  const target = testLogFile();
  return createLogger(level, {
    destination: {
      write(line: string) {
        target.write(line);
        also(line);
      },
    },
  });
}

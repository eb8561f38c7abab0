// The search of a folder of logs for secrets: the scan after the suite runs it over everything the
// suite wrote (logs-secret-scan.scan.ts), and log-scan.test.ts shows that it finds what is planted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSecretPatterns } from '../../src/core/secret-patterns.js';

export interface LogFile {
  name: string;
  lines: string[];
}

export interface LogScan {
  files: LogFile[];
  /** The lines that are the product's JSON log lines (the rest: what a started process printed otherwise). */
  jsonLines: string[];
  /** `file:line: first characters…` of each configured secret found. */
  configured: string[];
  /** `file:line: pattern names` of each line holding something shaped like a secret. */
  shaped: string[];
}

export const isJsonLog = (line: string) => {
  try {
    const o = JSON.parse(line) as { level?: unknown };
    return typeof o.level === 'number';
  } catch {
    return false;
  }
};

/** Reads every *.log file in `dir` and looks for the given secrets and for secret patterns. */
export function scanLogs(dir: string, secrets: readonly string[]): LogScan {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.log'))
        .map((name) => ({
          name,
          lines: readFileSync(join(dir, name), 'utf8')
            .split('\n')
            .filter((l) => l.trim() !== ''),
        }))
    : [];
  const configured: string[] = [];
  const shaped: string[] = [];
  for (const f of files) {
    for (const [i, line] of f.lines.entries()) {
      for (const secret of secrets) {
        // A bot token's secret part is after the colon; the numeric bot id alone is public.
        const needle = secret.includes(':') ? secret.slice(secret.indexOf(':') + 1) : secret;
        if (line.includes(needle)) configured.push(`${f.name}:${i + 1}: ${needle.slice(0, 6)}…`);
      }
      const names = findSecretPatterns(line);
      if (names.length > 0) shaped.push(`${f.name}:${i + 1}: ${names.join(', ')}`);
    }
  }
  return { files, jsonLines: files.flatMap((f) => f.lines.filter(isJsonLog)), configured, shaped };
}

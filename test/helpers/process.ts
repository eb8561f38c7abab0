// A process started by a test (the product, a deploy script), its output collected and also
// written, as it comes, to the suite's log files that are scanned for secrets after the suite.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_LOG_DIR } from './logger.js';

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs a command line (split on spaces, as the unit's has no quotes) in a folder with an environment. */
export function startCommand(commandLine: string, cwd: string, env: Record<string, string>): Started {
  const [command, ...args] = commandLine.trim().split(/\s+/);
  let out = '';
  const child = spawn(command!, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // What it prints also goes, as it comes, to the suite's log files, scanned for secrets after the
  // suite (as it comes: a process killed at the end of a test may close after the test worker exits).
  mkdirSync(TEST_LOG_DIR, { recursive: true });
  const logFile = join(TEST_LOG_DIR, `process-${process.pid}-${child.pid}.log`);
  const collect = (d: Buffer) => {
    out += String(d);
    appendFileSync(logFile, d);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

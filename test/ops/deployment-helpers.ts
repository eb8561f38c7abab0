// Shared by the deployment tests: the repository's deploy/ files read as the guide installs them,
// the product started from the systemd unit's ExecStart, free ports and HTTPS requests.

import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { Started } from '../helpers/process.js';

export { freePort } from '../helpers/ports.js';

export const root = join(import.meta.dirname, '../..');
export const deployFile = (name: string) => join(root, 'deploy', name);

/** The example environment file as systemd and node --env-file read it. */
export function exampleEnv(): Record<string, string> {
  return parseEnv(readFileSync(deployFile('khoi-thi-dua.env.example'), 'utf8')) as Record<string, string>;
}

/** The [Service] settings of the unit file (last value wins, as in systemd). */
export function unitSettings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(deployFile('khoi-thi-dua.service'), 'utf8').split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

export { type Started, startCommand } from '../helpers/process.js';

/** Polls a URL until it answers 200 (the server is up), within 30 s. */
export async function waitFor200(fetchOk: () => Promise<boolean>, started: Started): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (started.child.exitCode !== null) break;
    try {
      if (await fetchOk()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not up within 30 s; output:\n${started.output()}`);
}

/** One HTTPS request trusting only the given certificate. */
export function httpsRequest(
  url: string,
  opts: { ca: string; method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers, ca: opts.ca }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => (body += String(d)));
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      res.on('end', done);
      res.on('aborted', done);
    });
    // A server that answers before reading the whole body (413) may close while we still send it.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.end(opts.body);
  });
}

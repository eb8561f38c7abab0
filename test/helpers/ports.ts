// A TCP port free on loopback, for tests that start a server process. Two things used to collide:
// a port found free by one vitest worker and handed out again to the other before either process
// bound it, and an emulator's listen(0) in one worker taking the port the other had just chosen
// (a test then read another test's /healthz). So each worker takes ports from its own block below
// the kernel's ephemeral range (where listen(0) never picks), one after another, checking each.
import { createServer } from 'node:net';

const BLOCK = 1500;
const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0) % 8;
let next = 20_000 + worker * BLOCK + (process.pid % 100) * 10;

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let tries = 0; tries < BLOCK; tries++) {
    const port = next;
    next = next + 1 >= 20_000 + (worker + 1) * BLOCK ? 20_000 + worker * BLOCK : next + 1;
    if (await bindable(port)) return port;
  }
  throw new Error('no free port in this worker’s block');
}

// The admin app for bench/admin.ts, in its own process (so the load generator does not share its
// event loop): serves the database given as argument on a random loopback port and prints it.

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createAdminApp } from '../src/admin/app.js';
import { openDatabase } from '../src/db/connection.js';

const [path, nowIso] = process.argv.slice(2);
if (!path || !nowIso) throw new Error('usage: admin-server.ts <database> <now ISO>');
const now = new Date(nowIso);
const { db } = openDatabase(path);
// A fixed link secret: the bench measures pages, and no link leaves the loopback.
const app = createAdminApp({
  db,
  now: () => now,
  timeZone: 'Asia/Ho_Chi_Minh',
  channels: ['telegram'],
  personalLinkSecret: 'secret-of-the-admin-bench-0123456789abcdef',
  publicUrl: undefined,
  secureCookies: false,
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
  console.log(`PORT ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.close(() => void db.destroy().then(() => process.exit(0)));
});

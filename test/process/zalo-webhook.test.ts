import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraph } from '../../src/core/outbound-message.js';
import { type Db, openDatabase } from '../../src/db/connection.js';
import { createInvite } from '../../src/db/invites.js';
import { enqueueOutbox } from '../../src/db/outbox-enqueue.js';
import { freePort } from '../helpers/ports.js';
import { type Started, startCommand } from '../helpers/process.js';
import { TEST_ZALO_WEBHOOK_SECRET } from '../helpers/secrets.js';
import { ZaloEmulator } from '../helpers/zalo-emulator.js';
import { builtEntry } from '../helpers/built.js';

// The real product in Zalo webhook mode: it sets its webhook with the secret; requests without the
// secret or with a wrong one are refused (401); a message posted twice is handled once; the outbox
// delivers to Zalo addresses, and a person who blocked the bot fails as 'blocked'. One process.

const root = join(import.meta.dirname, '../..');
let emu: ZaloEmulator;
let s: Started;
let db: Db;
let dir: string;
let port: number;

async function waitFor<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`${what} did not happen; output:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  emu = await ZaloEmulator.start();
  dir = mkdtempSync(join(tmpdir(), 'ktd-zalo-wh-'));
  port = await freePort();
  // The https URL Zalo is given stands for this process (TLS ends in front of it in production).
  emu.webhookTarget = `http://127.0.0.1:${port}/zalo/webhook`;
  s = startCommand(`${process.execPath} ${builtEntry('main')}`, root, {
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'info',
    DATABASE_PATH: join(dir, 'ktd.sqlite'),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: 'https://thidua.example.vn',
    ZALO_BOT_TOKEN: emu.token,
    ZALO_API_ROOT: emu.apiRoot,
    ZALO_MODE: 'webhook',
    ZALO_WEBHOOK_SECRET: TEST_ZALO_WEBHOOK_SECRET,
  });
  await waitFor('zalo webhook', async () => {
    try {
      const h = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { zalo?: { bot: string } };
      return h.zalo?.bot === 'webhook' ? true : undefined;
    } catch {
      return undefined;
    }
  });
  db = openDatabase(join(dir, 'ktd.sqlite')).db;
}, 30_000);

afterAll(async () => {
  await db?.destroy();
  s?.child.kill('SIGTERM');
  await s?.exited;
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Zalo bot, webhook, against the real process', () => {
  it('set its webhook with the secret and refuses requests without it or with a wrong one', async () => {
    expect(emu.webhook).toMatchObject({
      url: 'https://thidua.example.vn/zalo/webhook',
      secretToken: TEST_ZALO_WEBHOOK_SECRET,
    });
    const body = JSON.stringify({
      event_name: 'message.text.received',
      message: {
        message_id: 'x1',
        date: 0,
        chat: { id: 'a', chat_type: 'PRIVATE' },
        from: { id: 'a' },
        text: '/trogiup',
      },
    });
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/zalo/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'X-Bot-Api-Secret-Token': 'sai-bi-mat-123' })).status).toBe(401);
    expect(emu.sentTo('a')).toEqual([]);
  });

  it('handles a message posted twice once, and delivers the outbox to Zalo, a blocked person failing as blocked', async () => {
    const [first, second] = await db
      .selectFrom('focal_point')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(2)
      .execute();
    const now = new Date();
    for (const [fp, user] of [
      [first!, 'zw-1'],
      [second!, 'zw-2'],
    ] as const) {
      const invite = await createInvite(db, { kind: 'focal_point', focalPointId: fp.id, createdBy: 'test', now });
      const update = await emu.userSends(user, { text: `/start ${invite.code}` });
      await emu.waitForSent(user, 1);
      await emu.replay(update);
      await waitFor('the replay ignored', () =>
        s.output().includes('zalo message already handled') ? true : undefined,
      );
      expect(emu.sentTo(user)).toHaveLength(1);
      expect(emu.sentTo(user)[0]!.text).toContain(`Xin chào đồng chí ${fp.full_name}`);
    }
    emu.block('zw-2');
    for (const user of ['zw-1', 'zw-2'])
      await enqueueOutbox(db, {
        dedupeKey: `test:${user}`,
        blocId: null,
        kind: 'reminder',
        channel: 'zalo',
        address: user,
        audience: 'person',
        message: {
          topic: 'reminder',
          title: '[Khối thi đua số 6]',
          blocks: [paragraph('Xin nhắc đồng chí gửi báo cáo.')],
          actions: [{ kind: 'sendReport', periodKey: '2026-W48' }],
        },
        now,
      });
    const reminder = await emu.waitForSent('zw-1', 2);
    expect(reminder[1]!.text).toContain('• Gõ /baocao: Gửi báo cáo');
    const failed = await waitFor('the blocked send failed', async () => {
      const row = await db
        .selectFrom('outbox_message')
        .selectAll()
        .where('dedupe_key', '=', 'test:zw-2')
        .executeTakeFirst();
      return row?.status === 'failed' ? row : undefined;
    });
    expect(failed.failure_reason).toBe('blocked');
    expect(emu.violations).toEqual([]);
  });
});

import type { Db } from '../../src/db/connection.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { testLogger } from '../helpers/logger.js';

export interface LogEntry {
  level: 'info' | 'warn' | 'error' | 'debug';
  obj: unknown;
  msg?: string;
}

/** A logger that keeps what it is told, so tests can read the worker's warnings. */
export function captureLogger() {
  const entries: LogEntry[] = [];
  const file = testLogger();
  const at = (level: LogEntry['level']) => (obj: unknown, msg?: string) => {
    entries.push({ level, obj, msg });
    file[level](obj as object, msg);
  };
  return { entries, logger: { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') } };
}

/** Polls until the condition holds (or fails the test after timeoutMs). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Queues one plain message per chat id given (a chat id may repeat). */
export async function queueMessages(
  db: Db,
  chats: { chatId: string; chatType?: 'private' | 'group' }[],
  opts: { now?: Date; notAfter?: Date; prefix?: string } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    for (const [i, c] of chats.entries()) {
      await enqueueOutbox(trx, {
        dedupeKey: `${opts.prefix ?? 'test'}:${i}:${c.chatId}`,
        blocId: null,
        kind: 'test',
        chatId: c.chatId,
        chatType: c.chatType ?? 'private',
        payload: { text: `Tin thử số ${i + 1} gửi ${c.chatId}` },
        notAfter: opts.notAfter,
        now,
      });
    }
  });
}

export async function statusCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox_message')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

// Outbox messages counted by channel and status, for /metrics: one figure per messenger, so a
// Zalo wave that stalls is seen apart from Telegram's (issue 13).
import type { Db } from './connection.js';

export async function outboxCountsByChannel(db: Db): Promise<{ channel: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('outbox_message')
    .select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['channel', 'status'])
    .execute();
  return rows.map((r) => ({ channel: r.channel, status: r.status, n: Number(r.n) }));
}

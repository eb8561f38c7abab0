import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBloc } from '../../src/db/blocs.js';
import {
  claimOutboxMessage,
  enqueueOutbox,
  failOutbox,
  listDueOutbox,
  markOutboxSent,
  rescheduleOutbox,
  requeueInterruptedOutbox,
  requeueStaleSendingOutbox,
  SENDING_LEASE_MS,
} from '../../src/db/outbox.js';
import { deliveryStats, listFailedOutbox, requeueFailedOutbox } from '../../src/db/outbox-admin.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
let blocA: number;
let blocB: number;
const now = new Date('2026-12-01T01:00:00.000Z');

beforeEach(async () => {
  t = await createTestDb();
  blocA = (await createBloc(t.db, { name: 'Khối A', province: 'Sóc Trăng', description: null })).id;
  blocB = (await createBloc(t.db, { name: 'Khối B', province: 'Sóc Trăng', description: null })).id;
});
afterEach(async () => {
  await t.close();
});

async function queue(
  key: string,
  blocId: number | null,
  chatId: string,
  opts: { notBefore?: Date; kind?: string } = {},
) {
  return enqueueOutbox(t.db, {
    dedupeKey: key,
    blocId,
    kind: opts.kind ?? 'reminder',
    chatId,
    chatType: 'private',
    payload: { text: key },
    notBefore: opts.notBefore,
    now,
  });
}

async function failAs(id: number, reason: string) {
  expect((await claimOutboxMessage(t.db, id, now)).claimed).toBe(true);
  await failOutbox(t.db, id, { reason, error: `403: ${reason}` });
}

const idOf = async (key: string) =>
  (await t.db.selectFrom('outbox_message').select('id').where('dedupe_key', '=', key).executeTakeFirstOrThrow()).id;

describe('outbox queries for delivery and the admin', () => {
  it('queue a dedupe key once', async () => {
    expect(await queue('k1', blocA, '1')).toBe(true);
    expect(await queue('k1', blocA, '2')).toBe(false);
    expect((await deliveryStats(t.db)).queued).toBe(1);
  });

  it('offer the oldest due row of each chat, not rows due later', async () => {
    await queue('a1', blocA, '1');
    await queue('a2', blocA, '1');
    await queue('b1', blocA, '2');
    await queue('later', blocA, '3', { notBefore: new Date(now.getTime() + 60_000) });
    const due = await listDueOutbox(t.db, { now, limit: 10, channels: ['telegram'] });
    expect(due.map((d) => d.address)).toEqual(['1', '2']);
    expect(due[0]!.id).toBe(await idOf('a1'));
    expect(
      (await listDueOutbox(t.db, { now, limit: 10, channels: ['telegram'], skipAddresses: ['1'] })).map(
        (d) => d.address,
      ),
    ).toEqual(['2']);
  });

  it('hold back a chat’s newer rows while an older one waits for a retry or is in flight', async () => {
    await queue('part1', blocA, '-1001');
    await queue('part2', blocA, '-1001');
    await queue('other', blocA, '2');
    const [part1, part2] = [await idOf('part1'), await idOf('part2')];

    // Part 1 is in flight: part 2 is not offered and cannot be claimed.
    expect((await claimOutboxMessage(t.db, part1, now)).claimed).toBe(true);
    expect((await listDueOutbox(t.db, { now, limit: 10, channels: ['telegram'] })).map((d) => d.address)).toEqual([
      '2',
    ]);
    expect(await claimOutboxMessage(t.db, part2, now)).toEqual({ claimed: false, why: 'behind' });

    // Part 1 got a 502 and waits 2 s: part 2, although due, still waits behind it.
    const retryAt = new Date(now.getTime() + 2000);
    await rescheduleOutbox(t.db, part1, { at: retryAt, error: '502: Bad Gateway', countAttempt: true });
    expect((await listDueOutbox(t.db, { now, limit: 10, channels: ['telegram'] })).map((d) => d.address)).toEqual([
      '2',
    ]);
    expect(await claimOutboxMessage(t.db, part2, now)).toEqual({ claimed: false, why: 'behind' });

    // Once part 1 is due it is offered first; once it is sent, part 2 follows.
    expect((await listDueOutbox(t.db, { now: retryAt, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual([
      await idOf('other'),
      part1,
    ]);
    expect((await claimOutboxMessage(t.db, part1, retryAt)).claimed).toBe(true);
    await markOutboxSent(t.db, [{ id: part1, messageId: 1, at: retryAt }]);
    expect(
      (await listDueOutbox(t.db, { now: retryAt, limit: 10, channels: ['telegram'], skipAddresses: ['2'] })).map(
        (d) => d.id,
      ),
    ).toEqual([part2]);

    // A failed older row no longer holds the chat back.
    await queue('part3', blocA, '-1001');
    await failAs(part2, 'blocked');
    expect(
      (await listDueOutbox(t.db, { now: retryAt, limit: 10, channels: ['telegram'], skipAddresses: ['2'] })).map(
        (d) => d.id,
      ),
    ).toEqual([await idOf('part3')]);
  });

  it('keep the order within a kind only: a digest waiting for retries never holds back a reminder', async () => {
    await queue('digest1', blocA, '-1001', { kind: 'digest' });
    await queue('digest2', blocA, '-1001', { kind: 'digest' });
    await queue('reminder', blocA, '-1001');
    const digest1 = await idOf('digest1');
    expect((await claimOutboxMessage(t.db, digest1, now)).claimed).toBe(true);
    await rescheduleOutbox(t.db, digest1, {
      at: new Date(now.getTime() + 3_600_000),
      error: '502: Bad Gateway',
      countAttempt: true,
    });
    expect((await listDueOutbox(t.db, { now, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual([
      await idOf('reminder'),
    ]);
    expect(await claimOutboxMessage(t.db, await idOf('digest2'), now)).toEqual({ claimed: false, why: 'behind' });
  });

  it('let a message wait for its own later moment without holding back the messages of its chat due before it', async () => {
    // A digest queued for tomorrow 08:00, then this week's digests of the same bloc to the same group.
    const tomorrow = new Date(now.getTime() + 24 * 3_600_000);
    await queue('scheduled', blocA, '-1001', { kind: 'digest', notBefore: tomorrow });
    await queue('weekly1', blocA, '-1001', { kind: 'digest' });
    await queue('weekly2', blocA, '-1001', { kind: 'digest' });
    const [scheduled, weekly1, weekly2] = [await idOf('scheduled'), await idOf('weekly1'), await idOf('weekly2')];
    // The due ones go in their own order; the scheduled one is not offered before its moment.
    expect((await listDueOutbox(t.db, { now, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual([weekly1]);
    expect(await claimOutboxMessage(t.db, weekly2, now)).toEqual({ claimed: false, why: 'behind' });
    expect((await claimOutboxMessage(t.db, weekly1, now)).claimed).toBe(true);
    await markOutboxSent(t.db, [{ id: weekly1, messageId: 1, at: now }]);
    expect((await listDueOutbox(t.db, { now, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual([weekly2]);
    // Still waiting for its moment while weekly2 waits for a retry: nothing is offered.
    expect((await claimOutboxMessage(t.db, weekly2, now)).claimed).toBe(true);
    await rescheduleOutbox(t.db, weekly2, {
      at: new Date(tomorrow.getTime() + 60_000),
      error: '502: Bad Gateway',
      countAttempt: true,
    });
    // At its moment the scheduled digest is behind weekly2, whose moment came first, even though
    // weekly2's retry is later: a retry keeps a message's place in line.
    expect((await listDueOutbox(t.db, { now: tomorrow, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual(
      [],
    );
    expect(await claimOutboxMessage(t.db, scheduled, tomorrow)).toEqual({ claimed: false, why: 'behind' });
    const retryAt = new Date(tomorrow.getTime() + 60_000);
    expect((await listDueOutbox(t.db, { now: retryAt, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual([
      weekly2,
    ]);
  });

  it('let a row stuck in sending past its lease hold nothing back, and queue it again', async () => {
    await queue('stuck', blocA, '-1001');
    await queue('next', blocA, '-1001');
    await queue('live', blocA, '5');
    const [stuck, live] = [await idOf('stuck'), await idOf('live')];
    expect((await claimOutboxMessage(t.db, stuck, now)).claimed).toBe(true);
    expect((await claimOutboxMessage(t.db, live, now)).claimed).toBe(true);
    // Within the lease the claimed row still holds its chat.
    const within = new Date(now.getTime() + SENDING_LEASE_MS - 1000);
    expect((await listDueOutbox(t.db, { now: within, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual(
      [],
    );
    expect(await requeueStaleSendingOutbox(t.db, within, [])).toEqual([]);
    // Past it (its result was never recorded), it holds nothing and is queued again, unless still in flight here.
    const after = new Date(now.getTime() + SENDING_LEASE_MS + 1000);
    expect((await listDueOutbox(t.db, { now: after, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual([
      await idOf('next'),
    ]);
    expect(await requeueStaleSendingOutbox(t.db, after, [live])).toEqual([stuck]);
    const rows = await t.db.selectFrom('outbox_message').select(['id', 'status']).orderBy('id').execute();
    expect(rows.map((r) => r.status)).toEqual(['queued', 'queued', 'sending']);
  });

  it('let only one claimer win a row', async () => {
    await queue('c', blocA, '1');
    const id = await idOf('c');
    expect((await claimOutboxMessage(t.db, id, now)).claimed).toBe(true);
    expect(await claimOutboxMessage(t.db, id, now)).toEqual({ claimed: false, why: 'taken' });
  });

  it('count queued, sent and failed messages and the failure reasons, per bloc or overall', async () => {
    await queue('a-ok', blocA, '1');
    await queue('a-blocked-1', blocA, '2');
    await queue('a-blocked-2', blocA, '3');
    await queue('a-not-started', blocA, '4');
    await queue('b-blocked', blocB, '5');
    await queue('none', null, '6');
    await failAs(await idOf('a-blocked-1'), 'blocked');
    await failAs(await idOf('a-blocked-2'), 'blocked');
    await failAs(await idOf('a-not-started'), 'not_started');
    await failAs(await idOf('b-blocked'), 'blocked');

    expect(await deliveryStats(t.db, blocA)).toEqual({
      queued: 1,
      sending: 0,
      sent: 0,
      failed: 3,
      failureReasons: [
        { reason: 'blocked', count: 2 },
        { reason: 'not_started', count: 1 },
      ],
      oldestQueuedAt: now.toISOString(),
    });
    expect(await deliveryStats(t.db)).toMatchObject({
      queued: 2,
      failed: 4,
      failureReasons: [
        { reason: 'blocked', count: 3 },
        { reason: 'not_started', count: 1 },
      ],
    });
    expect((await listFailedOutbox(t.db, { blocId: blocB })).map((m) => m.dedupeKey)).toEqual(['b-blocked']);
  });

  it('resend a failed message on the admin’s request, and only a failed one', async () => {
    await queue('f', blocA, '1');
    const id = await idOf('f');
    expect(await requeueFailedOutbox(t.db, id, now)).toBe(false);
    await failAs(id, 'blocked');
    const later = new Date(now.getTime() + 3_600_000);
    expect(await requeueFailedOutbox(t.db, id, later)).toBe(true);
    const row = await t.db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'queued',
      attempts: 0,
      failure_reason: null,
      next_attempt_at: later.toISOString(),
      available_at: later.toISOString(),
    });
  });

  it('put a resent message at the end of its chat’s line, not ahead of what was queued since', async () => {
    await queue('old', blocA, '1');
    const old = await idOf('old');
    await failAs(old, 'blocked');
    await queue('new', blocA, '1', { notBefore: new Date(now.getTime() + 60_000) });
    const later = new Date(now.getTime() + 3_600_000);
    await requeueFailedOutbox(t.db, old, later);
    expect((await listDueOutbox(t.db, { now: later, limit: 10, channels: ['telegram'] })).map((d) => d.id)).toEqual([
      await idOf('new'),
    ]);
  });

  it('put rows a crash left in flight back in the queue', async () => {
    await queue('x', blocA, '1');
    await queue('y', blocA, '2');
    const x = await idOf('x');
    await claimOutboxMessage(t.db, x, now);
    expect(await requeueInterruptedOutbox(t.db, now)).toEqual([x]);
    const row = await t.db.selectFrom('outbox_message').selectAll().where('id', '=', x).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'interrupted: resent after restart' });
  });
});

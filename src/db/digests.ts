import type { Db } from './connection.js';
import { type ChannelAddress, preferredAddresses, type RunningChannels } from './contact-addresses.js';
import type { Updateable } from 'kysely';
import { digestSubscribersOfBloc } from './digest-subscriptions.js';
import type { DigestKind, DigestRow, DigestScheduleRow, DigestScheduleTable } from './schema.js';
import { type Bloc, toBloc } from './blocs.js';
import { DEFAULT_DIGEST_SCHEDULE, type DigestSchedule } from '../core/digest-schedule.js';

export interface StoredDigest {
  id: number;
  blocId: number;
  kind: DigestKind;
  periodKey: string;
  text: string;
  parts: string[];
  figures: unknown;
  recipients: number;
  createdAt: string;
}

export interface NewDigest {
  blocId: number;
  kind: DigestKind;
  periodKey: string;
  text: string;
  parts: string[];
  figures: unknown;
  recipients: number;
  now: Date;
}

/**
 * Stores the digest unless one exists for the same bloc, kind and period; returns its id, or null
 * when it was already stored (the caller then sends nothing: this is what makes a job run once).
 */
export async function insertDigestOnce(db: Db, d: NewDigest): Promise<number | null> {
  const row = await db
    .insertInto('digest')
    .values({
      bloc_id: d.blocId,
      kind: d.kind,
      period_key: d.periodKey,
      text: d.text,
      parts: JSON.stringify(d.parts),
      figures: JSON.stringify(d.figures),
      recipients: d.recipients,
      created_at: d.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['bloc_id', 'kind', 'period_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A stored digest with its parts and figures parsed: every reader needs them (decision 0092). */
export function toStoredDigest(r: DigestRow): StoredDigest {
  return {
    id: r.id,
    blocId: r.bloc_id,
    kind: r.kind,
    periodKey: r.period_key,
    text: r.text,
    parts: JSON.parse(r.parts) as string[],
    figures: JSON.parse(r.figures) as unknown,
    recipients: r.recipients,
    createdAt: r.created_at,
  };
}

export async function hasDigest(db: Db, blocId: number, kind: DigestKind, periodKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('digest')
    .select('id')
    .where('bloc_id', '=', blocId)
    .where('kind', '=', kind)
    .where('period_key', '=', periodKey)
    .executeTakeFirst();
  return row !== undefined;
}

export async function getDigest(
  db: Db,
  blocId: number,
  kind: DigestKind,
  periodKey: string,
): Promise<StoredDigest | undefined> {
  const row = await db
    .selectFrom('digest')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('kind', '=', kind)
    .where('period_key', '=', periodKey)
    .executeTakeFirst();
  return row ? toStoredDigest(row) : undefined;
}

/** Past digests of a bloc, newest first (for the admin's digest history). */
export async function listDigests(
  db: Db,
  blocId: number,
  opts: { kind?: DigestKind; limit?: number } = {},
): Promise<StoredDigest[]> {
  let q = db.selectFrom('digest').selectAll().where('bloc_id', '=', blocId);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 50)
    .execute();
  return rows.map(toStoredDigest);
}

/** The bloc's digest schedule, or the defaults when none was set. */
export async function getDigestSchedule(db: Db, blocId: number): Promise<DigestSchedule> {
  const row = await db.selectFrom('digest_schedule').selectAll().where('bloc_id', '=', blocId).executeTakeFirst();
  return row ? toDigestSchedule(row) : { ...DEFAULT_DIGEST_SCHEDULE };
}

export function toDigestSchedule(r: DigestScheduleRow): DigestSchedule {
  return {
    enabled: r.enabled === 1,
    digestWeekday: r.digest_weekday,
    digestTime: r.digest_time,
    midYearOn: r.mid_year_on,
    annualOn: r.annual_on,
    summaryTime: r.summary_time,
  };
}

/** Stores the whole schedule of a bloc (validate it first with parseDigestSchedule). */
export async function setDigestSchedule(db: Db, blocId: number, s: DigestSchedule, now: Date): Promise<void> {
  const values: Updateable<DigestScheduleTable> = {
    enabled: s.enabled ? 1 : 0,
    digest_weekday: s.digestWeekday,
    digest_time: s.digestTime,
    mid_year_on: s.midYearOn,
    annual_on: s.annualOn,
    summary_time: s.summaryTime,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('digest_schedule')
    .values({ ...values, bloc_id: blocId })
    .onConflict((oc) => oc.column('bloc_id').doUpdateSet(values))
    .execute();
}

export interface DigestRecipient extends ChannelAddress {
  audience: 'person' | 'group';
}

/**
 * Who receives a bloc's digests: its active linked group chats (addresses on Telegram), then the
 * focal points of the unit chairing the bloc in `year`, each at their first linked address on a
 * running channel (groups only while Telegram runs), and the bloc's focal points who asked the bot
 * for it in private (decision 0097), reached the same way.
 */
export async function digestRecipients(
  db: Db,
  blocId: number,
  year: number,
  channels: RunningChannels,
): Promise<DigestRecipient[]> {
  const chats = await db
    .selectFrom('bloc_chat')
    .select('telegram_chat_id')
    .where('bloc_id', '=', blocId)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  const chairFocalPoints = await db
    .selectFrom('focal_point as f')
    .innerJoin('bloc_year as y', 'y.chair_unit_id', 'f.unit_id')
    .select('f.id')
    .where('y.bloc_id', '=', blocId)
    .where('y.year', '=', year)
    .where('f.status', '=', 'active')
    .orderBy('f.id')
    .execute();
  // Then whoever asked the bot for the digest in private (decision 0097), after the chair's.
  const subscribers = await digestSubscribersOfBloc(db, blocId, year);
  const people = [...new Set([...chairFocalPoints.map((f) => f.id), ...subscribers])];
  const reach = await preferredAddresses(db, people, channels);
  const out: DigestRecipient[] = [];
  const seen = new Set<string>();
  const add = (r: DigestRecipient) => {
    const key = `${r.channel} ${r.address}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  if (channels.includes('telegram'))
    for (const c of chats) add({ channel: 'telegram', address: c.telegram_chat_id, audience: 'group' });
  for (const id of people) {
    const to = reach.get(id);
    if (to) add({ ...to, audience: 'person' });
  }
  return out;
}

/** Every bloc with its digest schedule (the defaults where none was set), by bloc id. */
export async function listDigestSchedules(db: Db): Promise<{ bloc: Bloc; schedule: DigestSchedule }[]> {
  const blocs = (await db.selectFrom('bloc').selectAll().orderBy('id').execute()).map(toBloc);
  const rows = await db.selectFrom('digest_schedule').selectAll().execute();
  const byBloc = new Map(rows.map((r) => [r.bloc_id, r]));
  return blocs.map((bloc) => {
    const r = byBloc.get(bloc.id);
    return { bloc, schedule: r ? toDigestSchedule(r) : { ...DEFAULT_DIGEST_SCHEDULE } };
  });
}

/**
 * The first characters every outbox dedupe key of one stored digest shares:
 * `digest:<kind>:bloc<id>:<period>:` (the full key adds `<channel>:<address>`; before migration 0010
 * it added `chat<id>:part<n>`, one row per Telegram part; decision 0032).
 */
export function digestDedupePrefix(kind: DigestKind, blocId: number, periodKey: string): string {
  return `digest:${kind}:bloc${blocId}:${periodKey}:`;
}

/** The full outbox dedupe key of a digest to one address (its channel splits it into parts when it sends it). */
export function digestDedupeKey(kind: DigestKind, blocId: number, periodKey: string, to: ChannelAddress): string {
  return `${digestDedupePrefix(kind, blocId, periodKey)}${to.channel}:${to.address}`;
}

// The digest's rows as a range of the unique dedupe_key index: the prefix ends with ':', and ';'
// is the next character, so [prefix, prefix with ';') holds exactly the keys that start with it.
// (LIKE would read '_' in 'mid_year' as a wildcard and could not use the index.)
function ofDigest(kind: DigestKind, blocId: number, periodKey: string) {
  const prefix = digestDedupePrefix(kind, blocId, periodKey);
  return { from: prefix, to: `${prefix.slice(0, -1)};` };
}

export interface DigestDelivery {
  /** Waiting in the outbox, not one part of them out yet: nobody has received anything of these. */
  queued: number;
  /** Being sent, including `partlySent`. */
  sending: number;
  /**
   * Of `sending`: messages split into parts some of which went out, back in the queue for the next
   * part or a retry (status 'queued', parts_sent > 0). The recipient has the first parts already.
   */
  partlySent: number;
  sent: number;
  failed: number;
}

/**
 * How far a stored digest's messages got: its outbox rows counted by status, a queued row with a
 * part already out (parts_sent > 0) counting as being sent.
 */
export async function digestDelivery(
  db: Db,
  blocId: number,
  kind: DigestKind,
  periodKey: string,
): Promise<DigestDelivery> {
  const range = ofDigest(kind, blocId, periodKey);
  const rows = await db
    .selectFrom('outbox_message')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('parts_sent', '>', 0).then(1).else(0).end()).as('started'),
    ])
    .where('dedupe_key', '>=', range.from)
    .where('dedupe_key', '<', range.to)
    .groupBy('status')
    .execute();
  const out: DigestDelivery = { queued: 0, sending: 0, partlySent: 0, sent: 0, failed: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.status === 'queued') {
      const started = Number(r.started);
      out.queued += n - started;
      out.sending += started;
      out.partlySent += started;
    } else out[r.status] += n;
  }
  return out;
}

/**
 * Whether any of a digest's messages has gone out, or is going out, to anyone (a part of one
 * counts): then it is neither withdrawn nor computed again (decision 0074).
 */
export function digestHasGoneOut(d: DigestDelivery): boolean {
  return d.sending + d.sent + d.failed > 0;
}

/**
 * Deletes the digest's outbox rows still waiting to be sent of which not one part went out (none of
 * them reached anyone); returns how many. Rows being sent (a queued row with parts_sent > 0 is one:
 * its first parts went out), sent or failed stay: they are the delivery's history.
 */
export async function withdrawQueuedDigestMessages(
  db: Db,
  blocId: number,
  kind: DigestKind,
  periodKey: string,
): Promise<number> {
  const range = ofDigest(kind, blocId, periodKey);
  const result = await db
    .deleteFrom('outbox_message')
    .where('dedupe_key', '>=', range.from)
    .where('dedupe_key', '<', range.to)
    .where('status', '=', 'queued')
    .where('parts_sent', '=', 0)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes a stored digest so it can be computed again; returns the row it deleted. */
export async function deleteDigest(
  db: Db,
  blocId: number,
  kind: DigestKind,
  periodKey: string,
): Promise<StoredDigest | undefined> {
  const row = await db
    .deleteFrom('digest')
    .where('bloc_id', '=', blocId)
    .where('kind', '=', kind)
    .where('period_key', '=', periodKey)
    .returningAll()
    .executeTakeFirst();
  return row ? toStoredDigest(row) : undefined;
}

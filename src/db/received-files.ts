// The bytes of a photo a person sent a messenger as evidence, kept from the moment it arrives until
// their report is sent (migration 0011, decision 0094): Zalo's photo URLs have no documented
// lifetime, so the product never relies on fetching them again.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection.js';

export interface ReceivedFile {
  id: number;
  focalPointId: number;
  channel: string;
  content: Buffer;
  sha256: string;
  mimeType: string | null;
  sizeBytes: number;
}

export async function keepReceivedFile(
  db: Db,
  f: { focalPointId: number; channel: string; content: Buffer; mimeType: string | null; at: Date },
): Promise<ReceivedFile> {
  const sha256 = createHash('sha256').update(f.content).digest('hex');
  const row = await db
    .insertInto('received_file')
    .values({
      focal_point_id: f.focalPointId,
      channel: f.channel,
      content: f.content,
      sha256,
      mime_type: f.mimeType,
      size_bytes: f.content.length,
      created_at: f.at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    focalPointId: f.focalPointId,
    channel: f.channel,
    content: f.content,
    sha256,
    mimeType: f.mimeType,
    sizeBytes: f.content.length,
  };
}

/** The focal point's received files among the ids, by id (another person's ids are not theirs to send). */
export async function receivedFilesOf(db: Db, focalPointId: number, ids: readonly number[]): Promise<ReceivedFile[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('received_file')
    .selectAll()
    .where('focal_point_id', '=', focalPointId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    focalPointId: r.focal_point_id,
    channel: r.channel,
    content: r.content,
    sha256: r.sha256,
    mimeType: r.mime_type,
    sizeBytes: r.size_bytes,
  }));
}

/** How many received files the focal point holds (kept and not yet sent with a report). */
export async function countReceivedFiles(db: Db, focalPointId: number): Promise<number> {
  const row = await db
    .selectFrom('received_file')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('focal_point_id', '=', focalPointId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteReceivedFiles(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('received_file')
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Deletes received files kept before `before` that no draft refers to any more (its draft was
 * cancelled, replaced or dropped without being sent); returns how many. A draft holds a file as
 * the attachment "received:<id>" in its JSON, so a file still in a draft, however old, is kept.
 */
export async function deleteReceivedFilesOutsideDrafts(db: Db, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('received_file')
    .where('created_at', '<', before.toISOString())
    .where(
      sql<boolean>`not exists (select 1 from bot_conversation c
        where c.draft like '%"received:' || received_file.id || '"%')`,
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

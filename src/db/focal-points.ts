import type { Db } from './connection.js';
import type { FocalPointRow } from './schema.js';

/** A unit's focal point or unit head, as the rest of the code sees it (decision 0092). */
export interface FocalPoint {
  id: number;
  unitId: number;
  fullName: string;
  position: string | null;
  phone: string | null;
  role: 'focal_point' | 'unit_head';
  telegramUserId: string | null;
  telegramUsername: string | null;
  telegramChatId: string | null;
  /** Instant the Telegram account was linked (ISO string as stored), or null. */
  linkedAt: string | null;
  status: 'active' | 'left';
  /** Instant the person left (ISO string as stored), or null while active. */
  leftAt: string | null;
  isDemo: boolean;
  createdAt: string;
}

export function toFocalPoint(row: FocalPointRow): FocalPoint {
  return {
    id: row.id,
    unitId: row.unit_id,
    fullName: row.full_name,
    position: row.position,
    phone: row.phone,
    role: row.role,
    telegramUserId: row.telegram_user_id,
    telegramUsername: row.telegram_username,
    telegramChatId: row.telegram_chat_id,
    linkedAt: row.linked_at,
    status: row.status,
    leftAt: row.left_at,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
  };
}

/** A new focal point: the roster's fields; the rest take the table's defaults. */
export interface NewFocalPoint {
  unitId: number;
  fullName: string;
  position?: string | null;
  phone?: string | null;
  role?: 'focal_point' | 'unit_head';
  isDemo?: boolean;
}

export async function createFocalPoint(db: Db, fp: NewFocalPoint): Promise<FocalPoint> {
  const row = await db
    .insertInto('focal_point')
    .values({
      unit_id: fp.unitId,
      full_name: fp.fullName,
      position: fp.position,
      phone: fp.phone,
      role: fp.role,
      is_demo: fp.isDemo === undefined ? undefined : fp.isDemo ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFocalPoint(row);
}

export async function getFocalPoint(db: Db, id: number): Promise<FocalPoint | undefined> {
  const row = await db.selectFrom('focal_point').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toFocalPoint(row);
}

export async function findFocalPointByTelegramUser(db: Db, telegramUserId: string): Promise<FocalPoint | undefined> {
  const row = await db
    .selectFrom('focal_point')
    .selectAll()
    .where('telegram_user_id', '=', telegramUserId)
    .executeTakeFirst();
  return row && toFocalPoint(row);
}

export async function listFocalPointsOfUnit(db: Db, unitId: number): Promise<FocalPoint[]> {
  const rows = await db.selectFrom('focal_point').selectAll().where('unit_id', '=', unitId).orderBy('id').execute();
  return rows.map(toFocalPoint);
}

/** Links a Telegram account to the focal point, freeing it from any other focal point first. */
export async function linkTelegramAccount(
  db: Db,
  focalPointId: number,
  account: { userId: string; chatId: string; username: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('focal_point')
    .set({ telegram_user_id: null, telegram_chat_id: null, linked_at: null })
    .where('telegram_user_id', '=', account.userId)
    .where('id', '<>', focalPointId)
    .execute();
  await db
    .updateTable('focal_point')
    .set({
      telegram_user_id: account.userId,
      telegram_chat_id: account.chatId,
      telegram_username: account.username,
      linked_at: account.at,
    })
    .where('id', '=', focalPointId)
    .execute();
}

export async function deactivateFocalPoint(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable('focal_point')
    .set({ status: 'left', left_at: at, telegram_user_id: null, telegram_chat_id: null })
    .where('id', '=', id)
    .execute();
}

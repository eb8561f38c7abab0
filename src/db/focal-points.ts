import type { Db } from './connection.js';
import type { FocalPoint, NewFocalPoint } from './schema.js';

export async function createFocalPoint(db: Db, fp: NewFocalPoint): Promise<FocalPoint> {
  return db.insertInto('focal_point').values(fp).returningAll().executeTakeFirstOrThrow();
}

export async function getFocalPoint(db: Db, id: number): Promise<FocalPoint | undefined> {
  return db.selectFrom('focal_point').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFocalPointByTelegramUser(db: Db, telegramUserId: string): Promise<FocalPoint | undefined> {
  return db.selectFrom('focal_point').selectAll().where('telegram_user_id', '=', telegramUserId).executeTakeFirst();
}

export async function listFocalPointsOfUnit(db: Db, unitId: number): Promise<FocalPoint[]> {
  return db.selectFrom('focal_point').selectAll().where('unit_id', '=', unitId).orderBy('id').execute();
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

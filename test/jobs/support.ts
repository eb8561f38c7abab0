import { periodFromKey } from '../../src/core/periods.js';
import { zonedInstant } from '../../src/core/time.js';
import type { Db } from '../../src/db/connection.js';
import { submitReport } from '../../src/db/reports.js';
import { createFocalPoint } from '../../src/db/focal-points.js';
import { testLogger } from '../helpers/logger.js';

export const TZ = 'Asia/Ho_Chi_Minh';
export const at = (date: string, time: string) => zonedInstant(date, time, TZ);

/** The job runner logs every run: to the suite's log files (scanned for secrets after the suite), not the console. */
export const quietLogger = testLogger();

/** Links a focal point to a Telegram chat, as the bot's onboarding does. */
export async function linkChat(db: Db, focalPointId: number, chatId: string): Promise<void> {
  await db
    .updateTable('focal_point')
    .set({ telegram_chat_id: chatId, telegram_user_id: chatId, linked_at: new Date(0).toISOString() })
    .where('id', '=', focalPointId)
    .execute();
}

export async function addUnitHead(db: Db, unitId: number, chatId: string): Promise<number> {
  const head = await createFocalPoint(db, {
    unitId: unitId,
    fullName: `Thủ trưởng đơn vị ${unitId}`,
    role: 'unit_head',
  });
  await linkChat(db, head.id, chatId);
  return head.id;
}

export async function report(
  db: Db,
  blocId: number,
  unitId: number,
  periodKey: string,
  when: Date,
  isNil = false,
): Promise<void> {
  const p = periodFromKey(periodKey);
  await db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId,
      unitId,
      period: { kind: p.kind as 'week' | 'month', key: p.key, start: p.start, end: p.end },
      isNil,
      values: [],
      notableResults: isNil ? null : 'Tuyên truyền 2 gương điển hình tiên tiến',
      difficulties: null,
      proposals: null,
      submittedBy: { system: 'test' },
      via: 'admin',
      at: when,
    }),
  );
}

export interface QueuedReminder {
  stage: string;
  unitId: string;
  recipient: string;
  periodKey: string;
  chatId: string;
  kind: string;
  createdAt: string;
  text: string;
}

/** Reminder and escalation rows, with their dedupe key taken apart. */
export async function queuedReminders(db: Db): Promise<QueuedReminder[]> {
  const rows = await db
    .selectFrom('outbox_message')
    .select(['dedupe_key', 'chat_id', 'kind', 'created_at', 'payload'])
    .where('dedupe_key', 'like', 'reminder:%')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const [, stage, , unitId, recipient, periodKey] = r.dedupe_key.split(':') as string[];
    return {
      stage: stage!,
      unitId: unitId!,
      recipient: recipient!,
      periodKey: periodKey!,
      chatId: r.chat_id,
      kind: r.kind,
      createdAt: r.created_at,
      text: (JSON.parse(r.payload) as { text: string }).text,
    };
  });
}

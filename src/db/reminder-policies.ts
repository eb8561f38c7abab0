import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../core/reminder-policy.js';
import type { Db } from './connection.js';
import type { ReminderPolicyRow } from './schema.js';
import { type Bloc, toBloc } from './blocs.js';

/** A stored policy as the core's ReminderPolicy (decision 0092); a bloc without a row uses the defaults. */
export function toReminderPolicy(r: ReminderPolicyRow): ReminderPolicy {
  return {
    enabled: r.enabled === 1,
    beforeDays: r.before_days,
    beforeTime: r.before_time,
    afterTime: r.after_time,
    afterEveryDays: r.after_every_days,
    afterMax: r.after_max,
    escalateTo: r.escalate_to,
    sendFrom: r.send_from,
    sendUntil: r.send_until,
    sendOnWeekends: r.send_on_weekends === 1,
  };
}

/** The bloc's reminder policy; the defaults when the bloc has none stored. */
export async function getReminderPolicy(db: Db, blocId: number): Promise<ReminderPolicy> {
  const row = await db.selectFrom('reminder_policy').selectAll().where('bloc_id', '=', blocId).executeTakeFirst();
  return row ? toReminderPolicy(row) : { ...DEFAULT_REMINDER_POLICY };
}

/** Every bloc with its policy (stored or default), ordered by bloc id. */
export async function listBlocReminderPolicies(db: Db): Promise<{ bloc: Bloc; policy: ReminderPolicy }[]> {
  const blocs = (await db.selectFrom('bloc').selectAll().orderBy('id').execute()).map(toBloc);
  const stored = await db.selectFrom('reminder_policy').selectAll().execute();
  const byBloc = new Map(stored.map((r) => [r.bloc_id, toReminderPolicy(r)]));
  return blocs.map((bloc) => ({ bloc, policy: byBloc.get(bloc.id) ?? { ...DEFAULT_REMINDER_POLICY } }));
}

/** Stores the bloc's policy (validate it with reminderPolicyProblems first). */
export async function saveReminderPolicy(
  db: Db,
  blocId: number,
  p: ReminderPolicy,
  meta: { at: Date; by: string },
): Promise<void> {
  const values = {
    enabled: p.enabled ? (1 as const) : (0 as const),
    before_days: p.beforeDays,
    before_time: p.beforeTime,
    after_time: p.afterTime,
    after_every_days: p.afterEveryDays,
    after_max: p.afterMax,
    escalate_to: p.escalateTo,
    send_from: p.sendFrom,
    send_until: p.sendUntil,
    send_on_weekends: p.sendOnWeekends ? (1 as const) : (0 as const),
    updated_at: meta.at.toISOString(),
    updated_by: meta.by,
  };
  await db
    .insertInto('reminder_policy')
    .values({ bloc_id: blocId, ...values })
    .onConflict((oc) => oc.column('bloc_id').doUpdateSet(values))
    .execute();
}

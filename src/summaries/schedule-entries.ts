// Changing a bloc's digest schedule: validated (a bad field gets a Vietnamese message and changes
// nothing) and written with its audit entry in one transaction. The admin page and the CLI call it.

import { writeAudit } from '../db/audit-log.js';
import { getBloc } from '../db/blocs.js';
import type { Db } from '../db/connection.js';
import { type DigestSchedule, parseDigestSchedule, type ScheduleInput } from '../core/digest-schedule.js';
import { getDigestSchedule, setDigestSchedule } from '../db/digests.js';
import { entryMessages as m } from './messages.js';
import type { EntryResult } from './score-entries.js';

/** Changes the fields given of the bloc's digest schedule. */
export async function updateDigestSchedule(
  db: Db,
  blocId: number,
  input: ScheduleInput,
  actor: { name: string; adminUserId?: number | null },
  now: Date,
): Promise<EntryResult<DigestSchedule>> {
  if (!(await getBloc(db, blocId))) return { ok: false, errors: [m.noBloc(blocId)] };
  const parsed = parseDigestSchedule(input, await getDigestSchedule(db, blocId));
  if (!parsed.ok) return parsed;
  await db.transaction().execute(async (trx) => {
    await setDigestSchedule(trx, blocId, parsed.schedule, now);
    await writeAudit(trx, {
      at: now,
      actor: actor.name,
      adminUserId: actor.adminUserId ?? null,
      action: 'digest.schedule',
      entity: 'digest_schedule',
      entityId: blocId,
      blocId,
      details: parsed.schedule,
    });
  });
  return { ok: true, value: parsed.schedule };
}

// Entering the admin's part of the self-scoring: bonus and deduction entries and met / not met
// for qualitative criteria. Each validates its input,
// answers a bad one with a Vietnamese message and changes nothing, and writes the audit log in
// the same transaction as the change. The admin pages and the CLI both call these.

import { normalizeText } from '../core/normalize.js';
import { writeAudit } from '../db/audit-log.js';
import { getBloc } from '../db/blocs.js';
import type { Db } from '../db/connection.js';
import { listCriteria } from '../db/covenant.js';
import { addScoreAdjustment, type ScoreAdjustment, setCriterionAssessment } from '../db/score-adjustments.js';
import { listMemberUnits } from '../db/units.js';
import { entryMessages as m } from './messages.js';

export type EntryResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

async function checkBlocUnitYear(db: Db, blocId: number, unitId: number, year: number): Promise<string[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return [m.badYear(String(year))];
  if (!(await getBloc(db, blocId))) return [m.noBloc(blocId)];
  const members = await listMemberUnits(db, blocId, `${year}-01-01`, `${year}-12-31`);
  return members.some((u) => u.id === unitId) ? [] : [m.notMember(unitId, year)];
}

/** Adds a bonus or deduction for a unit's year. `points` is the text typed ('2', '1,5'). */
export async function recordScoreAdjustment(
  db: Db,
  input: { blocId: number; unitId: number; year: number; kind: 'bonus' | 'deduction'; points: string; reason: string },
  actor: { name: string; adminUserId?: number | null },
  now: Date,
): Promise<EntryResult<ScoreAdjustment>> {
  const errors = await checkBlocUnitYear(db, input.blocId, input.unitId, input.year);
  const points = Number(input.points.trim().replace(',', '.'));
  if (!/^\d+([.,]\d{1,2})?$/.test(input.points.trim()) || !(points > 0 && points <= 1000))
    errors.push(m.badPoints(input.points));
  const reason = normalizeText(input.reason);
  if (reason.length === 0) errors.push(m.noReason);
  if (reason.length > 500) errors.push(m.longReason);
  if (errors.length > 0) return { ok: false, errors };
  const value = await db.transaction().execute(async (trx) => {
    const a = await addScoreAdjustment(trx, { ...input, points, reason, createdBy: actor.name, now });
    await writeAudit(trx, {
      at: now,
      actor: actor.name,
      adminUserId: actor.adminUserId ?? null,
      action: `score.${input.kind}`,
      entity: 'score_adjustment',
      entityId: a.id,
      blocId: input.blocId,
      details: { unitId: input.unitId, year: input.year, points, reason },
    });
    return a;
  });
  return { ok: true, value };
}

/** Records met / not met for a qualitative criterion (by its code in the year's covenant). */
export async function recordAssessment(
  db: Db,
  input: { blocId: number; unitId: number; year: number; criterionCode: string; met: string; note?: string | null },
  actor: { name: string; adminUserId?: number | null },
  now: Date,
): Promise<EntryResult<{ criterionId: number; met: boolean }>> {
  const errors = await checkBlocUnitYear(db, input.blocId, input.unitId, input.year);
  const code = normalizeText(input.criterionCode);
  const criterion = (await listCriteria(db, input.blocId, input.year)).find((c) => c.code === code);
  if (!criterion) errors.push(m.noCriterion(code, input.year));
  else if (criterion.kind !== 'qualitative') errors.push(m.notQualitative(code));
  const metText = normalizeText(input.met).toLowerCase();
  const met = ['đạt', 'dat', 'yes', 'true', '1', 'có'].includes(metText)
    ? true
    : ['không đạt', 'khong dat', 'no', 'false', '0', 'không'].includes(metText)
      ? false
      : null;
  if (met === null) errors.push(m.badMet(input.met));
  const note = input.note ? normalizeText(input.note) || null : null;
  if (errors.length > 0 || !criterion || met === null) return { ok: false, errors };
  await db.transaction().execute(async (trx) => {
    await setCriterionAssessment(trx, {
      criterionId: criterion.id,
      unitId: input.unitId,
      met,
      note,
      assessedBy: actor.name,
      now,
    });
    await writeAudit(trx, {
      at: now,
      actor: actor.name,
      adminUserId: actor.adminUserId ?? null,
      action: 'score.assess',
      entity: 'criterion_assessment',
      entityId: `${criterion.id}:${input.unitId}`,
      blocId: input.blocId,
      details: { code, met, note },
    });
  });
  return { ok: true, value: { criterionId: criterion.id, met } };
}

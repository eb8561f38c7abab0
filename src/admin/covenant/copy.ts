// Starting a year's covenant from last year's: the same criteria, and the targets of the units
// still members. Signatures are not copied: each unit signs each year.

import type { Db } from '../../db/connection.js';
import { createCriterion, listCriteria, listTargets, setTarget } from '../../db/covenant.js';
import { listMemberUnits } from '../../db/units.js';

export type CopyResult = { ok: true; criteria: number; targets: number } | { ok: false; reason: 'exists' | 'nothing' };

/** Copies the covenant of `from` into `to` (call in a transaction); refuses to overwrite. */
export async function copyCovenant(
  trx: Db,
  blocId: number,
  from: number,
  to: number,
  today: string,
): Promise<CopyResult> {
  if ((await listCriteria(trx, blocId, to)).length > 0) return { ok: false, reason: 'exists' };
  const source = await listCriteria(trx, blocId, from);
  if (source.length === 0) return { ok: false, reason: 'nothing' };
  const members = new Set((await listMemberUnits(trx, blocId, today)).map((u) => u.id));
  const targets = await listTargets(trx, blocId, from);
  let copiedTargets = 0;
  for (const c of source) {
    const { id, blocId: _, year, ...rest } = c;
    const created = await createCriterion(trx, { ...rest, blocId, year: to });
    for (const t of targets.filter((x) => x.criterionId === id && members.has(x.unitId))) {
      await setTarget(trx, created.id, t.unitId, t.target);
      copiedTargets++;
    }
  }
  return { ok: true, criteria: source.length, targets: copiedTargets };
}

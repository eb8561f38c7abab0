// The bloc's roster as the import sees it, and the writing of an import's valid rows.

import { foldText, type RosterRowPlan, type RosterSnapshot } from '../../core/roster-import.js';
import type { Db } from '../../db/connection.js';
import { createFocalPoint } from '../../db/focal-points.js';
import { listFocalPointsOfBloc } from '../../db/focal-point-admin.js';
import { emailHolders, setEmailAddress } from '../../db/email-addresses.js';
import { createInvite } from '../../db/invites.js';
import { issuePersonalLink } from '../../db/personal-links.js';
import { addMembership, createUnit, listMembershipRows, nextDisplayOrder } from '../../db/units.js';

export async function rosterSnapshot(db: Db, blocId: number, today: string): Promise<RosterSnapshot> {
  const rows = await listMembershipRows(db, blocId);
  const people = await listFocalPointsOfBloc(db, blocId);
  const current = rows.filter((r) => r.leftOn === null || r.leftOn >= today);
  const currentIds = new Set(current.map((r) => r.unitId));
  const formerById = new Map<number, { unitId: number; name: string; leftOn: string }>();
  for (const r of rows) {
    if (currentIds.has(r.unitId) || r.leftOn === null) continue;
    const prev = formerById.get(r.unitId);
    if (!prev || r.leftOn > prev.leftOn) formerById.set(r.unitId, { unitId: r.unitId, name: r.name, leftOn: r.leftOn });
  }
  const holders = await emailHolders(db);
  const emailOf = new Map([...holders].map(([address, h]) => [h.focalPointId, address]));
  return {
    members: current.map((r) => {
      const active = people.filter((p) => p.unitId === r.unitId && p.status === 'active');
      return {
        unitId: r.unitId,
        name: r.name,
        focalPointNames: active.map((p) => p.fullName),
        focalPoints: active.map((p) => ({ id: p.id, fullName: p.fullName, email: emailOf.get(p.id) ?? null })),
      };
    }),
    former: [...formerById.values()],
    today,
    emailHolders: holders,
  };
}

export interface ImportCounts {
  units: number;
  rejoined: number;
  focalPoints: number;
  /** Focal points already on the roster who get a new or changed e-mail address. */
  emails: number;
}

/** What the valid rows will add. */
export function countChanges(plan: RosterRowPlan[]): ImportCounts {
  const valid = plan.filter((r) => r.errors.length === 0);
  const newUnits = new Set(valid.filter((r) => r.unit.kind === 'new').map((r) => foldText(r.unitName)));
  const rejoined = new Set(valid.filter((r) => r.unit.kind === 'rejoin').map((r) => foldText(r.unitName)));
  return {
    units: newUnits.size,
    rejoined: rejoined.size,
    focalPoints: valid.filter((r) => r.focalPoint && !r.focalPoint.exists).length,
    emails: valid.filter((r) => r.focalPoint?.emailChange).length,
  };
}

/** Whether the valid rows change anything at all. */
export function changesAnything(counts: ImportCounts): boolean {
  return counts.units + counts.rejoined + counts.focalPoints + counts.emails > 0;
}

/**
 * Writes the valid rows (call in a transaction): new units and memberships, new focal points with
 * their Telegram invites, personal report links and e-mail addresses, and the new or changed e-mail
 * address of a focal point already on the roster.
 */
export async function applyRosterImport(
  trx: Db,
  plan: RosterRowPlan[],
  ctx: { blocId: number; createdBy: string; now: Date; linkSecret: string },
): Promise<{
  unitIds: number[];
  focalPointIds: number[];
  emailsSet: { focalPointId: number; before: string | null; after: string }[];
}> {
  const unitOf = new Map<string, number>();
  const unitIds: number[] = [];
  const focalPointIds: number[] = [];
  const emailsSet: { focalPointId: number; before: string | null; after: string }[] = [];
  for (const row of plan) {
    const joinedOn = row.joinedOn;
    // A row without a join date always has the bad_date error: both tests say the same.
    if (row.errors.length > 0 || joinedOn === null) continue;
    const key = foldText(row.unitName);
    let unitId = unitOf.get(key);
    if (unitId === undefined) {
      if (row.unit.kind === 'new') {
        const shortName =
          plan.find((r) => r.errors.length === 0 && foldText(r.unitName) === key && r.shortName)?.shortName ?? null;
        unitId = (await createUnit(trx, { name: row.unitName, shortName: shortName })).id;
        await addMembership(trx, {
          blocId: ctx.blocId,
          unitId,
          joinedOn,
          displayOrder: await nextDisplayOrder(trx, ctx.blocId),
        });
        unitIds.push(unitId);
      } else if (row.unit.kind === 'rejoin') {
        unitId = row.unit.unitId;
        await addMembership(trx, {
          blocId: ctx.blocId,
          unitId,
          joinedOn,
          displayOrder: await nextDisplayOrder(trx, ctx.blocId),
        });
        unitIds.push(unitId);
      } else {
        unitId = row.unit.unitId;
      }
      unitOf.set(key, unitId);
    }
    const fp = row.focalPoint;
    if (fp && !fp.exists) {
      const created = await createFocalPoint(trx, {
        unitId: unitId,
        fullName: fp.fullName,
        position: fp.position,
        phone: fp.phone,
        role: fp.role,
      });
      await createInvite(trx, {
        kind: 'focal_point',
        focalPointId: created.id,
        createdBy: ctx.createdBy,
        now: ctx.now,
      });
      await issuePersonalLink(trx, {
        focalPointId: created.id,
        secret: ctx.linkSecret,
        by: ctx.createdBy,
        now: ctx.now,
      });
      // Validated by the plan (shape, nobody else's, once in the file); the same checks hold here in its transaction.
      if (fp.email) await setEmailAddress(trx, created.id, fp.email, ctx.now);
      focalPointIds.push(created.id);
    } else if (fp?.emailChange && fp.email) {
      // Validated by the plan in this transaction: the address is nobody else's (active) and once in the file.
      const r = await setEmailAddress(trx, fp.emailChange.focalPointId, fp.email, ctx.now);
      if (r.kind === 'taken') throw new Error(`e-mail address planned as free is ${r.holderName}'s`);
      if (r.kind === 'set')
        emailsSet.push({ focalPointId: fp.emailChange.focalPointId, before: r.before, after: fp.email });
    }
  }
  return { unitIds, focalPointIds, emailsSet };
}

import { seededRandom } from '../core/seeded-random.js';
import { createAdminUser, countAdmins } from '../db/admin-users.js';
import { writeAudit } from '../db/audit-log.js';
import { createBlocYear, setRotationOrder } from '../db/bloc-years.js';
import { blocIdNamed, createBloc } from '../db/blocs.js';
import type { Db } from '../db/connection.js';
import { createCriterion, setTarget, signCovenant } from '../db/covenant.js';
import { createFocalPoint } from '../db/focal-points.js';
import { upsertHoliday } from '../db/holidays.js';
import { submitReport } from '../db/reports.js';
import { addMembership, createUnit } from '../db/units.js';
import { projectChairs } from '../core/chair-rotation.js';
import { hashPassword } from '../core/password.js';
import { type ReportingPeriod, periodContaining, periodsOfYear } from '../core/periods.js';
import { addDays, localDateOf, zonedInstant } from '../core/time.js';
import {
  DEMO_ADMIN,
  DEMO_BLOC,
  DEMO_CRITERIA,
  DEMO_DIFFICULTIES,
  DEMO_FOCAL_POINTS,
  DEMO_HOLIDAYS,
  DEMO_NOTABLE_RESULTS,
  DEMO_PROPOSALS,
  DEMO_UNITS,
  EXEMPLARY_MODELS_2023,
} from './demo-data.js';

export interface SeedDemoResult {
  created: boolean;
  blocId: number;
  reports: number;
  adminCreated: boolean;
}

/** Spreads `total` over `slots` slots at random (each slot gets a whole number). */
function spread(total: number, slots: number, rnd: () => number): number[] {
  const out = new Array<number>(slots).fill(0);
  for (let i = 0; i < total; i++) out[Math.floor(rnd() * slots)]! += 1;
  return out;
}

function poisson(mean: number, rnd: () => number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}

/**
 * Loads Khối thi đua số 6 (Sóc Trăng) with its units, focal points, chairs, covenants and weekly
 * reports for 2023 and for the current year up to last week. Does nothing if the bloc exists.
 */
export async function seedDemo(db: Db, opts: { now: Date; timeZone: string }): Promise<SeedDemoResult> {
  const existing = await blocIdNamed(db, DEMO_BLOC.name);
  if (existing !== undefined) return { created: false, blocId: existing, reports: 0, adminCreated: false };

  const today = localDateOf(opts.now, opts.timeZone);
  const currentYear = Number(today.slice(0, 4));
  const thisWeek = periodContaining('week', today);
  const rnd = seededRandom(20230313);

  return db.transaction().execute(async (trx) => {
    const bloc = await createBloc(trx, {
      name: DEMO_BLOC.name,
      province: DEMO_BLOC.province,
      description: DEMO_BLOC.description,
      reportingCadence: 'week',
      graceDays: 1,
      lockDays: 14,
      rotationPolicy: 'deputy_becomes_chair',
      isDemo: true,
    });

    const unitIds: number[] = [];
    const focalPointIds: number[] = [];
    for (const [i, u] of DEMO_UNITS.entries()) {
      const unit = await createUnit(trx, { name: u.name, shortName: u.short, isDemo: true });
      unitIds.push(unit.id);
      await addMembership(trx, { blocId: bloc.id, unitId: unit.id, joinedOn: '2020-01-01', displayOrder: i + 1 });
      const fp = DEMO_FOCAL_POINTS[i]!;
      const focalPoint = await createFocalPoint(trx, {
        unitId: unit.id,
        fullName: fp.name,
        position: fp.position,
        phone: `09000000${String(i + 1).padStart(2, '0')}`,
        isDemo: true,
      });
      focalPointIds.push(focalPoint.id);
    }
    await setRotationOrder(trx, bloc.id, unitIds);

    // 2023: Hội Cựu chiến binh chairs with Tỉnh đoàn as deputy; it hands over to Tỉnh đoàn on 13/3/2024.
    const ccb = unitIds[2]!;
    const tinhDoan = unitIds[4]!;
    await createBlocYear(trx, {
      blocId: bloc.id,
      year: 2023,
      chairUnitId: ccb,
      deputyUnitId: tinhDoan,
      chosenBy: 'agreed_order',
      status: currentYear > 2023 ? 'closed' : 'open',
      handedOverOn: '2024-03-13',
      note: 'Bàn giao Khối trưởng năm 2024 cho Tỉnh đoàn tại Hội nghị tổng kết ngày 13/3/2024.',
    });
    const terms = projectChairs(
      {
        policy: 'deputy_becomes_chair',
        rotationOrder: unitIds,
        current: { chairUnitId: ccb, deputyUnitId: tinhDoan },
        eligibleUnitIds: unitIds,
      },
      Math.max(0, currentYear + 1 - 2023),
    );
    for (const [i, term] of terms.entries()) {
      const year = 2024 + i;
      await createBlocYear(trx, {
        blocId: bloc.id,
        year,
        chairUnitId: term.chairUnitId,
        deputyUnitId: term.deputyUnitId,
        chosenBy: term.basis,
        status: year < currentYear ? 'closed' : year === currentYear ? 'open' : 'planned',
        handedOverOn: year < currentYear ? `${year + 1}-03-13` : null,
      });
    }

    // Covenant of each year from 2023 to the current one, signed at the summary conference.
    const criteriaByYear = new Map<number, { id: number; mean: number; code: string }[]>();
    for (let year = 2023; year <= currentYear; year++) {
      const list: { id: number; mean: number; code: string }[] = [];
      for (const [pos, c] of DEMO_CRITERIA.entries()) {
        const row = await createCriterion(trx, {
          blocId: bloc.id,
          year,
          code: c.code,
          title: c.title,
          kind: c.kind,
          valueType: c.valueType,
          unitOfMeasure: c.unitOfMeasure,
          defaultTarget: c.defaultTarget,
          maxPoints: c.maxPoints,
          position: pos + 1,
        });
        if (c.kind === 'quantitative') {
          list.push({ id: row.id, mean: c.weeklyMean, code: c.code });
          for (const unitId of unitIds) await setTarget(trx, row.id, unitId, c.defaultTarget ?? 0);
        }
      }
      criteriaByYear.set(year, list);
      const signedOn = year === 2024 ? '2024-03-13' : `${year}-02-28`;
      for (const unitId of unitIds) await signCovenant(trx, { blocId: bloc.id, year, unitId, signedOn });
    }

    let reports = 0;
    const weeksToReport = (year: number): ReportingPeriod[] =>
      periodsOfYear('week', year).filter((p) => p.end < thisWeek.start);

    const fileYear = async (year: number, exemplaryTotals: number[] | null) => {
      const weeks = weeksToReport(year);
      const criteria = criteriaByYear.get(year) ?? [];
      for (const [u, unitId] of unitIds.entries()) {
        // About one week in twelve is missed, one in ten is a nil report, one in eight is late.
        const plan = weeks.map(() => {
          const r = rnd();
          return r < 0.08 ? 'missing' : r < 0.18 ? 'nil' : 'full';
        });
        const fullWeeks = plan.flatMap((kind, i) => (kind === 'full' ? [i] : []));
        const exemplary = exemplaryTotals ? spread(exemplaryTotals[u]!, fullWeeks.length, rnd) : null;
        for (const [i, period] of weeks.entries()) {
          const kind = plan[i]!;
          if (kind === 'missing') continue;
          const late = rnd() < 0.12;
          const dayOffset = late ? 2 + Math.floor(rnd() * 3) : Math.floor(rnd() * 3) - 1; // Sat..Mon vs Tue..Thu
          const hour = 8 + Math.floor(rnd() * 9);
          const at = zonedInstant(
            addDays(period.end, dayOffset),
            `${String(hour).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`,
            opts.timeZone,
          );
          const fullIndex = fullWeeks.indexOf(i);
          const values =
            kind === 'nil'
              ? []
              : criteria.map((c) => ({
                  criterionId: c.id,
                  value: c.code === '1' && exemplary ? exemplary[fullIndex]! : poisson(c.mean, rnd),
                }));
          await submitReport(trx, {
            blocId: bloc.id,
            unitId,
            period: { kind: 'week', key: period.key, start: period.start, end: period.end },
            isNil: kind === 'nil',
            values,
            notableResults:
              kind === 'full' && rnd() < 0.5
                ? DEMO_NOTABLE_RESULTS[Math.floor(rnd() * DEMO_NOTABLE_RESULTS.length)]!
                : null,
            difficulties:
              kind === 'full' && rnd() < 0.1 ? DEMO_DIFFICULTIES[Math.floor(rnd() * DEMO_DIFFICULTIES.length)]! : null,
            proposals: kind === 'full' && rnd() < 0.05 ? DEMO_PROPOSALS[0]! : null,
            submittedBy: { focalPointId: focalPointIds[u]! },
            via: 'demo',
            at,
            isDemo: true,
          });
          reports++;
        }
      }
    };
    await fileYear(2023, EXEMPLARY_MODELS_2023);
    if (currentYear > 2023) await fileYear(currentYear, null);

    for (const h of DEMO_HOLIDAYS) await upsertHoliday(trx, h.date, h.name);

    let adminCreated = false;
    if ((await countAdmins(trx)) === 0) {
      await createAdminUser(trx, {
        username: DEMO_ADMIN.username,
        displayName: 'Quản trị viên (dữ liệu mẫu)',
        passwordHash: hashPassword(DEMO_ADMIN.password),
        role: 'province_admin',
      });
      adminCreated = true;
    }
    await writeAudit(trx, {
      at: opts.now,
      actor: 'system',
      action: 'demo.seed',
      entity: 'bloc',
      entityId: bloc.id,
      blocId: bloc.id,
      details: { reports, adminCreated },
    });
    return { created: true, blocId: bloc.id, reports, adminCreated };
  });
}

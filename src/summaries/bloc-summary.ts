// The mid-year review (sơ kết 6 tháng) and annual summary (tổng kết năm) of a bloc: totals against
// targets per unit and criterion, reporting rates over the year, self-scores and the ranking.
// Figures come from src/db/figures.ts and the rules from src/core, like every other surface.

import type { SummaryKind } from '../core/digest-schedule.js';
import { type ReportingPeriod, periodsOfYear } from '../core/periods.js';
import { type ScoreSheet, scoreSheet, type ScoringCriterion } from '../core/scoring.js';
import { addDays, type IsoDate, localDateOf } from '../core/time.js';
import { getBlocYear } from '../db/bloc-years.js';
import { getBloc } from '../db/blocs.js';
import type { Db } from '../db/connection.js';
import { listCriteria } from '../db/covenant.js';
import { type CriterionProgress, type RateTotals, ratesOverPeriods, yearToDate } from '../db/figures.js';
import { listCriterionAssessments, listScoreAdjustments, type ScoreAdjustment } from '../db/score-adjustments.js';
import { getUnit, listMemberships, listMemberUnits } from '../db/units.js';

export interface SummaryOptions {
  kind: SummaryKind;
  year: number;
  /** The moment of computation: only periods complete by then count. */
  asOf: Date;
  timeZone: string;
  /** How many leading units to propose (1 by default). */
  leaderCount?: number;
}

export interface SummaryUnit {
  unitId: number;
  name: string;
  shortName: string | null;
  displayOrder: number;
  joinedOn: string;
  leftOn: string | null;
  /** Member on the last day the summary covers; only these are ranked and proposed. */
  memberAtEnd: boolean;
}

export interface SummaryCriterion {
  criterionId: number;
  code: string;
  title: string;
  kind: 'quantitative' | 'qualitative';
  unitOfMeasure: string | null;
  valueType: 'count' | 'decimal' | 'percent' | null;
  maxPoints: number;
}

/** Plain data (JSON-safe), so it can be stored with a digest and rendered into any document. */
export interface BlocSummary {
  kind: SummaryKind;
  year: number;
  asOf: string;
  bloc: { id: number; name: string; province: string };
  chair: { unitId: number; name: string } | null;
  deputy: { unitId: number; name: string } | null;
  /** The reporting periods counted, and the last day they cover. */
  periods: {
    count: number;
    firstKey: string | null;
    lastKey: string | null;
    lastLabel: string | null;
    coversUntil: IsoDate | null;
  };
  units: SummaryUnit[];
  criteria: SummaryCriterion[];
  progress: CriterionProgress[];
  rates: { bloc: RateTotals; byUnit: ({ unitId: number } & RateTotals)[] };
  scores: ScoreSheet;
  adjustments: ScoreAdjustment[];
}

export class SummaryError extends Error {}

/**
 * The periods of the year the summary counts: complete by `asOfDate` and, for the mid-year
 * review, belonging to the first half (a week belongs where its Thursday falls, as ISO weeks do).
 */
export function summaryPeriods(
  cadence: 'week' | 'month',
  kind: SummaryKind,
  year: number,
  asOfDate: IsoDate,
): ReportingPeriod[] {
  const cutoff = kind === 'mid_year' ? `${year}-06-30` : null;
  return periodsOfYear(cadence, year).filter(
    (p) => p.end < asOfDate && (cutoff === null || addDays(p.start, cadence === 'week' ? 3 : 0) <= cutoff),
  );
}

async function unitRef(db: Db, id: number | null): Promise<{ unitId: number; name: string } | null> {
  if (id === null) return null;
  const u = await getUnit(db, id);
  return u ? { unitId: u.id, name: u.name } : null;
}

/** Computes the bloc's mid-year review or annual summary; throws SummaryError for a bad request. */
export async function computeBlocSummary(db: Db, blocId: number, opts: SummaryOptions): Promise<BlocSummary> {
  const bloc = await getBloc(db, blocId);
  if (!bloc) throw new SummaryError(`Không tìm thấy khối thi đua mã ${blocId}.`);
  const { year } = opts;
  const criteriaRows = await listCriteria(db, blocId, year);
  if (criteriaRows.length === 0) throw new SummaryError(`${bloc.name} chưa có giao ước thi đua năm ${year}.`);

  const periods = summaryPeriods(bloc.reportingCadence, opts.kind, year, localDateOf(opts.asOf, opts.timeZone));
  const last = periods[periods.length - 1];
  const first = periods[0];
  // yearToDate counts the periods of the year starting on or before upTo (exactly these periods)
  // and lists the units that were members from 1 January to upTo; the summary lists the same.
  const upTo = last ? last.end : addDays(periodsOfYear(bloc.reportingCadence, year)[0]!.start, -1);
  const progress = await yearToDate(db, blocId, year, upTo);
  const rates = await ratesOverPeriods(db, bloc, periods, opts.timeZone);
  const coversUntil = last ? last.end : null;
  const spanEnd = upTo < `${year}-12-31` ? upTo : `${year}-12-31`;

  const members = await listMemberUnits(db, blocId, `${year}-01-01`, spanEnd);
  const memberships = await listMemberships(db, blocId);
  const units: SummaryUnit[] = members.map((u) => ({
    unitId: u.id,
    name: u.name,
    shortName: u.shortName,
    displayOrder: u.displayOrder,
    joinedOn: u.joinedOn,
    leftOn: u.leftOn,
    memberAtEnd: memberships.some(
      (m) => m.unitId === u.id && m.joinedOn <= spanEnd && (m.leftOn === null || m.leftOn >= spanEnd),
    ),
  }));

  const criteria: SummaryCriterion[] = criteriaRows.map((c) => ({
    criterionId: c.id,
    code: c.code,
    title: c.title,
    kind: c.kind,
    unitOfMeasure: c.unitOfMeasure,
    valueType: c.valueType,
    maxPoints: c.maxPoints,
  }));
  const adjustments = await listScoreAdjustments(db, blocId, year);
  const assessments = await listCriterionAssessments(db, blocId, year);
  const scoringCriteria: ScoringCriterion[] = criteria.map((c) => ({
    criterionId: c.criterionId,
    code: c.code,
    title: c.title,
    kind: c.kind,
    maxPoints: c.maxPoints,
  }));
  const scores = scoreSheet(
    scoringCriteria,
    units.map((u) => {
      const r = rates.byUnit.get(u.unitId);
      return {
        unitId: u.unitId,
        name: u.name,
        displayOrder: u.displayOrder,
        achievements: new Map(
          progress.map((p) => {
            const b = p.byUnit.find((x) => x.unitId === u.unitId);
            return [p.criterionId, { total: b?.total ?? 0, target: b?.target ?? 0 }];
          }),
        ),
        assessments: new Map(assessments.filter((a) => a.unitId === u.unitId).map((a) => [a.criterionId, a.met])),
        adjustments: adjustments.filter((a) => a.unitId === u.unitId),
        reportingRate: r?.reportingRate ?? null,
        onTimeRate: r?.onTimeRate ?? null,
        eligible: u.memberAtEnd,
      };
    }),
    { leaderCount: opts.leaderCount ?? 1 },
  );

  const blocYear = await getBlocYear(db, blocId, year);
  return {
    kind: opts.kind,
    year,
    asOf: opts.asOf.toISOString(),
    bloc: { id: bloc.id, name: bloc.name, province: bloc.province },
    chair: await unitRef(db, blocYear?.chairUnitId ?? null),
    deputy: await unitRef(db, blocYear?.deputyUnitId ?? null),
    periods: {
      count: periods.length,
      firstKey: first?.key ?? null,
      lastKey: last?.key ?? null,
      lastLabel: last?.label ?? null,
      coversUntil,
    },
    units,
    criteria,
    progress,
    rates: { bloc: rates.bloc, byUnit: [...rates.byUnit].map(([unitId, t]) => ({ unitId, ...t })) },
    scores,
    adjustments,
  };
}

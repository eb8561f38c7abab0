// Self-scoring (tự chấm điểm) against the bloc's scoring table, and the ranking with its
// tie-break rule (docs/decisions/0031-scoring-and-tie-break.md). Pure.

/** One line of the bloc's scoring table (bảng chấm điểm). */
export interface ScoringCriterion {
  criterionId: number;
  code: string;
  title: string;
  kind: 'quantitative' | 'qualitative';
  maxPoints: number;
}

/** A bonus (điểm thưởng) or deduction (điểm trừ) entered by an admin. */
export interface ScoreAdjustmentEntry {
  kind: 'bonus' | 'deduction';
  points: number;
  reason: string;
}

/** What scoring needs to know about one unit. */
export interface UnitScoringInput {
  unitId: number;
  name: string;
  displayOrder: number;
  /** Year total and target per quantitative criterion id. */
  achievements: Map<number, { total: number; target: number }>;
  /** Explicit met / not met per qualitative criterion id; missing means the default. */
  assessments: Map<number, boolean>;
  adjustments: ScoreAdjustmentEntry[];
  reportingRate: number | null;
  onTimeRate: number | null;
  /** Still a member at the end of the period: only eligible units are ranked and proposed. */
  eligible: boolean;
}

export type CriterionScoreBasis = 'achievement' | 'assessed' | 'default';

export interface CriterionScore {
  criterionId: number;
  points: number;
  maxPoints: number;
  basis: CriterionScoreBasis;
}

/** Which rule separated a unit from the one ranked just above it with the same total. */
export type TieBreak = 'on_time_rate' | 'reporting_rate' | 'display_order';

export interface UnitScore {
  unitId: number;
  name: string;
  displayOrder: number;
  criteria: CriterionScore[];
  /** Points from the scoring table before bonus and deduction. */
  base: number;
  bonus: number;
  deduction: number;
  /** base + bonus - deduction, never below 0. */
  total: number;
  reportingRate: number | null;
  onTimeRate: number | null;
  eligible: boolean;
  /** 1-based; null for units that are not eligible. */
  rank: number | null;
  /** Set when this unit has the same total as the unit ranked just above it. */
  tieBrokenBy: TieBreak | null;
}

export interface ScoreSheet {
  /** Eligible units by rank, then units that left the bloc, by display order. */
  rows: UnitScore[];
  /** Highest possible base score: the sum of the table's max points. */
  maxBase: number;
  /** The leading unit(s) to propose (đơn vị dẫn đầu). */
  leaders: UnitScore[];
}

export interface ScoringOptions {
  /** Score of a qualitative criterion with no assessment entered: met (true) by default. */
  qualitativeDefault?: boolean;
  /** How many leading units to propose; 1 by default. */
  leaderCount?: number;
}

/** Rounds to hundredths, the precision shown on a scoring table. */
export function roundPoints(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/** Points of a quantitative criterion: proportional to total/target, capped at maxPoints; a zero target earns full points. */
export function quantitativePoints(maxPoints: number, total: number, target: number): number {
  if (maxPoints <= 0) return 0;
  if (target <= 0) return roundPoints(maxPoints);
  return roundPoints(maxPoints * Math.min(1, Math.max(0, total) / target));
}

/** Scores one unit against the scoring table. */
export function scoreUnit(
  criteria: ScoringCriterion[],
  unit: UnitScoringInput,
  opts: ScoringOptions = {},
): Omit<UnitScore, 'rank' | 'tieBrokenBy'> {
  const qualitativeDefault = opts.qualitativeDefault ?? true;
  const scores: CriterionScore[] = criteria.map((c) => {
    if (c.kind === 'quantitative') {
      const a = unit.achievements.get(c.criterionId) ?? { total: 0, target: 0 };
      return {
        criterionId: c.criterionId,
        maxPoints: c.maxPoints,
        basis: 'achievement',
        points: quantitativePoints(c.maxPoints, a.total, a.target),
      };
    }
    const assessed = unit.assessments.get(c.criterionId);
    const met = assessed ?? qualitativeDefault;
    return {
      criterionId: c.criterionId,
      maxPoints: c.maxPoints,
      basis: assessed === undefined ? 'default' : 'assessed',
      points: met ? roundPoints(c.maxPoints) : 0,
    };
  });
  const base = roundPoints(scores.reduce((s, c) => s + c.points, 0));
  const bonus = roundPoints(unit.adjustments.filter((a) => a.kind === 'bonus').reduce((s, a) => s + a.points, 0));
  const deduction = roundPoints(
    unit.adjustments.filter((a) => a.kind === 'deduction').reduce((s, a) => s + a.points, 0),
  );
  return {
    unitId: unit.unitId,
    name: unit.name,
    displayOrder: unit.displayOrder,
    criteria: scores,
    base,
    bonus,
    deduction,
    total: Math.max(0, roundPoints(base + bonus - deduction)),
    reportingRate: unit.reportingRate,
    onTimeRate: unit.onTimeRate,
    eligible: unit.eligible,
  };
}

type Rankable = Pick<UnitScore, 'total' | 'onTimeRate' | 'reportingRate' | 'displayOrder' | 'unitId'>;

const rate = (r: number | null): number => (r === null ? -1 : r);
const differ = (a: number, b: number): boolean => Math.abs(a - b) > 1e-9;

/**
 * The ranking rule: higher total, then higher on-time rate, then higher reporting rate, then the
 * unit's display order in the bloc (lower first). Returns the rule that decided, or null if the
 * totals differ.
 */
export function decidingRule(a: Rankable, b: Rankable): TieBreak | null {
  if (differ(a.total, b.total)) return null;
  if (differ(rate(a.onTimeRate), rate(b.onTimeRate))) return 'on_time_rate';
  if (differ(rate(a.reportingRate), rate(b.reportingRate))) return 'reporting_rate';
  return 'display_order';
}

/** Sort comparator implementing the ranking rule (negative when a ranks above b). */
export function compareForRanking(a: Rankable, b: Rankable): number {
  if (differ(a.total, b.total)) return b.total - a.total;
  if (differ(rate(a.onTimeRate), rate(b.onTimeRate))) return rate(b.onTimeRate) - rate(a.onTimeRate);
  if (differ(rate(a.reportingRate), rate(b.reportingRate))) return rate(b.reportingRate) - rate(a.reportingRate);
  if (a.displayOrder !== b.displayOrder) return a.displayOrder - b.displayOrder;
  return a.unitId - b.unitId;
}

/** Ranks eligible units by the ranking rule (ranks 1..n, no shared ranks); others follow unranked. */
export function rankUnits(scores: Omit<UnitScore, 'rank' | 'tieBrokenBy'>[]): UnitScore[] {
  const eligible = scores.filter((s) => s.eligible).sort(compareForRanking);
  const others = scores
    .filter((s) => !s.eligible)
    .sort((a, b) => a.displayOrder - b.displayOrder || a.unitId - b.unitId);
  const ranked: UnitScore[] = eligible.map((s, i) => {
    const above = i > 0 ? eligible[i - 1] : undefined;
    return { ...s, rank: i + 1, tieBrokenBy: above ? decidingRule(above, s) : null };
  });
  return [...ranked, ...others.map((s) => ({ ...s, rank: null, tieBrokenBy: null }))];
}

/** Scores and ranks every unit and picks the leading unit(s) to propose. */
export function scoreSheet(
  criteria: ScoringCriterion[],
  units: UnitScoringInput[],
  opts: ScoringOptions = {},
): ScoreSheet {
  const rows = rankUnits(units.map((u) => scoreUnit(criteria, u, opts)));
  const leaderCount = opts.leaderCount ?? 1;
  return {
    rows,
    maxBase: roundPoints(criteria.reduce((s, c) => s + c.maxPoints, 0)),
    leaders: rows.filter((r) => r.rank !== null && r.rank <= leaderCount),
  };
}

// What the scoring page shows for a bloc and year. The scores themselves come from
// computeBlocSummary (the annual summary as of now: for the current year the periods complete
// today, for a past year the whole year), the same computation as the documents and digests.

import { type IsoDate, localDateOf } from '../../core/time.js';
import type { Db } from '../../db/connection.js';
import { listCovenantYears } from '../../db/covenant.js';
import type { Bloc } from '../../db/blocs.js';
import {
  type CriterionAssessment,
  listCriterionAssessments,
  listScoreAdjustments,
  type ScoreAdjustment,
} from '../../db/score-adjustments.js';
import { listMemberUnits, type MemberUnit } from '../../db/units.js';
import { type BlocSummary, computeBlocSummary, SummaryError } from '../../summaries/bloc-summary.js';

export interface ScoringView {
  blocId: number;
  year: number;
  /** Years with a covenant, and the current one, newest first. */
  years: number[];
  today: IsoDate;
  /** Null when the year cannot be scored: the bloc has no covenant for it. */
  summary: BlocSummary | null;
  adjustments: ScoreAdjustment[];
  assessments: CriterionAssessment[];
  /** Units that were members on at least one day of the year: those entries may be made for. */
  yearUnits: MemberUnit[];
}

/** The current year in the deployment's zone. */
export function currentYear(now: Date, timeZone: string): number {
  return Number(localDateOf(now, timeZone).slice(0, 4));
}

/** A year typed in a query or form, else the current year. */
export function yearOrCurrent(raw: string | undefined, now: Date, timeZone: string): number {
  const n = raw && /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  return n >= 2000 && n <= 2100 ? n : currentYear(now, timeZone);
}

export async function loadScoringView(
  db: Db,
  bloc: Bloc,
  year: number,
  at: Date,
  timeZone: string,
): Promise<ScoringView> {
  const today = localDateOf(at, timeZone);
  const thisYear = Number(today.slice(0, 4));
  const years = [...new Set([thisYear, ...(await listCovenantYears(db, bloc.id))])].sort((a, b) => b - a);
  let summary: BlocSummary | null = null;
  try {
    summary = await computeBlocSummary(db, bloc.id, { kind: 'annual', year, asOf: at, timeZone });
  } catch (e) {
    // The bloc exists (checked by loadBloc): the one refusal left is a year without a covenant.
    if (!(e instanceof SummaryError)) throw e;
  }
  return {
    blocId: bloc.id,
    year,
    years,
    today,
    summary,
    adjustments: summary ? summary.adjustments : await listScoreAdjustments(db, bloc.id, year),
    assessments: await listCriterionAssessments(db, bloc.id, year),
    yearUnits: await listMemberUnits(db, bloc.id, `${year}-01-01`, `${year}-12-31`),
  };
}

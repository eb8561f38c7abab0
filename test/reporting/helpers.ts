// Shared set-up for the use-case tests: a real migrated SQLite database with a small bloc (two
// units, a focal point each, two quantitative criteria), the reporters of its focal points, and a
// clock the test moves.
import { getBloc } from '../../src/db/blocs.js';
import { getFocalPoint } from '../../src/db/focal-points.js';
import { getUnit } from '../../src/db/units.js';
import { type ReportChannel, type Reporter, reporterOf, type When } from '../../src/reporting/reporter.js';
import type { ReportEntries } from '../../src/reporting/submit.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';

export const TZ = 'Asia/Ho_Chi_Minh';
/** Tuesday 24/11/2026 10:00 in Hà Nội: week 48 is current, week 47 still taken (through 29/11). */
export const TUESDAY_W48 = '2026-11-24T03:00:00.000Z';

export interface UseCaseTest {
  t: TestDb;
  bloc: SmallBloc;
  at(iso: string): When;
  reporter(index: number, channel: ReportChannel): Promise<Reporter>;
  close(): Promise<void>;
}

export async function createUseCaseTest(): Promise<UseCaseTest> {
  const t = await createTestDb();
  const bloc = await createSmallBloc(t.db, { units: 2, year: 2026 });
  return {
    t,
    bloc,
    at: (iso) => ({ now: new Date(iso), timeZone: TZ }),
    async reporter(index, channel) {
      const focalPoint = (await getFocalPoint(t.db, bloc.focalPointIds[index]!))!;
      const unit = (await getUnit(t.db, focalPoint.unitId))!;
      return reporterOf({ focalPoint, unit, bloc: (await getBloc(t.db, bloc.blocId))! }, channel);
    },
    close: () => t.close(),
  };
}

/** A complete report of the small bloc's two criteria, started as new unless a base is given. */
export function entries(
  bloc: SmallBloc,
  periodKey: string,
  values: [number, number],
  more: Partial<ReportEntries> = {},
): ReportEntries {
  return {
    periodKey,
    base: null,
    values: [
      { criterionId: bloc.criterionIds[0]!, value: values[0] },
      { criterionId: bloc.criterionIds[1]!, value: values[1] },
    ],
    texts: { notableResults: null, difficulties: null, proposals: null },
    files: [],
    ...more,
  };
}

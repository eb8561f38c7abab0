import { periodFromKey } from '../../src/core/periods.js';
import type { Db } from '../../src/db/connection.js';
import { submitReport } from '../../src/db/reports.js';
import type { SmallBloc } from '../helpers/fixtures.js';

/** Files a weekly report for the unit at `unitIndex` of a small bloc; values null means a nil report. */
export async function fileReport(
  db: Db,
  b: SmallBloc,
  unitIndex: number,
  key: string,
  at: string,
  values: [number, number] | null,
  notable: string | null = null,
  unitId: number = b.unitIds[unitIndex]!,
): Promise<void> {
  const p = periodFromKey(key);
  await db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId: b.blocId,
      unitId,
      period: { kind: 'week', key, start: p.start, end: p.end },
      isNil: values === null,
      values: values
        ? [
            { criterionId: b.criterionIds[0]!, value: values[0] },
            { criterionId: b.criterionIds[1]!, value: values[1] },
          ]
        : [],
      notableResults: notable,
      difficulties: null,
      proposals: null,
      submittedBy: { system: 'test' },
      via: 'admin',
      at: new Date(at),
    }),
  );
}

export const TZ = 'Asia/Ho_Chi_Minh';

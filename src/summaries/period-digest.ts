// The figures and text of a bloc's digest for one reporting period (weekly by default).

import { type DigestInput, digestMessage } from '../core/digest-text.js';
import type { OutboundMessage } from '../core/outbound-message.js';
import type { ReportingPeriod } from '../core/periods.js';
import { plainText } from '../core/plain-text.js';
import { addDays, formatDateVi } from '../core/time.js';
import { getBloc } from '../db/blocs.js';
import type { Db } from '../db/connection.js';
import { notableResults, periodStatus, periodTotals, yearToDate } from '../db/figures.js';
import { SummaryError } from './bloc-summary.js';

export interface PeriodDigest {
  blocId: number;
  period: ReportingPeriod;
  input: DigestInput;
  /** The digest as every channel receives it, before each renders it its own way. */
  message: OutboundMessage;
  /** The whole text, as the CLI prints it. */
  text: string;
}

/** Computes the digest of `period` for the bloc as it stands at `now`. */
export async function computePeriodDigest(
  db: Db,
  blocId: number,
  period: ReportingPeriod,
  opts: { timeZone: string; now: Date; notableLimit?: number },
): Promise<PeriodDigest> {
  const bloc = await getBloc(db, blocId);
  if (!bloc) throw new SummaryError(`Không tìm thấy khối thi đua mã ${blocId}.`);
  // The covenant year of a period is the year in its key (the ISO-week year for weeks).
  const year = Number(period.key.slice(0, 4));
  const status = await periodStatus(db, bloc, period, opts.timeZone);
  const totals = await periodTotals(db, blocId, period);
  const ytd = await yearToDate(db, blocId, year, period.end);
  const notable = await notableResults(db, blocId, period, opts.notableLimit ?? 5);
  const stillOnTime = opts.now.getTime() < status.deadlines.deadline.getTime();
  const input: DigestInput = {
    blocName: bloc.name,
    periodKind: period.kind,
    periodLabel: period.label,
    year,
    units: status.units.map((u) => ({ name: u.unitName, shortName: u.shortName, status: u.status })),
    rates: status.rates,
    onTimeUntil: stillOnTime ? formatDateVi(addDays(period.end, bloc.graceDays)) : null,
    criteria: ytd.map((c) => ({
      code: c.code,
      title: c.title,
      unitOfMeasure: c.unitOfMeasure,
      valueType: c.valueType,
      periodTotal: totals.find((t) => t.criterionId === c.criterionId)?.total ?? 0,
      ytdTotal: c.total,
      ytdTarget: c.target,
    })),
    notable: notable.map((n) => ({ unitName: n.shortName ?? n.unitName, text: n.text })),
  };
  const message = digestMessage(input);
  return { blocId, period, input, message, text: plainText(message) };
}

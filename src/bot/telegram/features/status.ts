// /trangthai: whether the unit reported this period (and the previous one while it is open), and
// its year-to-date figures against the covenant targets. Figures come from src/db/figures.ts, the
// same queries as the digests and the admin.
import { Composer, type Context } from 'telegraf';
import { formatDateTimeVi, localDateOf } from '../../../core/time.js';
import { periodStatus, yearToDate } from '../../../db/figures.js';
import type { BotDeps } from '../deps.js';
import { M } from '../../conversation/messages.js';
import { reply } from '../reply.js';
import { dueDateOf, openPeriods, yearOfPeriod } from '../../../reporting/report-context.js';
import { activeOf } from '../session.js';

export function statusFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.command('trangthai', async (ctx) => {
    const { bloc, unit } = activeOf(ctx);
    const now = deps.now();
    const lines = [M.statusHeader(unit.name, bloc.name, formatDateTimeVi(now, deps.timeZone)), ''];
    const periods = openPeriods(bloc, now, deps.timeZone);
    for (const [i, period] of periods.entries()) {
      const status = await periodStatus(deps.db, bloc, period, deps.timeZone);
      const row = status.units.find((u) => u.unitId === unit.id);
      if (!row) continue;
      lines.push(
        M.statusPeriod(i === 0 ? 'current' : 'previous', period.label, {
          status: row.status,
          isNil: row.isNil,
          at: row.submittedAt ? formatDateTimeVi(row.submittedAt, deps.timeZone) : null,
          revision: row.revision,
          dueDate: dueDateOf(bloc, period),
        }),
      );
      if (i === 0) lines.push(M.statusBlocRate(status.rates.received, status.rates.expected));
      lines.push('');
    }
    const year = yearOfPeriod(periods[0]!);
    const progress = await yearToDate(deps.db, bloc.id, year, localDateOf(now, deps.timeZone));
    if (progress.length === 0) lines.push(M.statusNoCovenant(String(year)));
    else {
      lines.push(M.statusYearHeader(String(year)));
      for (const c of progress) {
        const mine = c.byUnit.find((u) => u.unitId === unit.id);
        lines.push(
          M.statusYearLine({
            code: c.code,
            title: c.title,
            total: mine?.total ?? 0,
            target: mine?.target ?? 0,
            unit: c.unitOfMeasure,
            percent: c.valueType === 'percent',
          }),
        );
      }
    }
    await reply(ctx, lines.join('\n'));
  });
  return feature;
}

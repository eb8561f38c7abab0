// /trangthai: the unit's status use case (src/reporting/status.ts), rendered in the bot's words.
import { Composer, type Context } from 'telegraf';
import { formatDateTimeVi } from '../../../core/time.js';
import { unitStatus } from '../../../reporting/status.js';
import type { BotDeps } from '../deps.js';
import { M } from '../../conversation/messages.js';
import { reply } from '../reply.js';
import { activeOf } from '../session.js';

export function statusFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.command('trangthai', async (ctx) => {
    const { bloc, unit } = activeOf(ctx);
    const now = deps.now();
    const status = await unitStatus(deps.db, { bloc, unit }, { now, timeZone: deps.timeZone });
    const lines = [M.statusHeader(unit.name, bloc.name, formatDateTimeVi(now, deps.timeZone)), ''];
    for (const p of status.periods) {
      lines.push(
        M.statusPeriod(p.which, p.period.label, {
          status: p.row.status,
          isNil: p.row.isNil,
          at: p.row.submittedAt ? formatDateTimeVi(p.row.submittedAt, deps.timeZone) : null,
          revision: p.row.revision,
          dueDate: p.dueDate,
        }),
      );
      if (p.which === 'current') lines.push(M.statusBlocRate(p.bloc.received, p.bloc.expected));
      lines.push('');
    }
    const year = String(status.year);
    if (status.progress.length === 0) lines.push(M.statusNoCovenant(year));
    else {
      lines.push(M.statusYearHeader(year));
      for (const c of status.progress) {
        lines.push(
          M.statusYearLine({
            code: c.code,
            title: c.title,
            total: c.total,
            target: c.target,
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

// /trangthai's answer in words, the same on every messenger: the unit's status use case
// (src/reporting/status.ts) as lines of text.
import { formatDateTimeVi } from '../../core/time.js';
import type { UnitStatus } from '../../reporting/status.js';
import { M } from './messages.js';

export function statusText(
  status: UnitStatus,
  who: { unitName: string; blocName: string },
  now: Date,
  timeZone: string,
): string {
  const lines = [M.statusHeader(who.unitName, who.blocName, formatDateTimeVi(now, timeZone)), ''];
  for (const p of status.periods) {
    lines.push(
      M.statusPeriod(p.which, p.period.label, {
        status: p.row.status,
        isNil: p.row.isNil,
        at: p.row.submittedAt ? formatDateTimeVi(p.row.submittedAt, timeZone) : null,
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
  return lines.join('\n');
}

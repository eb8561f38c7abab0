// The columns of the raw-report export, shared by the .xlsx "Báo cáo" sheet and the CSV, so the
// two always list the same fields in the same order.

import { formatDateTimeVi, formatDateVi } from '../core/time.js';
import type { ExportedReport } from '../db/figures.js';
import type { BlocSummary } from './bloc-summary.js';
import { exportText as t } from './messages.js';

export type ExportCell = string | number | null;

export function reportHeader(s: BlocSummary): string[] {
  return [
    ...t.reportColumns,
    ...s.progress.map((p) => `${p.code}. ${p.title} (${p.valueType === 'percent' ? '%' : (p.unitOfMeasure ?? '')})`),
    ...t.reportTextColumns,
  ];
}

export function reportRow(s: BlocSummary, r: ExportedReport, timeZone: string): ExportCell[] {
  return [
    r.periodKey,
    formatDateVi(r.periodStart),
    formatDateVi(r.periodEnd),
    r.unitName,
    r.isNil ? t.nil : t.withFigures,
    r.onTime ? t.onTime : t.late,
    r.counted ? t.yes : t.notMember,
    formatDateTimeVi(new Date(r.firstSubmittedAt), timeZone),
    formatDateTimeVi(new Date(r.updatedAt), timeZone),
    r.revision,
    t.via[r.via as keyof typeof t.via] ?? r.via,
    ...s.progress.map((p) => r.values.get(p.criterionId) ?? (r.isNil ? 0 : null)),
    r.notableResults,
    r.difficulties,
    r.proposals,
  ];
}

/** The reports a summary covers: those of its periods (up to its last counted period). */
export function reportsInSummary(s: BlocSummary, reports: ExportedReport[]): ExportedReport[] {
  const last = s.periods.lastKey;
  return last === null ? [] : reports.filter((r) => r.periodKey <= last);
}

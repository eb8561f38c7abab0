import { type Context, Hono } from 'hono';
import { isOnTime, periodDeadlines, periodFromKey, periodsOfYear } from '../../core/periods.js';
import { localDateOf } from '../../core/time.js';
import { listCriteria } from '../../db/covenant.js';
import { deadlineRulesOf } from '../../db/figures.js';
import { getReportOfBloc, listReportsPage, listRevisionsWithAuthors, reportYears } from '../../db/report-browser.js';
import { getReportValues, listAttachments } from '../../db/reports.js';
import { listMembershipRows } from '../../db/units.js';
import { notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { reportsText as t } from '../messages.js';
import { attachmentRoutes } from './attachment-routes.js';
import { ReportDetailPage } from './report-detail-page.js';
import { ReportListPage, type ReportListView } from './report-list-page.js';
import { attachmentsStoredHere } from '../../db/web-uploads.js';

export const REPORTS_PER_PAGE = 50;

const idParam = (v: string | undefined): number | undefined => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

function onTimeOf(
  c: Context<AdminEnv>,
  r: {
    periodKind: 'week' | 'month';
    periodKey: string;
    periodStart: string;
    periodEnd: string;
    firstSubmittedAt: string;
  },
): boolean {
  const period = { kind: r.periodKind, key: r.periodKey, start: r.periodStart, end: r.periodEnd, label: '' };
  return isOnTime(
    new Date(r.firstSubmittedAt),
    periodDeadlines(period, deadlineRulesOf(c.get('bloc')), c.get('deps').timeZone),
  );
}

function labelOf(key: string): string {
  try {
    return periodFromKey(key).label;
  } catch {
    return key;
  }
}

/** The reports browser's page for the query string: filters checked against the bloc's own lists. */
async function listView(c: Context<AdminEnv>, thisYear: number): Promise<ReportListView> {
  const { db, timeZone } = c.get('deps');
  const bloc = c.get('bloc');
  const years = [...new Set([thisYear, ...(await reportYears(db, bloc.id))])].sort((a, b) => b - a);
  const qYear = idParam(c.req.query('year'));
  const year = qYear && years.includes(qYear) ? qYear : thisYear;
  const periods = periodsOfYear(bloc.reportingCadence, year);
  const qPeriod = c.req.query('period') ?? '';
  const period = periods.find((p) => p.key === qPeriod);
  const units = [...new Map((await listMembershipRows(db, bloc.id)).map((r) => [r.unitId, r.name])).entries()];
  const unitId = idParam(c.req.query('unit'));
  const unit = units.find(([id]) => id === unitId)?.[0];
  const criteria = (await listCriteria(db, bloc.id, year)).filter((x) => x.kind === 'quantitative');
  const criterionId = criteria.find((x) => x.id === idParam(c.req.query('criterion')))?.id;
  const filter = { blocId: bloc.id, year, periodKey: period?.key, unitId: unit, criterionId };
  const requested = Math.max(1, idParam(c.req.query('page')) ?? 1);
  const first = await listReportsPage(db, filter, {
    limit: REPORTS_PER_PAGE,
    offset: (requested - 1) * REPORTS_PER_PAGE,
  });
  const pages = Math.max(1, Math.ceil(first.total / REPORTS_PER_PAGE));
  const page = Math.min(requested, pages);
  const { rows, total } =
    page === requested
      ? first
      : await listReportsPage(db, filter, { limit: REPORTS_PER_PAGE, offset: (page - 1) * REPORTS_PER_PAGE });
  const labels = new Map(periods.map((p) => [p.key, p.label]));
  return {
    blocId: bloc.id,
    filter: {
      year,
      period: period?.key ?? '',
      unit: unit ? String(unit) : '',
      criterion: criterionId ? String(criterionId) : '',
    },
    years: years.map((y) => ({ value: y, label: String(y) })),
    periods: periods.map((p) => ({ value: p.key, label: p.label })),
    units: units.map(([id, name]) => ({ value: id, label: name })),
    criteria: criteria.map((x) => ({ value: x.id, label: `${x.code}. ${x.title}` })),
    rows: rows.map((r) => ({
      ...r,
      periodLabel: labels.get(r.periodKey) ?? labelOf(r.periodKey),
      onTime: onTimeOf(c, r),
    })),
    total,
    page,
    pages,
    timeZone,
  };
}

/** /blocs/:blocId/reports: the reports browser and each report with its attachments and revisions. */
export function reportRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const { db, now, timeZone } = c.get('deps');
    const bloc = c.get('bloc');
    const thisYear = Number(localDateOf(now(), timeZone).slice(0, 4));
    const q = c.req.query();
    const key = `reports|${bloc.id}|${thisYear}|${q.year ?? ''}|${q.period ?? ''}|${q.unit ?? ''}|${q.criterion ?? ''}|${q.page ?? ''}`;
    const body = await c.get('pageCache').get(db, key, async () => <ReportListPage v={await listView(c, thisYear)} />);
    return c.render(body, { title: `${t.title} · ${bloc.name}` });
  });

  app.route('/:reportId/attachments', attachmentRoutes());

  app.get('/:reportId', async (c) => {
    const { db, timeZone } = c.get('deps');
    const bloc = c.get('bloc');
    const id = idParam(c.req.param('reportId'));
    const report = id ? await getReportOfBloc(db, bloc.id, id) : undefined;
    if (!report) notFound();
    const year = Number(report.periodKey.slice(0, 4));
    const onTime = onTimeOf(c, {
      periodKind: report.periodKind,
      periodKey: report.periodKey,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      firstSubmittedAt: report.firstSubmittedAt,
    });
    const attachments = await listAttachments(db, report.id);
    return c.render(
      <ReportDetailPage
        blocId={bloc.id}
        report={report}
        periodLabel={labelOf(report.periodKey)}
        onTime={onTime}
        values={await getReportValues(db, report.id)}
        criteria={await listCriteria(db, bloc.id, year)}
        attachments={attachments}
        storedHere={
          await attachmentsStoredHere(
            db,
            attachments.map((a) => a.id),
          )
        }
        fileMaxBytes={c.get('deps').reportFiles?.maxBytes ?? null}
        revisions={await listRevisionsWithAuthors(db, report.id)}
        timeZone={timeZone}
      />,
      { title: t.detailTitle(report.unitName, labelOf(report.periodKey)) },
    );
  });

  return app;
}

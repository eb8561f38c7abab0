import { Hono } from 'hono';
import { nextPeriod, previousPeriod } from '../../core/periods.js';
import { localDateOf } from '../../core/time.js';
import { getBlocYear } from '../../db/bloc-years.js';
import { type CriterionProgress, type PeriodStatus, periodStatus, yearToDate } from '../../db/figures.js';
import { getUnit } from '../../db/units.js';
import type { Bloc } from '../../db/blocs.js';
import type { AdminEnv } from '../env.js';
import { common, dashboardText as t, statusNames, unreachableText } from '../messages.js';
import { showDateTime, showRate } from '../ui/format.js';
import { ChartLegend, ProgressChart } from '../ui/progress-chart.js';
import { periodOfKey, reportingPeriodOf } from './period-choice.js';

interface DashboardProps {
  bloc: Bloc;
  status: PeriodStatus;
  progress: CriterionProgress[];
  year: number;
  timeZone: string;
  prevKey: string;
  nextKey: string | null;
  isLatest: boolean;
  chair: string | null;
  deputy: string | null;
  canEditBloc: boolean;
  names: Map<number, string>;
}

function Stat(props: { value: string | number; label: string }) {
  return (
    <div class="stat">
      <b>{props.value}</b>
      <span>{props.label}</span>
    </div>
  );
}

function Dashboard(p: DashboardProps) {
  const base = `/blocs/${p.bloc.id}`;
  const r = p.status.rates;
  return (
    <>
      <div class="head-row">
        <h1>{p.bloc.name}</h1>
        {p.canEditBloc ? <a href={`${base}/edit`}>{t.editBloc}</a> : null}
      </div>
      {p.chair ? <p class="muted">{t.chairLine(p.chair, p.deputy ?? common.none)}</p> : null}
      <section class="card" aria-labelledby="period-title">
        <div class="head-row">
          <h2 id="period-title">{t.periodStatus(p.status.period.label)}</h2>
          <div class="actions small">
            <a href={`${base}?period=${p.prevKey}`}>{t.previous}</a>
            {p.nextKey ? <a href={`${base}?period=${p.nextKey}`}>{t.next}</a> : null}
            {p.isLatest ? null : <a href={base}>{t.latest}</a>}
          </div>
        </div>
        <p class="muted small">
          {t.deadline(showDateTime(p.status.deadlines.deadline, p.timeZone))}{' '}
          {t.locked(showDateTime(p.status.deadlines.lockAt, p.timeZone))}
        </p>
        <div class="stats">
          <Stat value={`${r.received}/${r.expected}`} label={t.received} />
          <Stat value={showRate(r.reportingRate)} label={t.reportingRate} />
          <Stat value={showRate(r.onTimeRate)} label={t.onTimeRate} />
          <Stat value={r.late} label={t.late} />
          <Stat value={r.nil} label={t.nil} />
          <Stat value={r.missing.length} label={t.missing} />
        </div>
        {r.missing.length > 0 ? (
          <p class="small">
            <a href={`${base}/delivery/unreachable`}>{unreachableText.dashboardLink}</a>
          </p>
        ) : null}
        {p.status.units.length === 0 ? (
          <p>{t.noMembers}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colUnit}</th>
                  <th>{t.colStatus}</th>
                  <th class="hide-phone">{t.colSubmitted}</th>
                  <th class="num hide-phone">{t.colRevision}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {p.status.units.map((u) => (
                  <tr>
                    <td>{u.unitName}</td>
                    <td>
                      <span class={`badge ${u.status}`}>{statusNames[u.status]}</span>
                      {/* A late "nothing new" report counts in both the late and the nil figures above. */}
                      {u.status === 'late' && u.isNil ? (
                        <>
                          {' '}
                          <span class="badge nil">{statusNames.nil}</span>
                        </>
                      ) : null}
                    </td>
                    <td class="hide-phone">{showDateTime(u.submittedAt, p.timeZone)}</td>
                    <td class="num hide-phone">{u.revision ?? ''}</td>
                    <td>{u.reportId ? <a href={`${base}/reports/${u.reportId}`}>{t.view}</a> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="ytd-title">
        <h2 id="ytd-title">{t.ytdTitle(p.year)}</h2>
        {p.progress.length === 0 ? (
          <p>{t.ytdNone(p.year)}</p>
        ) : (
          <>
            <ChartLegend />
            {p.progress.map((c) => (
              <ProgressChart criterion={c} unitName={(id) => p.names.get(id) ?? String(id)} />
            ))}
          </>
        )}
      </section>
    </>
  );
}

/** GET /blocs/:blocId — the bloc's dashboard, every figure from src/db/figures.ts. */
export function dashboardRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const bloc = c.get('bloc');
    const admin = c.get('admin')!;
    const { db, now, timeZone } = c.get('deps');
    const at = now();
    const latest = reportingPeriodOf(bloc, at, timeZone);
    const period = periodOfKey(bloc, c.req.query('period')) ?? latest;
    const thisYear = Number(localDateOf(at, timeZone).slice(0, 4));
    const canEditBloc = admin.role === 'province_admin';
    const key = `dashboard|${bloc.id}|${period.key}|${latest.key}|${thisYear}|${canEditBloc}`;
    const body = await c.get('pageCache').get(db, key, async () => {
      const year = Number(period.key.slice(0, 4));
      const status = await periodStatus(db, bloc, period, timeZone);
      // Up to the end of the period shown, as the digest of that period counts it.
      const progress = await yearToDate(db, bloc.id, year, period.end);
      // yearToDate names units by id only: label them from the status rows, and look up a unit that
      // was a member earlier in the year but not during this period.
      const names = new Map(status.units.map((u) => [u.unitId, u.shortName ?? u.unitName]));
      for (const id of new Set(progress.flatMap((cp) => cp.byUnit.map((u) => u.unitId)))) {
        if (names.has(id)) continue;
        const unit = await getUnit(db, id);
        names.set(id, unit ? (unit.shortName ?? unit.name) : String(id));
      }
      const term = await getBlocYear(db, bloc.id, thisYear);
      const chair = term ? await getUnit(db, term.chairUnitId) : undefined;
      const deputy = term?.deputyUnitId ? await getUnit(db, term.deputyUnitId) : undefined;
      const current = nextPeriod(latest);
      const next = nextPeriod(period);
      return (
        <Dashboard
          bloc={bloc}
          status={status}
          progress={progress}
          year={year}
          timeZone={timeZone}
          prevKey={previousPeriod(period).key}
          nextKey={next.start <= current.start ? next.key : null}
          isLatest={period.key === latest.key}
          chair={chair?.name ?? null}
          deputy={deputy?.name ?? null}
          canEditBloc={canEditBloc}
          names={names}
        />
      );
    });
    return c.render(body, { title: `${t.title} · ${bloc.name}` });
  });

  return app;
}

import type { ReportListRow } from '../../db/report-browser.js';
import { common, reportsText as t } from '../messages.js';
import { showDateTime, showNumber } from '../ui/format.js';
import type { Option } from '../ui/forms.js';

export interface ReportListView {
  blocId: number;
  filter: { year: number; period: string; unit: string; criterion: string };
  years: Option[];
  periods: Option[];
  units: Option[];
  criteria: Option[];
  rows: (ReportListRow & { periodLabel: string; onTime: boolean })[];
  total: number;
  page: number;
  pages: number;
  timeZone: string;
}

function Select(props: { label: string; name: string; value: string; options: Option[]; empty?: string }) {
  const id = `q-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={String(o.value)} selected={String(o.value) === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** 'Tuần 47/2026 (16/11/2026 – 22/11/2026)': the dates are left out on a phone. */
function PeriodLabel(props: { label: string }) {
  const i = props.label.indexOf(' (');
  if (i < 0) return <>{props.label}</>;
  return (
    <>
      {props.label.slice(0, i)}
      <span class="hide-phone">{props.label.slice(i)}</span>
    </>
  );
}

function pageLink(v: ReportListView, page: number): string {
  const q = new URLSearchParams({
    year: String(v.filter.year),
    period: v.filter.period,
    unit: v.filter.unit,
    criterion: v.filter.criterion,
    page: String(page),
  });
  return `/blocs/${v.blocId}/reports?${q.toString()}`;
}

export function ReportListPage(props: { v: ReportListView }) {
  const v = props.v;
  const base = `/blocs/${v.blocId}/reports`;
  return (
    <>
      <h1>{t.title}</h1>
      <form class="card" method="get" action={base} aria-label={t.filter}>
        <div class="inline-fields filters">
          <Select label={t.year} name="year" value={String(v.filter.year)} options={v.years} />
          <Select label={t.period} name="period" value={v.filter.period} options={v.periods} empty={t.allPeriods} />
          <Select label={t.unit} name="unit" value={v.filter.unit} options={v.units} empty={t.allUnits} />
          <Select
            label={t.criterion}
            name="criterion"
            value={v.filter.criterion}
            options={v.criteria}
            empty={t.anyCriterion}
          />
          <div class="field">
            <button type="submit">{common.search}</button>
          </div>
        </div>
      </form>
      <section class="card">
        <p>{v.total === 0 ? t.none : t.found(v.total)}</p>
        {v.rows.length > 0 ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colPeriod}</th>
                  <th>{t.colUnit}</th>
                  <th>{t.colState}</th>
                  <th class="hide-phone">{t.colSubmitted}</th>
                  <th class="num hide-phone">{t.colRevision}</th>
                  {v.filter.criterion ? <th class="num">{t.colValue}</th> : null}
                  <th class="hide-phone"></th>
                </tr>
              </thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr>
                    <td class="small">
                      <a href={`${base}/${r.id}`}>
                        <PeriodLabel label={r.periodLabel} />
                      </a>
                    </td>
                    <td>
                      <span class={r.unitShortName ? 'hide-phone' : undefined}>{r.unitName}</span>
                      {r.unitShortName ? <span class="show-phone">{r.unitShortName}</span> : null}
                    </td>
                    <td>
                      {r.isNil ? <span class="badge nil">{t.nil}</span> : null}{' '}
                      <span class={`badge ${r.onTime ? 'reported' : 'late'}`}>{r.onTime ? t.onTime : t.late}</span>
                    </td>
                    <td class="hide-phone">{showDateTime(r.firstSubmittedAt, v.timeZone)}</td>
                    <td class="num hide-phone">{r.revision}</td>
                    {v.filter.criterion ? <td class="num">{showNumber(r.value)}</td> : null}
                    <td class="nowrap hide-phone">
                      <a href={`${base}/${r.id}`}>{t.view}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {v.pages > 1 ? (
          <nav class="pager" aria-label={common.page(v.page, v.pages)}>
            {v.page > 1 ? <a href={pageLink(v, v.page - 1)}>{common.prev}</a> : null}
            <span>{common.page(v.page, v.pages)}</span>
            {v.page < v.pages ? <a href={pageLink(v, v.page + 1)}>{common.next}</a> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

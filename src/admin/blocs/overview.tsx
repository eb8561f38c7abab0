import type { Context } from 'hono';
import { getBlocYear } from '../../db/bloc-years.js';
import { listBlocs } from '../../db/blocs.js';
import { periodStatus } from '../../db/figures.js';
import { getUnit, listMemberUnits } from '../../db/units.js';
import { localDateOf } from '../../core/time.js';
import { currentAdmin } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { reportingPeriodOf } from '../dashboard/period-choice.js';
import { cliIdsText as ids, blocsText as t, common } from '../messages.js';
import { showRate } from '../ui/format.js';

interface BlocRow {
  id: number;
  name: string;
  province: string;
  isDemo: boolean;
  members: number;
  chair: string | null;
  periodLabel: string;
  rate: number | null;
  onTimeRate: number | null;
}

function Overview(props: { rows: BlocRow[]; canAdd: boolean; year: number }) {
  return (
    <div class="card">
      <div class="head-row">
        <h1>{t.title}</h1>
        {props.canAdd ? (
          <a class="button" href="/blocs/new">
            {t.add}
          </a>
        ) : null}
      </div>
      {props.rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th class="num" title={ids.colIdTitle}>
                  {ids.colId}
                </th>
                <th>{t.colBloc}</th>
                <th class="hide-phone">{t.colProvince}</th>
                <th class="num">{t.colUnits}</th>
                <th>{`${t.colChair} ${props.year}`}</th>
                <th class="num">{t.colRate}</th>
                <th class="num hide-phone">{t.colOnTime}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((b) => (
                <tr>
                  <td class="num">{b.id}</td>
                  <td>
                    <a href={`/blocs/${b.id}`}>{b.name}</a>{' '}
                    {b.isDemo ? <span class="badge demo">{common.demo}</span> : null}
                  </td>
                  <td class="hide-phone">{b.province}</td>
                  <td class="num">{b.members}</td>
                  <td>{b.chair ?? common.none}</td>
                  <td class="num" title={t.rateOf(b.periodLabel)}>
                    {showRate(b.rate)}
                  </td>
                  <td class="num hide-phone">{showRate(b.onTimeRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** GET /: the blocs the admin may see; a bloc's own admin goes straight to its dashboard. */
export async function overviewPage(c: Context<AdminEnv>) {
  const admin = currentAdmin(c);
  const { db, now, timeZone } = c.get('deps');
  if (admin.role !== 'province_admin' && admin.blocId !== null) {
    const ok = c.req.query('ok');
    return c.redirect(`/blocs/${admin.blocId}${ok ? `?ok=${encodeURIComponent(ok)}` : ''}`, 302);
  }
  const at = now();
  const today = localDateOf(at, timeZone);
  const year = Number(today.slice(0, 4));
  const rows: BlocRow[] = [];
  for (const b of await listBlocs(db)) {
    const members = await listMemberUnits(db, b.id, today);
    const term = await getBlocYear(db, b.id, year);
    const chair = term ? await getUnit(db, term.chairUnitId) : undefined;
    const status = await periodStatus(db, b, reportingPeriodOf(b, at, timeZone), timeZone);
    rows.push({
      id: b.id,
      name: b.name,
      province: b.province,
      isDemo: b.isDemo,
      members: members.length,
      chair: chair?.name ?? null,
      periodLabel: status.period.label,
      rate: status.rates.reportingRate,
      onTimeRate: status.rates.onTimeRate,
    });
  }
  return c.render(<Overview rows={rows} canAdd={admin.role === 'province_admin'} year={year} />, { title: t.title });
}

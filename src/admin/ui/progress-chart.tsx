// Year-to-date against target as bars: one table row per unit, the label as text (readable on a
// phone) and the bar as a small SVG that stretches to the cell. No inline styles (the CSP forbids
// them): sizes are SVG attributes.

import type { CriterionProgress } from '../../db/figures.js';
import { dashboardText as t } from '../messages.js';
import { showNumber, showRate } from './format.js';

function Bar(props: { total: number; target: number }) {
  const scale = Math.max(props.total, props.target, 1);
  const done = Math.min(100, (props.total / scale) * 100);
  const target = (props.target / scale) * 100;
  return (
    <svg class="bar" viewBox="0 0 100 12" preserveAspectRatio="none" width="100%" height="16" aria-hidden="true">
      <rect class="bar-target" x="0" y="1" width={target.toFixed(2)} height="10" />
      <rect
        class={props.total >= props.target ? 'bar-over' : 'bar-done'}
        x="0"
        y="3"
        width={done.toFixed(2)}
        height="6"
      />
      {props.target > 0 ? (
        <rect class="target-mark" x={Math.max(0, target - 0.6).toFixed(2)} y="0" width="0.6" height="12" />
      ) : null}
    </svg>
  );
}

export function ProgressChart(props: { criterion: CriterionProgress; unitName: (id: number) => string }) {
  const c = props.criterion;
  const uom = c.unitOfMeasure ?? '';
  return (
    <figure class="progress" aria-label={t.chartLabel(c.title)}>
      <figcaption>
        <b>
          {c.code}. {c.title}
        </b>
        <span class="muted small"> · {t.blocTotal(showNumber(c.total), showNumber(c.target), uom)}</span>
      </figcaption>
      <table class="bars">
        <tbody>
          {c.byUnit.map((u) => (
            <tr>
              <th scope="row">{props.unitName(u.unitId)}</th>
              <td class="bar-cell">
                <Bar total={u.total} target={u.target} />
              </td>
              <td class="num">
                {showNumber(u.total)}/{showNumber(u.target)}
                <span class="muted small hide-phone">
                  {' '}
                  {u.target > 0 ? t.percentOfTarget(showRate(u.total / u.target)) : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function ChartLegend() {
  return (
    <div class="legend" aria-hidden="true">
      <span>
        <span class="swatch done"></span>
        {t.legendDone}
      </span>
      <span>
        <span class="swatch target"></span>
        {t.legendTarget}
      </span>
    </div>
  );
}

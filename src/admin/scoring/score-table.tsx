import type { BlocSummary } from '../../summaries/bloc-summary.js';
import { scoringText as t } from '../messages.js';
import { showNumber } from '../ui/format.js';

/** The leading unit(s) the bloc proposes: rank 1 (summary.scores.leaders). */
export function Leaders(props: { summary: BlocSummary }) {
  const leaders = props.summary.scores.leaders;
  return (
    <section class="card" id="leaders">
      <h2>{t.leaders}</h2>
      {leaders.length === 0 ? (
        <p>{t.noLeader}</p>
      ) : (
        <ul class="leaders">
          {leaders.map((l) => (
            <li>
              <b>{t.leaderLine(l.name, showNumber(l.total))}</b>
            </li>
          ))}
        </ul>
      )}
      <p class="muted small">{t.leadersHint}</p>
    </section>
  );
}

/** Where the figures stand: today's complete periods, or the whole of a past year. */
export function FiguresAsOf(props: { summary: BlocSummary; pastYear: boolean }) {
  const p = props.summary.periods;
  if (props.pastYear) return <p class="muted">{t.pastYear(props.summary.year)}</p>;
  if (!p.lastLabel) return <p class="muted">{t.noPeriodYet}</p>;
  return <p class="muted">{t.asOfToday(p.lastLabel)}</p>;
}

/** The self-scoring table: per unit and criterion the points, bonus, deduction, total, rank and the tie-break note. */
export function ScoreTable(props: { summary: BlocSummary }) {
  const { scores, criteria } = props.summary;
  return (
    <section class="card" id="scores">
      <h2>{t.tableTitle}</h2>
      <p class="muted small">{t.maxBase(showNumber(scores.maxBase))}</p>
      <div class="table-wrap">
        <table class="score-table">
          <thead>
            <tr>
              <th class="num">{t.colRank}</th>
              <th>{t.colUnit}</th>
              {criteria.map((c) => (
                <th class="num" title={c.title}>
                  {t.colCriterion(c.code)}
                  <div class="small muted">{t.colMaxPoints(showNumber(c.maxPoints))}</div>
                </th>
              ))}
              <th class="num">{t.colBase}</th>
              <th class="num">{t.colBonus}</th>
              <th class="num">{t.colDeduction}</th>
              <th class="num">{t.colTotal}</th>
              <th>{t.colNote}</th>
            </tr>
          </thead>
          <tbody>
            {scores.rows.map((row) => (
              <tr class={row.rank === 1 ? 'leader-row' : undefined}>
                <td class="num">{row.rank ?? '—'}</td>
                <th scope="row">
                  {row.name}
                  <div class="show-phone small muted nowrap">{t.phoneTotal(showNumber(row.total))}</div>
                </th>
                {row.criteria.map((c) => (
                  <td class="num">
                    {showNumber(c.points)}
                    {c.basis === 'assessed' && c.points === 0 && c.maxPoints > 0 ? (
                      <div class="small muted">{t.notMetMark}</div>
                    ) : null}
                  </td>
                ))}
                <td class="num">{showNumber(row.base)}</td>
                <td class="num">{row.bonus > 0 ? `+${showNumber(row.bonus)}` : '0'}</td>
                <td class="num">{row.deduction > 0 ? `−${showNumber(row.deduction)}` : '0'}</td>
                <td class="num">
                  <b>{showNumber(row.total)}</b>
                </td>
                <td class="small note">
                  {row.rank === null ? t.leftBloc : row.tieBrokenBy ? t.tieNote[row.tieBrokenBy] : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted small">{t.legend}</p>
      <p class="small">{t.tieRule}</p>
      <p class="small">{t.qualitativeDefault}</p>
    </section>
  );
}

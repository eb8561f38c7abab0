import { formatDateVi, localDateOf } from '../../core/time.js';
import { UnreachableList } from '../broadcasts/unreachable-list.js';
import { personalLinkMessage, unreachableText as t } from '../messages.js';
import { CopyField } from '../ui/copy-field.js';
import { DeliveryTabs } from './delivery-tabs.js';
import type { UnreachableList as Data, UnreachablePeriod, UnreachableRow } from './unreachable-data.js';

/** A focal point's link as the page can offer it: its address, none working, or not derivable. */
export type LinkState = string | 'none' | 'undisplayable';

const reasonOf = (r: UnreachableRow) => t.reasons[r.reason] ?? r.reason;

/** 'hết ngày 01/12/2026': the last day before a local-midnight instant (the deadline, the lock). */
function dueDay(deadline: Date, timeZone: string): string {
  return `hết ngày ${formatDateVi(localDateOf(new Date(deadline.getTime() - 1), timeZone))}`;
}

function Item(props: {
  blocId: number;
  blocName: string;
  p: UnreachablePeriod;
  r: UnreachableRow;
  link: LinkState | undefined;
  timeZone: string;
}) {
  const { r, p } = props;
  const fp = r.focalPoint;
  const fpPage = fp
    ? `/blocs/${props.blocId}/focal-points/${fp.id}#personal-link`
    : `/blocs/${props.blocId}/focal-points#add`;
  const id = fp ? `${p.period.key}-${fp.id}` : '';
  return (
    <li class="reach-item">
      <div class="reach-head">
        <span>
          <strong>{fp ? fp.name : r.unitName}</strong>
          {fp ? <span class="muted"> · {r.unitName}</span> : null}
          {fp?.phone ? (
            <>
              {' · '}
              <a href={`tel:${fp.phone.replace(/[^\d+]/g, '')}`}>{fp.phone}</a>
            </>
          ) : null}
        </span>
        <span class="badge missing">{reasonOf(r)}</span>
      </div>
      {!fp ? (
        <a href={fpPage}>{t.addFocalPoint}</a>
      ) : props.link === undefined || props.link === 'none' || props.link === 'undisplayable' ? (
        <p class="small">
          <a href={fpPage}>{props.link === 'undisplayable' ? t.linkUnavailable : t.noLink}</a>
        </p>
      ) : (
        <>
          <CopyField id={`link-${id}`} label={t.colLink} value={props.link} />
          <CopyField
            id={`msg-${id}`}
            label={t.messageLabel(fp.name)}
            rows={10}
            value={personalLinkMessage({
              blocName: props.blocName,
              focalPointName: fp.name,
              unitName: r.unitName,
              periodLabel: p.period.label,
              dueDay: dueDay(p.deadlines.deadline, props.timeZone),
              overdue: p.overdue,
              link: props.link,
            })}
          />
          <a class="small" href={fpPage}>
            {t.openFocalPoint}
          </a>
        </>
      )}
    </li>
  );
}

/** /blocs/:blocId/delivery/unreachable: editors get each link and a message to pass on; viewers only the names. */
export function UnreachablePage(props: {
  blocId: number;
  blocName: string;
  data: Data;
  /** Links by focal point id; null for a viewer, who must not see them. */
  links: Map<number, LinkState> | null;
  timeZone: string;
}) {
  const links = props.links;
  return (
    <>
      <DeliveryTabs blocId={props.blocId} current="unreachable" />
      <h1>{t.title}</h1>
      <p class="muted">{links ? t.intro : t.introViewer}</p>
      {props.data.remindersEnabled ? null : <div class="alert info">{t.remindersOff}</div>}
      {props.data.periods.length === 0 ? <p class="card">{t.noPeriods}</p> : null}
      {props.data.periods.map((p) => (
        <section class="card" id={`period-${p.period.key}`}>
          <h2>{p.period.label}</h2>
          <p class="muted small">
            {t.periodFacts(dueDay(p.deadlines.deadline, props.timeZone), dueDay(p.deadlines.lockAt, props.timeZone))}
          </p>
          {p.rows.length === 0 ? (
            <p>{t.nobody}</p>
          ) : links ? (
            <ul class="reach-list">
              {p.rows.map((r) => (
                <Item
                  blocId={props.blocId}
                  blocName={props.blocName}
                  p={p}
                  r={r}
                  link={r.focalPoint ? links.get(r.focalPoint.id) : undefined}
                  timeZone={props.timeZone}
                />
              ))}
            </ul>
          ) : (
            <UnreachableList
              people={p.rows.map((r) => ({ name: r.focalPoint?.name ?? null, unit: r.unitName, reason: reasonOf(r) }))}
            />
          )}
        </section>
      ))}
    </>
  );
}

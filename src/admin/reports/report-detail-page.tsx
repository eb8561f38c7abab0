import type { CovenantCriterion } from '../../db/covenant.js';
import type { ReportAttachment } from '../../db/schema.js';
import type { getReportOfBloc, listRevisionsWithAuthors } from '../../db/report-browser.js';
import { common, reportsText as t } from '../messages.js';
import { showDateTime, showNumber } from '../ui/format.js';
import { AttachmentsSection } from './attachments-section.js';

type Report = NonNullable<Awaited<ReturnType<typeof getReportOfBloc>>>;
type Revision = Awaited<ReturnType<typeof listRevisionsWithAuthors>>[number];

/** What report_revision.snapshot holds (see submitReport). */
interface Snapshot {
  isNil?: boolean;
  values?: { criterionId: number; value: number }[];
  notableResults?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
  attachments?: number;
}

function parseSnapshot(s: string): Snapshot {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' ? (v as Snapshot) : {};
  } catch {
    return {};
  }
}

function Texts(props: {
  notable: string | null | undefined;
  difficulties: string | null | undefined;
  proposals: string | null | undefined;
}) {
  const items: [string, string | null | undefined][] = [
    [t.notable, props.notable],
    [t.difficulties, props.difficulties],
    [t.proposals, props.proposals],
  ];
  return (
    <dl class="facts">
      {items
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd class="pre">{v}</dd>
          </>
        ))}
    </dl>
  );
}

export function ReportDetailPage(props: {
  blocId: number;
  report: Report;
  periodLabel: string;
  onTime: boolean;
  values: { criterion_id: number; value: number }[];
  criteria: CovenantCriterion[];
  attachments: ReportAttachment[];
  /** The largest photo or document that can be read back from Telegram; null when the bot is not set up. */
  fileMaxBytes: number | null;
  /** Attachments whose bytes are in the database (sent through the personal web form). */
  storedHere: Set<number>;
  revisions: Revision[];
  timeZone: string;
}) {
  const r = props.report;
  const crit = new Map(props.criteria.map((c) => [c.id, c]));
  const label = (id: number) => {
    const c = crit.get(id);
    return c ? `${c.code}. ${c.title}` : t.unknownCriterion(id);
  };
  const sender = r.focal_point_name ?? r.submitted_via;
  return (
    <>
      <p>
        <a href={`/blocs/${props.blocId}/reports`}>{t.back}</a>
      </p>
      <h1>{t.detailTitle(r.unit_name, props.periodLabel)}</h1>
      <section class="card">
        <p class="actions">
          {r.is_nil ? <span class="badge nil">{t.nil}</span> : null}
          <span class={`badge ${props.onTime ? 'reported' : 'late'}`}>{props.onTime ? t.onTime : t.late}</span>
        </p>
        <dl class="facts">
          <dt>{t.sentBy}</dt>
          <dd>{sender}</dd>
          <dt>{t.via}</dt>
          <dd>{t.vias[r.submitted_via] ?? r.submitted_via}</dd>
          <dt>{t.firstSubmitted}</dt>
          <dd>{showDateTime(r.first_submitted_at, props.timeZone)}</dd>
          <dt>{t.updated}</dt>
          <dd>{showDateTime(r.updated_at, props.timeZone)}</dd>
          <dt>{t.revision}</dt>
          <dd>{r.revision}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>{t.valuesTitle}</h2>
        {props.values.length === 0 ? (
          <p class="muted">{t.noValues}</p>
        ) : (
          <table>
            <tbody>
              {props.values.map((v) => (
                <tr>
                  <td>{label(v.criterion_id)}</td>
                  <td class="num">
                    {showNumber(v.value)} {crit.get(v.criterion_id)?.unitOfMeasure ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Texts notable={r.notable_results} difficulties={r.difficulties} proposals={r.proposals} />
      </section>
      <AttachmentsSection
        blocId={props.blocId}
        attachments={props.attachments}
        fileMaxBytes={props.fileMaxBytes}
        storedHere={props.storedHere}
      />
      <section class="card">
        <h2>{t.revisionsTitle}</h2>
        {props.revisions.map((rev) => {
          const s = parseSnapshot(rev.snapshot);
          return (
            <details open={rev.revision === r.revision}>
              <summary>
                {t.revisionLine(
                  rev.revision,
                  showDateTime(rev.submitted_at, props.timeZone),
                  rev.focal_point_name ?? rev.submitted_by_admin ?? common.none,
                  t.vias[rev.submitted_via] ?? rev.submitted_via,
                )}
              </summary>
              {s.isNil ? <p class="muted">{t.noValues}</p> : null}
              <ul>
                {(s.values ?? []).map((v) => (
                  <li>
                    {label(v.criterionId)}: {showNumber(v.value)}
                  </li>
                ))}
              </ul>
              <Texts notable={s.notableResults} difficulties={s.difficulties} proposals={s.proposals} />
            </details>
          );
        })}
      </section>
    </>
  );
}

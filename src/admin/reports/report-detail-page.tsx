import type { CovenantCriterion } from '../../db/covenant.js';
import type { ReportAttachment } from '../../db/web-uploads.js';
import type { ReportOfBloc, RevisionWithAuthor } from '../../db/report-browser.js';
import type { ReportValue } from '../../db/reports.js';
import { common, reportsText as t } from '../messages.js';
import { showDateTime, showNumber } from '../ui/format.js';
import { AttachmentsSection } from './attachments-section.js';

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
  report: ReportOfBloc;
  periodLabel: string;
  onTime: boolean;
  values: ReportValue[];
  criteria: CovenantCriterion[];
  attachments: ReportAttachment[];
  /** The largest photo or document that can be read back from Telegram; null when the bot is not set up. */
  fileMaxBytes: number | null;
  /** Attachments whose bytes are in the database (sent through the personal web form). */
  storedHere: Set<number>;
  revisions: RevisionWithAuthor[];
  timeZone: string;
}) {
  const r = props.report;
  const crit = new Map(props.criteria.map((c) => [c.id, c]));
  const label = (id: number) => {
    const c = crit.get(id);
    return c ? `${c.code}. ${c.title}` : t.unknownCriterion(id);
  };
  const sender = r.focalPointName ?? r.submittedVia;
  return (
    <>
      <p>
        <a href={`/blocs/${props.blocId}/reports`}>{t.back}</a>
      </p>
      <h1>{t.detailTitle(r.unitName, props.periodLabel)}</h1>
      <section class="card">
        <p class="actions">
          {r.isNil ? <span class="badge nil">{t.nil}</span> : null}
          <span class={`badge ${props.onTime ? 'reported' : 'late'}`}>{props.onTime ? t.onTime : t.late}</span>
        </p>
        <dl class="facts">
          <dt>{t.sentBy}</dt>
          <dd>{sender}</dd>
          <dt>{t.via}</dt>
          <dd>{t.vias[r.submittedVia] ?? r.submittedVia}</dd>
          <dt>{t.firstSubmitted}</dt>
          <dd>{showDateTime(r.firstSubmittedAt, props.timeZone)}</dd>
          <dt>{t.updated}</dt>
          <dd>{showDateTime(r.updatedAt, props.timeZone)}</dd>
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
                  <td>{label(v.criterionId)}</td>
                  <td class="num">
                    {showNumber(v.value)} {crit.get(v.criterionId)?.unitOfMeasure ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Texts notable={r.notableResults} difficulties={r.difficulties} proposals={r.proposals} />
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
                  showDateTime(rev.submittedAt, props.timeZone),
                  rev.focalPointName ?? rev.submittedByAdmin ?? common.none,
                  t.vias[rev.submittedVia] ?? rev.submittedVia,
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

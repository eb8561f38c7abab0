import {
  ROSTER_FIELD_MAX,
  ROSTER_ROLE_WORDS,
  type RosterInputRow,
  type RosterRowError,
  type RosterRowPlan,
} from '../../core/roster-import.js';
import { importText as t } from '../messages.js';
import { showDate } from '../ui/format.js';
import { PostForm } from '../ui/forms.js';
import { changesAnything, type ImportCounts } from './apply.js';

export function UploadPage(props: { blocId: number; error?: string }) {
  const base = `/blocs/${props.blocId}/import`;
  return (
    <>
      <h1>{t.title}</h1>
      <section class="card">
        <p>{t.intro}</p>
        <p>{t.columns}</p>
        <ul>
          {t.columnHelp.map(([name, help]) => (
            <li>
              <b>{name}</b>
              {help ? `: ${help}` : ''}
            </li>
          ))}
        </ul>
        <p>
          <a href={`${base}/template.csv`}>{t.template}</a>
        </p>
        {props.error ? (
          <div class="alert error" role="alert">
            {props.error}
          </div>
        ) : null}
        <PostForm action={`${base}/preview`} multipart long={t.reading}>
          <div class="field">
            <label for="f-file">{t.file}</label>
            <input
              id="f-file"
              type="file"
              name="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              required
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby="f-file-hint"
            />
            <div class="hint" id="f-file-hint">
              {t.fileHint}
            </div>
          </div>
          <button type="submit">{t.preview}</button>
        </PostForm>
      </section>
    </>
  );
}

/** A row error in words, with what was typed and the limit or the accepted words where they help. */
function rowErrorText(e: RosterRowError, r: RosterRowPlan): string {
  const m = t.rowErrors;
  switch (e) {
    case 'unit_too_long':
      return m.unit_too_long(ROSTER_FIELD_MAX.unitName);
    case 'short_too_long':
      return m.short_too_long(ROSTER_FIELD_MAX.shortName);
    case 'name_too_long':
      return m.name_too_long(ROSTER_FIELD_MAX.fullName);
    case 'position_too_long':
      return m.position_too_long(ROSTER_FIELD_MAX.position);
    case 'bad_date':
      return m.bad_date(r.cells.joinedOn ?? '');
    case 'bad_email':
      return m.bad_email(r.cells.email ?? '');
    case 'bad_role':
      return m.bad_role(
        r.cells.role ?? '',
        ROSTER_ROLE_WORDS.map((w) => w.word),
      );
    default:
      return m[e];
  }
}

/**
 * The join date the import will write: none for a unit already in the bloc (its membership is
 * left as it is), and the text as typed when it is not a real date, never a date made up for it.
 */
function joinedCell(r: RosterRowPlan): string {
  if (r.joinedOn === null) return r.cells.joinedOn ?? '';
  return r.unit.kind === 'existing' ? '' : showDate(r.joinedOn);
}

/** The role a new focal point gets; the typed word when it is refused. */
function roleCell(r: RosterRowPlan): string {
  if (r.errors.includes('bad_role')) return r.cells.role ?? '';
  return r.focalPoint && !r.focalPoint.exists ? t.roles[r.focalPoint.role] : '';
}

/** New, already there and kept, or already there with a new or changed e-mail address. */
function PersonBadge(props: { fp: NonNullable<RosterRowPlan['focalPoint']> }) {
  const fp = props.fp;
  if (!fp.exists) return <span class="badge reported">{t.personNew}</span>;
  if (!fp.emailChange) return <span class="badge neutral">{t.personExists}</span>;
  const after = fp.email ?? '';
  return (
    <span class="badge reported">
      {fp.emailChange.before === null ? t.emailAdded(after) : t.emailChanged(fp.emailChange.before, after)}
    </span>
  );
}

function RowResult(props: { row: RosterRowPlan }) {
  const r = props.row;
  if (r.errors.length > 0)
    return (
      <ul class="error-list">
        {r.errors.map((e) => (
          <li>{rowErrorText(e, r)}</li>
        ))}
      </ul>
    );
  return (
    <span class="actions">
      <span class={`badge ${r.unit.kind === 'existing' ? 'neutral' : 'reported'}`}>
        {r.unit.kind === 'new' ? t.unitNew : r.unit.kind === 'rejoin' ? t.unitRejoin : t.unitExisting}
      </span>
      {r.focalPoint ? <PersonBadge fp={r.focalPoint} /> : null}
    </span>
  );
}

export function PreviewPage(props: {
  blocId: number;
  fileName: string;
  rows: RosterInputRow[];
  plan: RosterRowPlan[];
  counts: ImportCounts;
  /** The plan's digest: the confirmation writes only a plan with the same one. */
  fingerprint: string;
  /** Header texts of the file's columns the import does not take (known on a file's preview only). */
  ignoredColumns?: string[];
  stale?: boolean;
}) {
  const base = `/blocs/${props.blocId}/import`;
  const valid = props.plan.filter((r) => r.errors.length === 0).length;
  const invalid = props.plan.length - valid;
  const anything = changesAnything(props.counts);
  return (
    <>
      <h1>{t.previewTitle(props.fileName)}</h1>
      {props.stale ? (
        <div class="alert error" role="alert">
          {t.stale}
        </div>
      ) : null}
      <section class="card">
        <p class={invalid > 0 ? 'alert error' : 'alert ok'}>{t.summary(valid, invalid)}</p>
        <p>{t.willCreate(props.counts.units, props.counts.rejoined, props.counts.focalPoints)}</p>
        {props.counts.emails > 0 ? <p>{t.willSetEmails(props.counts.emails)}</p> : null}
        {props.ignoredColumns && props.ignoredColumns.length > 0 ? (
          <p class="alert info">{t.ignoredColumns(props.ignoredColumns)}</p>
        ) : null}
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th class="num">{t.colLine}</th>
                <th>{t.colUnit}</th>
                <th class="hide-phone">{t.colJoined}</th>
                <th>{t.colPerson}</th>
                <th>{t.colRole}</th>
                <th>{t.colResult}</th>
              </tr>
            </thead>
            <tbody>
              {props.plan.map((r) => (
                <tr class={r.errors.length > 0 ? 'row-error' : undefined}>
                  <td class="num">{r.line}</td>
                  <td>{r.unitName}</td>
                  <td class="hide-phone">{joinedCell(r)}</td>
                  <td>{r.focalPoint?.fullName ?? ''}</td>
                  <td>{roleCell(r)}</td>
                  <td>
                    <RowResult row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {valid === 0 ? <p>{t.nothingValid}</p> : !anything ? <p>{t.nothingNew}</p> : null}
        <div class="actions">
          {valid > 0 && anything ? (
            <PostForm action={`${base}/confirm`} long={t.importing}>
              <input type="hidden" name="fileName" value={props.fileName} />
              <input type="hidden" name="rows" value={JSON.stringify(props.rows)} />
              <input type="hidden" name="expected" value={props.fingerprint} />
              <button type="submit">{t.confirm(valid)}</button>
            </PostForm>
          ) : null}
          <a class="button secondary" href={base}>
            {t.another}
          </a>
        </div>
      </section>
    </>
  );
}

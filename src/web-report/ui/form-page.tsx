import type { FlowCriterion, FlowPeriod } from '../../core/report-flow/types.js';
import { TEXT_FIELDS } from '../../core/report-flow/types.js';
import type { PendingUploadInfo } from '../../db/web-uploads.js';
import { type FieldError, type FormEntries, valueField } from '../form-input.js';
import { FIELD_NAMES, W } from '../messages.js';
import { Files } from './files-section.js';
import { ErrorSummary, errorId, errorText, type FormNotice, Notice } from './form-notices.js';
import { Page } from './layout.js';

/** Everything the form page shows. */
export interface FormView {
  base: string;
  token: string;
  unitName: string;
  blocName: string;
  focalPointName: string;
  periods: { key: string; label: string; which: 'current' | 'previous'; reported: boolean; overdue: boolean }[];
  period: FlowPeriod;
  dueDate: string;
  lockDate: string;
  /** The last day the form takes the period (lastDayTaken): what the header promises. */
  lastDay: string;
  criteria: { criterion: FlowCriterion; target: number; total: number }[];
  entries: FormEntries;
  errors: FieldError[];
  pending: PendingUploadInfo[];
  stored: { revision: number; at: string; via: string; isNil: boolean; attachments: number } | null;
  reportBase: string;
  nonce: string;
  csrf: string;
  canNil: boolean;
  notice?: FormNotice;
  readOnly: boolean;
}

function PeriodChoice(props: { v: FormView }) {
  const v = props.v;
  return (
    <nav aria-label={W.choosePeriod}>
      {v.periods.length > 1 ? <p class="small">{W.choosePeriodPrompt}</p> : null}
      <ul class="periods">
        {v.periods.map((p) => (
          <li>
            <a href={`${v.base}/${v.token}?ky=${p.key}`} aria-current={p.key === v.period.key ? 'page' : undefined}>
              <span class={p.overdue ? 'tag overdue' : 'tag'}>{W.periodTag(p.which, p.reported, p.overdue)}</span>
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Criterion(props: { v: FormView; c: FormView['criteria'][number]; error: FieldError | undefined }) {
  const { c, error } = props;
  const name = valueField(c.criterion.id);
  const hintId = `hint-${name}`;
  const describedBy = error ? `${hintId} ${errorId(name)}` : hintId;
  return (
    <div class="field">
      <label for={name}>
        {W.criterionLabel(c.criterion)}
        <span class="hint" id={hintId}>
          {W.targetLine(c.criterion, c.target, c.total)}
        </span>
      </label>
      <div class="figure">
        <input
          type="text"
          id={name}
          name={name}
          value={props.v.entries.values[String(c.criterion.id)] ?? ''}
          inputmode={c.criterion.valueType === 'count' ? 'numeric' : 'decimal'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          readonly={props.v.readOnly}
        />
        <span class="unit">{W.criterionUnit(c.criterion)}</span>
      </div>
      {error ? (
        <p class="error" id={errorId(name)}>
          {errorText(error.error)}
        </p>
      ) : null}
    </div>
  );
}

/** The report form of one period: figures with targets beside them, texts, evidence, send; and "nothing new". */
export function FormPage(props: { v: FormView }) {
  const v = props.v;
  const errorOf = (field: string) => v.errors.find((e) => e.field === field);
  const year = v.period.key.slice(0, 4);
  const action = `${v.base}/${v.token}`;
  const submitLabel =
    v.notice?.kind === 'conflict' ? W.sendOver : v.stored ? W.sendRevision(v.stored.revision) : W.send;
  return (
    <Page base={v.base} title={W.pageTitle(v.unitName, v.period.label)}>
      <section class="card">
        <p class="who">{W.greeting(v.focalPointName, v.unitName, v.blocName)}</p>
        <h1>{W.pageTitle(v.unitName, v.period.label)}</h1>
        <PeriodChoice v={v} />
        <p class="small muted">{W.dueAndLock(v.dueDate, v.lastDay)}</p>
        {v.stored ? (
          <p class="small">
            {W.history(v.stored.revision, v.stored.at, v.stored.via)} {v.stored.isNil ? W.historyNil : ''}
          </p>
        ) : null}
      </section>
      <Notice notice={v.notice} />
      <ErrorSummary errors={v.errors} />
      {v.canNil && !v.readOnly ? (
        <form method="post" action={`${action}/nil`} class="card" id="nil-form">
          <h2>{W.nilTitle}</h2>
          <p class="small muted">{W.nilHint}</p>
          <input type="hidden" name="ky" value={v.period.key} />
          <input type="hidden" name="nonce" value={v.nonce} />
          <input type="hidden" name="csrf" value={v.csrf} />
          <button type="submit" class="secondary">
            {W.nilButton}
          </button>
        </form>
      ) : null}
      <form method="post" action={`${action}/send`} enctype="multipart/form-data" id="report-form">
        <input type="hidden" name="ky" value={v.period.key} />
        <input type="hidden" name="base" value={v.reportBase} />
        <input type="hidden" name="nonce" value={v.nonce} />
        <input type="hidden" name="csrf" value={v.csrf} />
        <section class="card">
          <h2>{W.criteriaTitle}</h2>
          {v.criteria.length === 0 ? (
            <p class="muted">{W.noCriteria(year)}</p>
          ) : (
            <p class="small muted">{W.criteriaHint}</p>
          )}
          {v.criteria.map((c) => (
            <Criterion v={v} c={c} error={errorOf(valueField(c.criterion.id))} />
          ))}
        </section>
        <section class="card">
          <h2>{W.textsTitle}</h2>
          {TEXT_FIELDS.map((f) => {
            const error = errorOf(f);
            return (
              <div class="field">
                <label for={f}>
                  {FIELD_NAMES[f]}
                  <span class="hint">{W.textHints[f]}</span>
                </label>
                <textarea
                  id={f}
                  name={f}
                  rows={4}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? errorId(f) : undefined}
                  readonly={v.readOnly}
                >
                  {v.entries.texts[f]}
                </textarea>
                {error ? (
                  <p class="error" id={errorId(f)}>
                    {errorText(error.error)}
                  </p>
                ) : null}
              </div>
            );
          })}
        </section>
        {v.readOnly ? null : <Files v={v} error={v.errors.filter((e) => e.field === 'tep')} />}
        {v.readOnly ? null : <button type="submit">{submitLabel}</button>}
      </form>
    </Page>
  );
}

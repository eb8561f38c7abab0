import type { CovenantCriterion } from '../../db/covenant.js';
import type { MemberUnit } from '../../db/units.js';
import type { FormState } from '../http/form.js';
import { common, covenantText as t } from '../messages.js';
import { showDate, showNumber } from '../ui/format.js';
import { ErrorSummary, Field, PostForm, SelectField } from '../ui/forms.js';

export interface CovenantView {
  blocId: number;
  year: number;
  years: number[];
  criteria: CovenantCriterion[];
  units: MemberUnit[];
  targets: Map<string, number>;
  signatures: Map<number, string>;
  canEdit: boolean;
  canCopy: boolean;
}

export function CriterionFields(props: { form: FormState; c?: CovenantCriterion }) {
  const c = props.c;
  return (
    <>
      <div class="inline-fields">
        <Field label={t.code} name="code" form={props.form} value={c?.code} hint={t.codeHint} required maxlength={20} />
        <SelectField
          label={t.kind}
          name="kind"
          form={props.form}
          value={c?.kind ?? 'quantitative'}
          options={[
            { value: 'quantitative', label: t.kinds.quantitative },
            { value: 'qualitative', label: t.kinds.qualitative },
          ]}
        />
      </div>
      <Field label={t.titleField} name="title" form={props.form} value={c?.title} required maxlength={300} />
      <div class="inline-fields">
        <SelectField
          label={t.valueType}
          name="valueType"
          form={props.form}
          value={c?.valueType ?? 'count'}
          options={(['count', 'decimal', 'percent'] as const).map((v) => ({ value: v, label: t.valueTypes[v] }))}
        />
        <Field
          label={t.unitOfMeasure}
          name="unitOfMeasure"
          form={props.form}
          value={c?.unitOfMeasure}
          hint={t.uomHint}
          maxlength={40}
        />
      </div>
      <div class="inline-fields">
        <Field
          label={t.defaultTarget}
          name="defaultTarget"
          form={props.form}
          value={c?.defaultTarget === null || c === undefined ? '' : showNumber(c.defaultTarget)}
          hint={t.defaultHint}
          inputmode="decimal"
        />
        <Field
          label={t.maxPoints}
          name="maxPoints"
          form={props.form}
          value={c ? showNumber(c.maxPoints) : '0'}
          inputmode="decimal"
        />
      </div>
    </>
  );
}

function Targets(props: { v: CovenantView; form: FormState }) {
  const quantitative = props.v.criteria.filter((c) => c.kind === 'quantitative');
  if (quantitative.length === 0) return <p class="muted">{t.noQuantitative}</p>;
  const base = `/blocs/${props.v.blocId}/covenant`;
  return (
    <PostForm action={`${base}/targets?year=${props.v.year}`}>
      <ErrorSummary form={props.form} />
      <div class="table-wrap">
        <table class="grid-table">
          <thead>
            <tr>
              <th>{t.unit}</th>
              {quantitative.map((c) => (
                <th class="num" title={c.title}>
                  {c.code}. {c.unitOfMeasure}
                  <div class="muted small">({showNumber(c.defaultTarget) || common.none})</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.v.units.map((u) => (
              <tr>
                <th scope="row">{u.shortName ?? u.name}</th>
                {quantitative.map((c) => {
                  const name = `t_${c.id}_${u.id}`;
                  const stored = props.v.targets.get(`${c.id}:${u.id}`);
                  const value = props.form.values[name] ?? (stored === undefined ? '' : showNumber(stored));
                  return (
                    <td class="num">
                      <CellInput
                        name={name}
                        value={value}
                        error={props.form.errors[name]}
                        inputmode="decimal"
                        label={`${u.name}: ${c.code}. ${c.title}`}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted small">{t.targetsHint}</p>
      {props.v.canEdit ? <button type="submit">{t.saveTargets}</button> : null}
    </PostForm>
  );
}

function Signatures(props: { v: CovenantView; form: FormState }) {
  const base = `/blocs/${props.v.blocId}/covenant`;
  return (
    <PostForm action={`${base}/signatures?year=${props.v.year}`}>
      <ErrorSummary form={props.form} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t.unit}</th>
              <th>{t.signedOn}</th>
            </tr>
          </thead>
          <tbody>
            {props.v.units.map((u) => {
              const name = `s_${u.id}`;
              return (
                <tr>
                  <th scope="row">{u.name}</th>
                  <td>
                    <CellInput
                      name={name}
                      value={props.form.values[name] ?? showDate(props.v.signatures.get(u.id))}
                      error={props.form.errors[name]}
                      inputmode="numeric"
                      date
                      label={`${u.name}: ${t.signedOn}`}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="muted small">{t.signaturesHint}</p>
      {props.v.canEdit ? <button type="submit">{t.saveSignatures}</button> : null}
    </PostForm>
  );
}

export function CovenantPage(props: {
  v: CovenantView;
  addForm: FormState;
  targetsForm: FormState;
  signaturesForm: FormState;
  copyError?: string;
}) {
  const v = props.v;
  const base = `/blocs/${v.blocId}/covenant`;
  return (
    <>
      <h1>{t.title(v.year)}</h1>
      <p class="actions">
        {t.years}
        {v.years.map((y) => (y === v.year ? <b>{y}</b> : <a href={`${base}?year=${y}`}>{y}</a>))}
      </p>
      {props.copyError ? (
        <div class="alert error" role="alert">
          {props.copyError}
        </div>
      ) : null}
      <section class="card">
        <h2>{t.criteriaTitle}</h2>
        {v.criteria.length === 0 ? (
          <>
            <p>{t.none(v.year)}</p>
            {v.canEdit && v.canCopy ? (
              <PostForm action={`${base}/copy?year=${v.year}`} long={t.copying}>
                <button type="submit">{t.copy(v.year - 1)}</button>
              </PostForm>
            ) : null}
          </>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colCode}</th>
                  <th>{t.colTitle}</th>
                  <th class="hide-phone">{t.colKind}</th>
                  <th class="hide-phone">{t.colUnit}</th>
                  <th class="num hide-phone">{t.colDefault}</th>
                  <th class="num hide-phone">{t.colPoints}</th>
                  {v.canEdit ? <th></th> : null}
                </tr>
              </thead>
              <tbody>
                {v.criteria.map((c) => (
                  <tr>
                    <td>{c.code}</td>
                    <td>{c.title}</td>
                    <td class="hide-phone">{t.kinds[c.kind]}</td>
                    <td class="hide-phone">{c.unitOfMeasure ?? ''}</td>
                    <td class="num hide-phone">{showNumber(c.defaultTarget)}</td>
                    <td class="num hide-phone">{showNumber(c.maxPoints)}</td>
                    {v.canEdit ? (
                      <td>
                        <a class="button secondary small" href={`${base}/criteria/${c.id}`}>
                          {common.edit}
                        </a>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {v.canEdit ? (
        <section class="card" id="add">
          <h2>{t.addTitle}</h2>
          <ErrorSummary form={props.addForm} />
          <PostForm action={`${base}/criteria?year=${v.year}`}>
            <CriterionFields form={props.addForm} />
            <button type="submit">{common.add}</button>
          </PostForm>
        </section>
      ) : null}
      <section class="card" id="targets">
        <h2>{t.targetsTitle}</h2>
        <Targets v={v} form={props.targetsForm} />
      </section>
      <section class="card" id="signatures">
        <h2>{t.signaturesTitle}</h2>
        <Signatures v={v} form={props.signaturesForm} />
      </section>
    </>
  );
}

export function CriterionPage(props: { blocId: number; c: CovenantCriterion; form: FormState; deleteError?: string }) {
  const base = `/blocs/${props.blocId}/covenant`;
  return (
    <section class="card">
      <h1>{t.editTitle(props.c.code)}</h1>
      <ErrorSummary form={props.form} />
      <PostForm action={`${base}/criteria/${props.c.id}`}>
        <CriterionFields form={props.form} c={props.c} />
        <div class="actions">
          <button type="submit">{common.save}</button>
          <a href={`${base}?year=${props.c.year}`}>{common.back}</a>
        </div>
      </PostForm>
      <h2>{t.delete}</h2>
      {props.deleteError ? (
        <div class="alert error" role="alert">
          {props.deleteError}
        </div>
      ) : null}
      <PostForm action={`${base}/criteria/${props.c.id}/delete`} confirm={t.deleteConfirm}>
        <button type="submit" class="secondary">
          {t.delete}
        </button>
      </PostForm>
    </section>
  );
}

/** One editable cell of a grid form, with its error under it. */
function CellInput(props: {
  name: string;
  value: string;
  error: string | undefined;
  label: string;
  inputmode: 'decimal' | 'numeric';
  date?: boolean;
}) {
  return (
    <>
      <input
        class={props.date ? 'cell-input date' : 'cell-input'}
        type="text"
        inputmode={props.inputmode}
        placeholder={props.date ? common.datePlaceholder : undefined}
        name={props.name}
        value={props.value}
        aria-label={props.label}
        aria-invalid={props.error ? 'true' : undefined}
      />
      {props.error ? <div class="error small">{props.error}</div> : null}
    </>
  );
}

import type { CriterionAssessment } from '../../db/score-adjustments.js';
import type { MemberUnit } from '../../db/units.js';
import type { SummaryCriterion } from '../../summaries/bloc-summary.js';
import { emptyForm, type FormState } from '../http/form.js';
import { common, scoringText as t } from '../messages.js';
import { showDateTime, showNumber } from '../ui/format.js';
import { ErrorSummary, Field, PostForm, SelectField } from '../ui/forms.js';

/** The form being shown again after a refusal, by `${criterionId}-${unitId}`. */
export interface AssessmentFormState {
  key: string;
  form: FormState;
}

function Status(props: { assessment: CriterionAssessment | undefined; timeZone: string }) {
  const a = props.assessment;
  if (!a) return <span class="badge neutral">{t.unassessed}</span>;
  return (
    <>
      <span class={`badge ${a.met ? 'reported' : 'missing'}`}>{a.met ? t.met : t.notMet}</span>
      {a.note ? <div class="small">{a.note}</div> : null}
      <div class="small muted">{t.assessedBy(a.assessedBy, showDateTime(a.assessedAt, props.timeZone))}</div>
    </>
  );
}

function UnitRow(props: {
  blocId: number;
  criterion: SummaryCriterion;
  unit: MemberUnit;
  assessment: CriterionAssessment | undefined;
  canEdit: boolean;
  shown: AssessmentFormState | null;
  timeZone: string;
}) {
  const key = `${props.criterion.criterionId}-${props.unit.id}`;
  const form = props.shown?.key === key ? props.shown.form : emptyForm;
  return (
    <div class="assess-row" id={`assess-${key}`}>
      <div class="assess-unit">
        <b>{props.unit.name}</b>
        <div>
          <Status assessment={props.assessment} timeZone={props.timeZone} />
        </div>
      </div>
      {props.canEdit ? (
        <PostForm
          action={`/blocs/${props.blocId}/scoring/assessments/${props.criterion.criterionId}/${props.unit.id}#assess-${key}`}
          class="assess-form"
        >
          <ErrorSummary form={form} />
          <div class="inline-fields">
            <SelectField
              label={t.result}
              name="met"
              id={`a-${key}-met`}
              form={form}
              value={props.assessment?.met === false ? 'not_met' : 'met'}
              options={[
                { value: 'met', label: t.met },
                { value: 'not_met', label: t.notMet },
              ]}
            />
            <Field
              label={t.note}
              name="note"
              id={`a-${key}-note`}
              form={form}
              value={props.assessment?.note}
              placeholder={t.notePlaceholder}
              maxlength={500}
            />
          </div>
          <button type="submit" class="secondary small">
            {common.save}
          </button>
        </PostForm>
      ) : null}
    </div>
  );
}

/** Met / not met per qualitative criterion and unit; with no entry a unit counts as met. */
export function AssessmentSection(props: {
  blocId: number;
  criteria: SummaryCriterion[];
  units: MemberUnit[];
  assessments: CriterionAssessment[];
  canEdit: boolean;
  shown: AssessmentFormState | null;
  timeZone: string;
}) {
  const qualitative = props.criteria.filter((c) => c.kind === 'qualitative');
  return (
    <section class="card" id="assessments">
      <h2>{t.assessmentsTitle}</h2>
      <p class="muted">{t.assessmentsIntro}</p>
      {qualitative.length === 0 ? <p>{t.noQualitative}</p> : null}
      {qualitative.map((c) => (
        <div class="assess-criterion">
          <h3>{t.criterionHeading(c.code, c.title, showNumber(c.maxPoints))}</h3>
          {props.units.map((u) => (
            <UnitRow
              blocId={props.blocId}
              criterion={c}
              unit={u}
              assessment={props.assessments.find((a) => a.criterionId === c.criterionId && a.unitId === u.id)}
              canEdit={props.canEdit}
              shown={props.shown}
              timeZone={props.timeZone}
            />
          ))}
        </div>
      ))}
    </section>
  );
}

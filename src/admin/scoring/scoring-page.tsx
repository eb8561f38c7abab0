import { emptyForm, type FormState } from '../http/form.js';
import { scoringText as t } from '../messages.js';
import { AdjustmentSection } from './adjustment-section.js';
import { type AssessmentFormState, AssessmentSection } from './assessment-section.js';
import { FiguresAsOf, Leaders, ScoreTable } from './score-table.js';
import type { ScoringView } from './scoring-data.js';
import { SummaryTabs } from './summary-tabs.js';

/** Forms shown again after a refusal, with what was typed and the messages. */
export interface ScoringForms {
  adjustment?: FormState;
  assessment?: AssessmentFormState;
}

function YearChoice(props: { view: ScoringView }) {
  return (
    <p class="actions">
      {t.year}:
      {props.view.years.map((y) =>
        y === props.view.year ? <b>{y}</b> : <a href={`/blocs/${props.view.blocId}/scoring?year=${y}`}>{y}</a>,
      )}
    </p>
  );
}

/** /blocs/:blocId/scoring: the self-scoring table, the bonus and deduction entries, the qualitative assessments. */
export function ScoringPage(props: { view: ScoringView; canEdit: boolean; forms: ScoringForms; timeZone: string }) {
  const { view } = props;
  const pastYear = view.year < Number(view.today.slice(0, 4));
  return (
    <>
      <SummaryTabs blocId={view.blocId} current="scoring" />
      <h1>{t.title(view.year)}</h1>
      <YearChoice view={view} />
      {props.canEdit ? null : <p class="muted small">{t.readOnly}</p>}
      {view.summary ? (
        <>
          <FiguresAsOf summary={view.summary} pastYear={pastYear} />
          <Leaders summary={view.summary} />
          <ScoreTable summary={view.summary} />
        </>
      ) : (
        <div class="alert info" role="status">
          {t.noCovenant} <a href={`/blocs/${view.blocId}/covenant?year=${view.year}`}>{t.toCovenant}</a>
        </div>
      )}
      <AdjustmentSection
        blocId={view.blocId}
        year={view.year}
        adjustments={view.adjustments}
        units={view.yearUnits}
        canEdit={props.canEdit}
        form={props.forms.adjustment ?? emptyForm}
        timeZone={props.timeZone}
      />
      {view.summary ? (
        <AssessmentSection
          blocId={view.blocId}
          criteria={view.summary.criteria}
          units={view.yearUnits}
          assessments={view.assessments}
          canEdit={props.canEdit}
          shown={props.forms.assessment ?? null}
          timeZone={props.timeZone}
        />
      ) : null}
    </>
  );
}

import type { ScoreAdjustment } from '../../db/score-adjustments.js';
import type { MemberUnit } from '../../db/units.js';
import type { FormState } from '../http/form.js';
import { common, scoringText as t } from '../messages.js';
import { showDateTime, showNumber } from '../ui/format.js';
import { ErrorSummary, Field, PostForm, SelectField, TextArea } from '../ui/forms.js';

function AdjustmentForm(props: { blocId: number; year: number; units: MemberUnit[]; form: FormState }) {
  const { form } = props;
  return (
    <>
      <h3>{t.addAdjustment}</h3>
      <ErrorSummary form={form} />
      <PostForm action={`/blocs/${props.blocId}/scoring/adjustments#adjust`} id="adjust">
        <input type="hidden" name="year" value={String(props.year)} />
        <div class="inline-fields">
          <SelectField
            label={t.unit}
            name="unitId"
            form={form}
            empty={t.chooseUnit}
            options={props.units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <SelectField
            label={t.kind}
            name="kind"
            form={form}
            value="bonus"
            options={[
              { value: 'bonus', label: t.kinds.bonus },
              { value: 'deduction', label: t.kinds.deduction },
            ]}
          />
          <Field label={t.points} name="points" form={form} inputmode="decimal" hint={t.pointsHint} maxlength={20} />
        </div>
        <TextArea label={t.reason} name="reason" form={form} hint={t.reasonHint} rows={2} />
        <button type="submit">{common.add}</button>
      </PostForm>
    </>
  );
}

/** The bonus and deduction entries of the year, with who entered them, when and why. */
export function AdjustmentSection(props: {
  blocId: number;
  year: number;
  adjustments: ScoreAdjustment[];
  units: MemberUnit[];
  canEdit: boolean;
  form: FormState;
  timeZone: string;
}) {
  const names = new Map(props.units.map((u) => [u.id, u.name]));
  return (
    <section class="card" id="adjustments">
      <h2>{t.adjustmentsTitle}</h2>
      {props.adjustments.length === 0 ? (
        <p class="muted">{t.noAdjustments}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t.colUnit}</th>
                <th>{t.colKind}</th>
                <th class="num">{t.colPoints}</th>
                <th>{t.colReason}</th>
                <th>{t.colBy}</th>
                <th>{t.colAt}</th>
                {props.canEdit ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {props.adjustments.map((a) => (
                <tr>
                  <td>{names.get(a.unitId) ?? `#${a.unitId}`}</td>
                  <td>{t.kinds[a.kind]}</td>
                  <td class="num">{`${a.kind === 'bonus' ? '+' : '−'}${showNumber(a.points)}`}</td>
                  <td>{a.reason}</td>
                  <td>{a.createdBy}</td>
                  <td class="nowrap">{showDateTime(a.createdAt, props.timeZone)}</td>
                  {props.canEdit ? (
                    <td>
                      <PostForm
                        action={`/blocs/${props.blocId}/scoring/adjustments/${a.id}/delete`}
                        confirm={t.removeConfirm}
                      >
                        <button type="submit" class="secondary small">
                          {t.remove}
                        </button>
                      </PostForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canEdit ? (
        <AdjustmentForm blocId={props.blocId} year={props.year} units={props.units} form={props.form} />
      ) : null}
    </section>
  );
}

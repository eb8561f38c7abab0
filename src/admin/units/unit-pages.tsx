import type { BlocMembership, MembershipRow, Unit } from '../../db/units.js';
import type { FormState } from '../http/form.js';
import { common, unitsText as t } from '../messages.js';
import { showDate } from '../ui/format.js';
import { DateField, ErrorSummary, Field, PostForm } from '../ui/forms.js';

export function UnitFields(props: {
  form: FormState;
  unit?: Unit;
  membership?: BlocMembership;
  joinedDefault?: string;
}) {
  return (
    <>
      <Field
        label={t.name}
        name="name"
        form={props.form}
        value={props.unit?.name}
        hint={t.nameHint}
        required
        maxlength={200}
      />
      <Field
        label={t.shortName}
        name="shortName"
        form={props.form}
        value={props.unit?.shortName}
        hint={t.shortHint}
        maxlength={60}
      />
      <div class="inline-fields">
        <DateField
          label={t.joinedOn}
          name="joinedOn"
          form={props.form}
          value={showDate(props.membership?.joinedOn ?? props.joinedDefault)}
          required
        />
        {props.membership ? (
          <DateField
            label={t.leftOn}
            name="leftOn"
            form={props.form}
            value={showDate(props.membership.leftOn)}
            hint={t.leftHint}
          />
        ) : null}
      </div>
    </>
  );
}

function MoveButtons(props: { base: string; row: MembershipRow; first: boolean; last: boolean }) {
  const action = `${props.base}/${props.row.unitId}/move`;
  return (
    <div class="actions">
      <PostForm action={action}>
        <input type="hidden" name="direction" value="up" />
        <button type="submit" class="secondary small" disabled={props.first} aria-label={t.moveUpLabel(props.row.name)}>
          ↑<span class="phone-hidden-text"> {t.moveUp}</span>
        </button>
      </PostForm>
      <PostForm action={action}>
        <input type="hidden" name="direction" value="down" />
        <button
          type="submit"
          class="secondary small"
          disabled={props.last}
          aria-label={t.moveDownLabel(props.row.name)}
        >
          ↓<span class="phone-hidden-text"> {t.moveDown}</span>
        </button>
      </PostForm>
    </div>
  );
}

export function UnitsPage(props: {
  blocId: number;
  rows: MembershipRow[];
  today: string;
  form: FormState;
  canEdit: boolean;
}) {
  const base = `/blocs/${props.blocId}/units`;
  const current = props.rows.filter((r) => r.leftOn === null || r.leftOn >= props.today);
  const former = props.rows.filter((r) => !current.includes(r));
  const table = (rows: MembershipRow[], movable: boolean) => (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th class="num">{t.colOrder}</th>
            <th>{t.colName}</th>
            <th class="hide-phone">{t.colShort}</th>
            <th>{t.colJoined}</th>
            {movable ? null : <th>{t.colLeft}</th>}
            <th class="num hide-phone">{t.colFocal}</th>
            {props.canEdit ? <th></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr>
              <td class="num">{i + 1}</td>
              <td>{r.name}</td>
              <td class="hide-phone">{r.shortName ?? ''}</td>
              <td>{showDate(r.joinedOn)}</td>
              {movable ? null : <td>{showDate(r.leftOn)}</td>}
              <td class="num hide-phone">
                <a href={`/blocs/${props.blocId}/focal-points#unit-${r.unitId}`}>{r.activeFocalPoints}</a>
              </td>
              {props.canEdit ? (
                <td>
                  <div class="actions">
                    <a class="button secondary small" href={`${base}/${r.unitId}`}>
                      {common.edit}
                    </a>
                    {movable ? <MoveButtons base={base} row={r} first={i === 0} last={i === rows.length - 1} /> : null}
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <h1>{t.title}</h1>
      <section class="card">
        <h2>{t.current}</h2>
        <p class="muted small">{t.intro}</p>
        {current.length === 0 ? <p>{t.none}</p> : table(current, true)}
      </section>
      {former.length > 0 ? (
        <section class="card">
          <h2>{t.former}</h2>
          {table(former, false)}
        </section>
      ) : null}
      {props.canEdit ? (
        <section class="card" id="add">
          <h2>{t.addTitle}</h2>
          <ErrorSummary form={props.form} />
          <PostForm action={base}>
            <UnitFields form={props.form} joinedDefault={props.today} />
            <button type="submit">{common.add}</button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

export function UnitEditPage(props: {
  blocId: number;
  unit: Unit;
  membership: BlocMembership;
  form: FormState;
  rejoinForm: FormState;
}) {
  const base = `/blocs/${props.blocId}/units/${props.unit.id}`;
  return (
    <>
      <section class="card">
        <h1>{t.editTitle(props.unit.name)}</h1>
        <ErrorSummary form={props.form} />
        <PostForm action={base}>
          <UnitFields form={props.form} unit={props.unit} membership={props.membership} />
          <div class="actions">
            <button type="submit">{common.save}</button>
            <a href={`/blocs/${props.blocId}/units`}>{common.back}</a>
          </div>
        </PostForm>
      </section>
      {props.membership.leftOn ? (
        <section class="card">
          <h2>{t.rejoinTitle}</h2>
          <ErrorSummary form={props.rejoinForm} />
          <PostForm action={`${base}/rejoin`}>
            <DateField label={t.rejoinOn} name="joinedOn" form={props.rejoinForm} required />
            <button type="submit">{t.rejoin}</button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

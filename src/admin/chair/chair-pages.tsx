import type { Bloc } from '../../db/blocs.js';
import type { RotationPolicy } from '../../db/schema.js';
import type { FormState } from '../http/form.js';
import { chairText as t, common, policyNames } from '../messages.js';
import { showDate } from '../ui/format.js';
import { DateField, ErrorSummary, type Option, PostForm, SelectField, TextArea } from '../ui/forms.js';
import type { RotationState } from './rotation.js';

const POLICIES: RotationPolicy[] = ['deputy_becomes_chair', 'agreed_order', 'explicit'];

function CurrentTerm(props: { s: RotationState }) {
  const cur = props.s.current;
  if (!cur) return <p>{t.noTerm}</p>;
  return (
    <dl class="facts">
      <dt>{t.chair}</dt>
      <dd>
        <b>{cur.chairName}</b>
      </dd>
      <dt>{t.deputy}</dt>
      <dd>{cur.deputyName ?? common.none}</dd>
      <dt>{t.chosenBy}</dt>
      <dd>{t.chosenByNames[cur.chosenBy]}</dd>
    </dl>
  );
}

function RotationOrder(props: { blocId: number; s: RotationState; canEdit: boolean }) {
  const base = `/blocs/${props.blocId}/chair/order`;
  const n = props.s.order.length;
  return (
    <ol>
      {props.s.order.map((u, i) => (
        <li>
          <div class="actions">
            <span>{u.name}</span>
            {props.canEdit ? (
              <>
                <PostForm action={`${base}/${u.id}/move`}>
                  <input type="hidden" name="direction" value="up" />
                  <button type="submit" class="secondary small" disabled={i === 0} aria-label={`${u.name}: lên`}>
                    ↑
                  </button>
                </PostForm>
                <PostForm action={`${base}/${u.id}/move`}>
                  <input type="hidden" name="direction" value="down" />
                  <button type="submit" class="secondary small" disabled={i === n - 1} aria-label={`${u.name}: xuống`}>
                    ↓
                  </button>
                </PostForm>
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

function Handover(props: { blocId: number; s: RotationState; form: FormState; today: string }) {
  const cur = props.s.current!;
  const units: Option[] = props.s.members.map((u) => ({ value: u.id, label: u.name }));
  const name = (id: number) => props.s.members.find((u) => u.id === id)?.name ?? String(id);
  const p = props.s.proposal;
  const choice = props.form.values.choice ?? (p ? 'proposal' : 'other');
  return (
    <section class="card" id="handover">
      <h2>{t.handoverTitle(cur.year + 1)}</h2>
      <p class="muted small">{t.handoverIntro}</p>
      <ErrorSummary form={props.form} />
      {props.s.proposalProblem ? <div class="alert error">{props.s.proposalProblem}</div> : null}
      <PostForm action={`/blocs/${props.blocId}/chair/handover`} confirm={t.handoverConfirm}>
        <fieldset class="field">
          <legend>{t.choice}</legend>
          {p ? (
            <label class="check">
              <input type="radio" name="choice" value="proposal" checked={choice === 'proposal'} />
              {t.useProposal}: {t.proposal(name(p.chairUnitId), name(p.deputyUnitId))}
            </label>
          ) : (
            <p class="muted">{t.noProposal}</p>
          )}
          <label class="check">
            <input type="radio" name="choice" value="other" checked={choice === 'other'} />
            {t.useOther}
          </label>
          {props.form.errors.choice ? <div class="error">{props.form.errors.choice}</div> : null}
          <div class="inline-fields">
            <SelectField
              label={t.chair}
              name="chairUnitId"
              form={props.form}
              options={units}
              empty={t.chooseUnit}
              hint={p ? t.otherHint : undefined}
            />
            <SelectField label={t.deputy} name="deputyUnitId" form={props.form} options={units} empty={t.chooseUnit} />
          </div>
        </fieldset>
        <DateField
          label={t.handedOverOn}
          name="handedOverOn"
          form={props.form}
          value={showDate(props.today)}
          required
        />
        <TextArea label={t.note} name="note" form={props.form} hint={t.noteHint} maxlength={500} />
        <button type="submit">{t.handover}</button>
      </PostForm>
    </section>
  );
}

function FirstTerm(props: { blocId: number; s: RotationState; form: FormState; year: number }) {
  const units: Option[] = props.s.members.map((u) => ({ value: u.id, label: u.name }));
  return (
    <section class="card">
      <h2>{t.firstTitle}</h2>
      <ErrorSummary form={props.form} />
      <PostForm action={`/blocs/${props.blocId}/chair/first`}>
        <div class="inline-fields">
          <SelectField
            label={t.year}
            name="year"
            form={props.form}
            value={props.year}
            options={[props.year - 1, props.year, props.year + 1].map((y) => ({ value: y, label: String(y) }))}
          />
          <SelectField label={t.chair} name="chairUnitId" form={props.form} options={units} empty={t.chooseUnit} />
          <SelectField label={t.deputy} name="deputyUnitId" form={props.form} options={units} empty={t.chooseUnit} />
        </div>
        <button type="submit">{t.record}</button>
      </PostForm>
    </section>
  );
}

export function ChairPage(props: {
  bloc: Bloc;
  s: RotationState;
  canEdit: boolean;
  form: FormState;
  policyForm: FormState;
  today: string;
}) {
  const { bloc, s } = props;
  const year = Number(props.today.slice(0, 4));
  return (
    <>
      <h1>{t.title}</h1>
      <div class="grid">
        <section class="card">
          <h2>{s.current ? t.currentTitle(s.current.year) : t.chair}</h2>
          <CurrentTerm s={s} />
        </section>
        <section class="card">
          <h2>{t.policyTitle}</h2>
          {props.canEdit ? (
            <PostForm action={`/blocs/${bloc.id}/chair/policy`}>
              <ErrorSummary form={props.policyForm} />
              <SelectField
                label={t.policy}
                name="policy"
                form={props.policyForm}
                value={bloc.rotationPolicy}
                options={POLICIES.map((p) => ({ value: p, label: policyNames[p] }))}
              />
              <button type="submit" class="secondary">
                {t.savePolicy}
              </button>
            </PostForm>
          ) : (
            <p>{policyNames[bloc.rotationPolicy]}</p>
          )}
        </section>
      </div>
      <section class="card">
        <h2>{t.orderTitle}</h2>
        <p class="muted small">{t.orderHint}</p>
        <RotationOrder blocId={bloc.id} s={s} canEdit={props.canEdit} />
      </section>
      {props.canEdit ? (
        s.current ? (
          <Handover blocId={bloc.id} s={s} form={props.form} today={props.today} />
        ) : (
          <FirstTerm blocId={bloc.id} s={s} form={props.form} year={year} />
        )
      ) : null}
      <section class="card">
        <h2>{t.historyTitle}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t.colYear}</th>
                <th>{t.chair}</th>
                <th>{t.deputy}</th>
                <th class="hide-phone">{t.chosenBy}</th>
                <th>{t.colHandedOver}</th>
                <th class="hide-phone">{t.colNote}</th>
              </tr>
            </thead>
            <tbody>
              {s.history.map((y) => (
                <tr>
                  <td>
                    {y.year}{' '}
                    {y.status !== 'closed' ? (
                      <span class={`badge ${y.status === 'open' ? 'reported' : 'neutral'}`}>{t.status[y.status]}</span>
                    ) : null}
                  </td>
                  <td>{y.chairName}</td>
                  <td>{y.deputyName ?? common.none}</td>
                  <td class="hide-phone">{t.chosenByNames[y.chosenBy]}</td>
                  <td>{showDate(y.handedOverOn)}</td>
                  <td class="hide-phone small">{y.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

import type { ReminderPolicy } from '../../core/reminder-policy.js';
import type { DigestSchedule } from '../../core/digest-schedule.js';
import type { Bloc } from '../../db/blocs.js';
import { WEEKDAY_NAMES } from '../../summaries/messages.js';
import type { FormState } from '../http/form.js';
import { scheduleText as t } from '../messages.js';
import { CheckField, ErrorSummary, Field, PostForm, SelectField } from '../ui/forms.js';

export interface ScheduleView {
  bloc: Bloc;
  canEdit: boolean;
  example: string;
  policy: ReminderPolicy;
  digest: DigestSchedule;
}

export interface ScheduleForms {
  reporting?: FormState;
  reminders?: FormState;
  digest?: FormState;
}

const empty: FormState = { values: {}, errors: {} };
const dayMonth = (md: string) => `${md.slice(3, 5)}/${md.slice(0, 2)}`;

function Submit(props: { canEdit: boolean }) {
  return props.canEdit ? <button type="submit">{t.save}</button> : null;
}

export function SchedulePage(props: { v: ScheduleView; forms: ScheduleForms }) {
  const { bloc, policy, digest, canEdit } = props.v;
  const base = `/blocs/${bloc.id}/schedule`;
  const rf = props.forms.reporting ?? empty;
  const mf = props.forms.reminders ?? empty;
  const df = props.forms.digest ?? empty;
  return (
    <>
      <h1>{t.title}</h1>
      <section class="card" id="reporting">
        <h2>{t.reportingTitle}</h2>
        <ErrorSummary form={rf} />
        <PostForm action={`${base}/reporting`}>
          <SelectField
            label={t.cadence}
            name="cadence"
            form={rf}
            value={bloc.reportingCadence}
            hint={t.cadenceHint}
            options={[
              { value: 'week', label: t.cadences.week },
              { value: 'month', label: t.cadences.month },
            ]}
          />
          <div class="inline-fields">
            <Field
              label={t.graceDays}
              name="graceDays"
              form={rf}
              value={bloc.graceDays}
              hint={t.graceHint}
              inputmode="numeric"
            />
            <Field
              label={t.lockDays}
              name="lockDays"
              form={rf}
              value={bloc.lockDays}
              hint={t.lockHint}
              inputmode="numeric"
            />
          </div>
          <p class="muted small">{props.v.example}</p>
          <Submit canEdit={canEdit} />
        </PostForm>
      </section>
      <section class="card" id="reminders">
        <h2>{t.remindersTitle}</h2>
        <ErrorSummary form={mf} />
        <PostForm action={`${base}/reminders`}>
          <CheckField label={t.enabled} name="enabled" form={mf} checked={policy.enabled} />
          <div class="inline-fields">
            <Field
              label={t.beforeDays}
              name="beforeDays"
              form={mf}
              value={policy.beforeDays}
              hint={t.beforeDaysHint}
              inputmode="numeric"
            />
            <Field label={t.beforeTime} name="beforeTime" form={mf} value={policy.beforeTime} inputmode="numeric" />
          </div>
          <div class="inline-fields">
            <Field label={t.afterTime} name="afterTime" form={mf} value={policy.afterTime} inputmode="numeric" />
            <Field
              label={t.afterEveryDays}
              name="afterEveryDays"
              form={mf}
              value={policy.afterEveryDays}
              inputmode="numeric"
            />
            <Field label={t.afterMax} name="afterMax" form={mf} value={policy.afterMax} inputmode="numeric" />
          </div>
          <SelectField
            label={t.escalateTo}
            name="escalateTo"
            form={mf}
            value={policy.escalateTo}
            options={(['none', 'chair', 'unit_head'] as const).map((v) => ({ value: v, label: t.escalations[v] }))}
          />
          <h3>{t.quietTitle}</h3>
          <p class="muted small">{t.quietHint}</p>
          <div class="inline-fields">
            <Field label={t.sendFrom} name="sendFrom" form={mf} value={policy.sendFrom} inputmode="numeric" />
            <Field label={t.sendUntil} name="sendUntil" form={mf} value={policy.sendUntil} inputmode="numeric" />
          </div>
          <CheckField label={t.sendOnWeekends} name="sendOnWeekends" form={mf} checked={policy.sendOnWeekends} />
          <Submit canEdit={canEdit} />
        </PostForm>
      </section>
      <section class="card" id="digest">
        <h2>{t.digestTitle}</h2>
        <ErrorSummary form={df} />
        <PostForm action={`${base}/digest`}>
          <CheckField label={t.digestEnabled} name="enabled" form={df} checked={digest.enabled} />
          <div class="inline-fields">
            <SelectField
              label={t.digestWeekday}
              name="weekday"
              form={df}
              value={digest.digestWeekday}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: WEEKDAY_NAMES[d] ?? String(d) }))}
            />
            <Field label={t.digestTime} name="time" form={df} value={digest.digestTime} inputmode="numeric" />
          </div>
          <div class="inline-fields">
            <Field
              label={t.midYearOn}
              name="midYearOn"
              form={df}
              value={dayMonth(digest.midYearOn)}
              inputmode="numeric"
            />
            <Field label={t.annualOn} name="annualOn" form={df} value={dayMonth(digest.annualOn)} inputmode="numeric" />
            <Field label={t.summaryTime} name="summaryTime" form={df} value={digest.summaryTime} inputmode="numeric" />
          </div>
          <Submit canEdit={canEdit} />
        </PostForm>
      </section>
    </>
  );
}

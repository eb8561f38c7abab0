import type { FocalPoint } from '../../db/focal-points.js';
import type { Invite } from '../../db/invites.js';
import type { ContactAddress } from '../../db/contact-addresses.js';
import { EmailAddressSection, type EmailAddressView } from './email-address-section.js';
import type { LastReport } from '../../db/focal-point-admin.js';
import type { FormState } from '../http/form.js';
import { cliIdsText as ids, common, focalText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';
import { ErrorSummary, Field, type Option, PostForm, SelectField } from '../ui/forms.js';
import type { ChannelReachView } from './channel-reach.js';
import { ContactAddressSection } from './contact-address-section.js';
import { PersonalLinkSection } from './personal-link-section.js';
import type { PersonalLinkView } from './personal-link-view.js';

export interface UnitGroup {
  unitId: number;
  name: string;
  current: boolean;
  focalPoints: FocalPoint[];
}

export function FocalPointFields(props: {
  form: FormState;
  units: Option[];
  focalPoint?: FocalPoint;
  unitId?: number;
}) {
  return (
    <>
      <SelectField
        label={t.unit}
        name="unitId"
        form={props.form}
        options={props.units}
        value={props.focalPoint?.unitId ?? props.unitId}
      />
      <Field
        label={t.fullName}
        name="fullName"
        form={props.form}
        value={props.focalPoint?.fullName}
        required
        maxlength={120}
      />
      <div class="inline-fields">
        <Field
          label={t.position}
          name="position"
          form={props.form}
          value={props.focalPoint?.position}
          maxlength={120}
        />
        <Field
          label={t.phone}
          name="phone"
          form={props.form}
          value={props.focalPoint?.phone}
          hint={t.phoneHint}
          inputmode="tel"
          maxlength={30}
        />
      </div>
      <SelectField
        label={t.role}
        name="role"
        form={props.form}
        value={props.focalPoint?.role ?? 'focal_point'}
        options={[
          { value: 'focal_point', label: t.roles.focal_point },
          { value: 'unit_head', label: t.roles.unit_head },
        ]}
      />
    </>
  );
}

function TelegramCell(props: { fp: FocalPoint }) {
  if (props.fp.status === 'left') return <span class="badge neutral">{t.left}</span>;
  return props.fp.linkedAt ? (
    <span class="badge reported">{t.linked}</span>
  ) : (
    <span class="badge missing">{t.notLinked}</span>
  );
}

export function FocalPointsPage(props: {
  blocId: number;
  groups: UnitGroup[];
  lastReports: Map<number, LastReport>;
  units: Option[];
  form: FormState;
  canEdit: boolean;
  timeZone: string;
}) {
  const base = `/blocs/${props.blocId}/focal-points`;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <p class="muted small">{ids.focalPoints(props.blocId)}</p>
      {props.groups.length === 0 ? <p class="card">{t.noUnits}</p> : null}
      {props.groups.map((g) => (
        <section class="card" id={`unit-${g.unitId}`}>
          <h2>
            {g.name} <span class="muted small">({ids.unit(g.unitId)})</span>
          </h2>
          {g.focalPoints.length === 0 ? (
            <p class="muted">{t.noneInUnit}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th class="num">{ids.colId}</th>
                    <th>{t.colName}</th>
                    <th class="hide-phone">{t.colPosition}</th>
                    <th class="hide-phone">{t.colPhone}</th>
                    <th>{t.colTelegram}</th>
                    <th class="hide-phone">{t.colLastReport}</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  {g.focalPoints.map((fp) => {
                    const last = props.lastReports.get(fp.id);
                    return (
                      <tr>
                        <td class="num">{fp.id}</td>
                        <td>
                          {fp.fullName}{' '}
                          {fp.role === 'unit_head' ? <span class="badge neutral">{t.unitHead}</span> : null}
                        </td>
                        <td class="hide-phone">{fp.position ?? ''}</td>
                        <td class="hide-phone">{fp.phone ?? ''}</td>
                        <td>
                          <TelegramCell fp={fp} />
                        </td>
                        <td class="hide-phone small">
                          {last ? (
                            <a href={`/blocs/${props.blocId}/reports/${last.reportId}`}>
                              {t.lastReport(last.periodKey, showDateTime(last.updatedAt, props.timeZone))}
                            </a>
                          ) : (
                            <span class="muted">{t.noReport}</span>
                          )}
                        </td>
                        <td>
                          <a class="button secondary small" href={`${base}/${fp.id}`}>
                            {t.details}
                          </a>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {props.canEdit && props.units.length > 0 ? (
        <section class="card" id="add">
          <h2>{t.addTitle}</h2>
          <ErrorSummary form={props.form} />
          <PostForm action={base}>
            <FocalPointFields form={props.form} units={props.units} />
            <button type="submit">{common.add}</button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

export interface InviteView {
  invite: Invite;
  link: string | null;
  qr: string | null;
}

export function FocalPointPage(props: {
  blocId: number;
  fp: FocalPoint;
  unitName: string;
  units: Option[];
  form: FormState;
  invite: InviteView | null;
  personalLink: PersonalLinkView;
  addresses: ContactAddress[];
  email: EmailAddressView;
  reach?: ChannelReachView;
  canEdit: boolean;
  timeZone: string;
}) {
  const base = `/blocs/${props.blocId}/focal-points/${props.fp.id}`;
  const fp = props.fp;
  const active = fp.status === 'active';
  return (
    <>
      <h1>{t.editTitle(fp.fullName)}</h1>
      <p class="muted">{props.unitName}</p>
      <p class="muted small">{ids.focalPoint(fp.id, fp.unitId)}</p>
      <section class="card" id="invite">
        <h2>{t.inviteTitle}</h2>
        {fp.linkedAt ? (
          <p>
            {t.linkedSince(
              fp.telegramUsername ? `@${fp.telegramUsername}` : '',
              showDateTime(fp.linkedAt, props.timeZone),
            )}
          </p>
        ) : null}
        {!active ? <p>{t.deactivatedOn(showDateTime(fp.leftAt, props.timeZone))}</p> : null}
        {active && props.invite ? (
          <>
            <p class="small">{t.inviteExplain}</p>
            {props.invite.link ? (
              <>
                {props.invite.qr ? (
                  <img class="qr" src={props.invite.qr} alt={t.qrAlt(fp.fullName)} width="220" height="220" />
                ) : null}
                <p>
                  {t.inviteLink}:{' '}
                  <a href={props.invite.link} class="code">
                    {props.invite.link}
                  </a>
                </p>
              </>
            ) : (
              <div class="alert info">{t.botNotConnected}</div>
            )}
            <p>
              {t.inviteCode}: <span class="code">{props.invite.invite.code}</span>
            </p>
            <p class="muted small">{t.inviteExpires(showDateTime(props.invite.invite.expiresAt, props.timeZone))}</p>
          </>
        ) : active && !props.canEdit ? (
          <p class="muted">{t.inviteForEditorsOnly}</p>
        ) : active ? (
          <p class="muted">{t.noInvite}</p>
        ) : null}
        {active && props.canEdit ? (
          <>
            {fp.linkedAt ? <p class="muted small">{t.relinkHint}</p> : null}
            <PostForm action={`${base}/invite`} confirm={props.invite ? t.newInviteConfirm : undefined}>
              <button type="submit" class="secondary">
                {t.newInvite}
              </button>
            </PostForm>
          </>
        ) : null}
      </section>
      <ContactAddressSection
        action={`${base}/addresses`}
        addresses={props.addresses}
        reach={active ? props.reach : undefined}
        canEdit={props.canEdit && active}
        timeZone={props.timeZone}
      />
      <EmailAddressSection
        action={`${base}/email`}
        view={props.email}
        canEdit={props.canEdit && active}
        timeZone={props.timeZone}
      />
      <PersonalLinkSection
        action={`${base}/personal-link`}
        fp={fp}
        view={props.personalLink}
        timeZone={props.timeZone}
      />
      {props.canEdit && active ? (
        <section class="card">
          <h2>{common.edit}</h2>
          <ErrorSummary form={props.form} />
          <PostForm action={base}>
            <FocalPointFields form={props.form} units={props.units} focalPoint={fp} />
            <div class="actions">
              <button type="submit">{common.save}</button>
              <a href={`/blocs/${props.blocId}/focal-points`}>{common.back}</a>
            </div>
          </PostForm>
          <h3>{t.deactivate}</h3>
          <PostForm action={`${base}/deactivate`} confirm={t.deactivateConfirm}>
            <button type="submit" class="secondary">
              {t.deactivate}
            </button>
          </PostForm>
        </section>
      ) : (
        <p>
          <a href={`/blocs/${props.blocId}/focal-points`}>{common.back}</a>
        </p>
      )}
    </>
  );
}

import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { localDateOf } from '../../core/time.js';
import { createFocalPoint, deactivateFocalPoint } from '../../db/focal-points.js';
import {
  activeInviteOf,
  expireInvitesOf,
  lastReportByFocalPoint,
  listFocalPointsOfBloc,
  updateFocalPoint,
} from '../../db/focal-point-admin.js';
import { createInvite, inviteLink } from '../../db/invites.js';
import { listContactAddresses } from '../../db/contact-addresses.js';
import { activePersonalLinkOf, issuePersonalLink, revokePersonalLink } from '../../db/personal-links.js';
import { listMembershipRows } from '../../db/units.js';
import { canEditBloc, currentAdmin, forbidden, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { choice, id, optionalText, text } from '../http/fields.js';
import { emptyForm, type FormState, typedValues, validForm } from '../http/form.js';
import { focalText as t } from '../messages.js';
import type { Option } from '../ui/forms.js';
import { FocalPointPage, FocalPointsPage, type InviteView, type UnitGroup } from './focal-point-pages.js';
import { channelReachOf } from './channel-reach.js';
import { inviteQrDataUrl } from './invite-qr.js';
import { loadFocalPoint } from './load-focal-point.js';
import { contactAddressRoutes } from './contact-address-routes.js';
import { emailAddressOf, setEmailAddress } from '../../db/email-addresses.js';
import { emailAddressRoutes } from './email-address-routes.js';
import { personalLinkRoutes } from './personal-link-routes.js';
import { personalLinkView } from './personal-link-view.js';

const PHONE_RE = /^\+?[\d .-]{8,20}$/;

export const focalPointSchema = z.object({
  unitId: id(),
  fullName: text(120),
  position: optionalText(120),
  phone: optionalText(30).refine(
    (v) => v === null || (PHONE_RE.test(v) && v.replace(/\D/g, '').length >= 8 && v.replace(/\D/g, '').length <= 15),
    t.badPhone,
  ),
  role: choice(['focal_point', 'unit_head'] as const),
});

async function roster(c: Context<AdminEnv>) {
  const { db, now, timeZone } = c.get('deps');
  const bloc = c.get('bloc');
  const today = localDateOf(now(), timeZone);
  const rows = await listMembershipRows(db, bloc.id);
  const currentIds = new Set(rows.filter((r) => r.leftOn === null || r.leftOn >= today).map((r) => r.unitId));
  const units: Option[] = [];
  const groups = new Map<number, UnitGroup>();
  for (const r of rows) {
    if (groups.has(r.unitId)) continue;
    groups.set(r.unitId, { unitId: r.unitId, name: r.name, current: currentIds.has(r.unitId), focalPoints: [] });
    if (currentIds.has(r.unitId)) units.push({ value: r.unitId, label: r.name });
  }
  for (const fp of await listFocalPointsOfBloc(db, bloc.id)) groups.get(fp.unitId)?.focalPoints.push(fp);
  // Current members first (in display order), then former members that still have focal points.
  const ordered = [...groups.values()]
    .filter((g) => g.current || g.focalPoints.length > 0)
    .sort((a, b) => Number(b.current) - Number(a.current));
  return { units, groups: ordered, currentIds };
}

/** /blocs/:blocId/focal-points: the focal points, their Telegram invites, personal links and last reports. */
export function focalPointRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const renderList = async (c: Context<AdminEnv>, form: FormState) => {
    const bloc = c.get('bloc');
    const { units, groups } = await roster(c);
    const lastReports = await lastReportByFocalPoint(c.get('deps').db, bloc.id);
    return c.render(
      <FocalPointsPage
        blocId={bloc.id}
        groups={groups}
        lastReports={lastReports}
        units={units}
        form={form}
        canEdit={canEditBloc(currentAdmin(c), bloc.id)}
        timeZone={c.get('deps').timeZone}
      />,
      { title: `${t.title} · ${bloc.name}` },
    );
  };

  const renderOne = async (c: Context<AdminEnv>, form: FormState, emailForm: FormState = emptyForm) => {
    const fp = await loadFocalPoint(c);
    const { db, now, timeZone, botUsername, channels, zaloBotUrl } = c.get('deps');
    const bloc = c.get('bloc');
    const { units, groups } = await roster(c);
    const canEdit = canEditBloc(currentAdmin(c), bloc.id);
    // An invite links whoever opens it to this focal point: only those who may edit the roster see it.
    const invite = canEdit ? await activeInviteOf(db, fp.id, now()) : undefined;
    let view: InviteView | null = null;
    if (invite) {
      const username = botUsername?.();
      const link = username ? inviteLink(username, invite) : null;
      view = { invite, link, qr: link ? await inviteQrDataUrl(link) : null };
    }
    const addresses = await listContactAddresses(db, fp.id);
    return c.render(
      <FocalPointPage
        blocId={bloc.id}
        fp={fp}
        unitName={groups.find((g) => g.unitId === fp.unitId)?.name ?? ''}
        units={units}
        form={form}
        invite={view}
        personalLink={await personalLinkView(c, db, fp, canEdit)}
        addresses={addresses}
        reach={await channelReachOf(db, addresses, channels, { inviteCode: invite?.code ?? null, botLink: zaloBotUrl })}
        email={{
          address: await emailAddressOf(db, fp.id),
          form: emailForm,
          running: c.get('deps').channels.includes('email'),
        }}
        canEdit={canEdit}
        timeZone={timeZone}
      />,
      { title: t.editTitle(fp.fullName) },
    );
  };

  app.get('/', (c) => renderList(c, emptyForm));

  app.post('/', validForm(focalPointSchema, renderList), async (c) => {
    const v = c.req.valid('form');
    const bloc = c.get('bloc');
    const { currentIds } = await roster(c);
    if (!currentIds.has(v.unitId)) {
      c.status(422);
      return renderList(c, { values: typedValues(await c.req.parseBody()), errors: { unitId: t.unitNotMember } });
    }
    const admin = currentAdmin(c);
    const now = c.get('deps').now();
    const fp = await applyChange(c, async (trx, audit) => {
      const created = await createFocalPoint(trx, {
        unitId: v.unitId,
        fullName: v.fullName,
        position: v.position,
        phone: v.phone,
        role: v.role,
      });
      const invite = await createInvite(trx, {
        kind: 'focal_point',
        focalPointId: created.id,
        createdBy: admin.username,
        now,
      });
      const { link } = await issuePersonalLink(trx, {
        focalPointId: created.id,
        secret: c.get('deps').personalLinkSecret,
        by: admin.username,
        now,
      });
      await audit({
        action: 'focal_point.create',
        entity: 'focal_point',
        entityId: created.id,
        blocId: bloc.id,
        details: { ...v, inviteId: invite.id, personalLinkId: link.id },
      });
      return created;
    });
    return c.redirect(`/blocs/${bloc.id}/focal-points/${fp.id}?ok=focalPointCreated#invite`, 303);
  });

  app.get('/:focalPointId', (c) => renderOne(c, emptyForm));

  app.post('/:focalPointId', validForm(focalPointSchema, renderOne), async (c) => {
    const fp = await loadFocalPoint(c);
    if (fp.status !== 'active') notFound();
    const v = c.req.valid('form');
    const bloc = c.get('bloc');
    const { currentIds } = await roster(c);
    if (!currentIds.has(v.unitId)) {
      c.status(422);
      return renderOne(c, { values: typedValues(await c.req.parseBody()), errors: { unitId: t.unitNotMember } });
    }
    const movedUnit = v.unitId !== fp.unitId;
    await applyChange(c, async (trx, audit) => {
      await updateFocalPoint(trx, fp.id, v);
      await audit({
        action: 'focal_point.update',
        entity: 'focal_point',
        entityId: fp.id,
        blocId: bloc.id,
        details: {
          before: { unitId: fp.unitId, fullName: fp.fullName, position: fp.position, phone: fp.phone, role: fp.role },
          after: v,
        },
      });
      // A link given out while they served the old unit (perhaps passed to a colleague there) must
      // not open the new unit's reports: moving a focal point re-issues their personal link.
      const previous = movedUnit ? await activePersonalLinkOf(trx, fp.id) : undefined;
      if (previous) {
        const { link } = await issuePersonalLink(trx, {
          focalPointId: fp.id,
          secret: c.get('deps').personalLinkSecret,
          by: currentAdmin(c).username,
          now: c.get('deps').now(),
        });
        const details = {
          fullName: fp.fullName,
          linkId: link.id,
          replacedLinkId: previous.id,
          reason: 'unit_changed',
        };
        await audit({
          action: 'personal_link.reissue',
          entity: 'focal_point',
          entityId: fp.id,
          blocId: bloc.id,
          details,
        });
      }
    });
    return c.redirect(`/blocs/${bloc.id}/focal-points/${fp.id}?ok=saved`, 303);
  });

  app.post('/:focalPointId/invite', async (c) => {
    const fp = await loadFocalPoint(c);
    if (fp.status !== 'active') forbidden();
    const bloc = c.get('bloc');
    const admin = currentAdmin(c);
    const now = c.get('deps').now();
    await applyChange(c, async (trx, audit) => {
      const expired = await expireInvitesOf(trx, fp.id, now);
      const invite = await createInvite(trx, {
        kind: 'focal_point',
        focalPointId: fp.id,
        createdBy: admin.username,
        now,
      });
      await audit({
        action: 'focal_point.invite',
        entity: 'focal_point',
        entityId: fp.id,
        blocId: bloc.id,
        details: { inviteId: invite.id, replaced: expired },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/focal-points/${fp.id}?ok=inviteCreated#invite`, 303);
  });

  app.route('/:focalPointId/personal-link', personalLinkRoutes());
  app.route('/:focalPointId/addresses', contactAddressRoutes());
  app.route(
    '/:focalPointId/email',
    emailAddressRoutes((c, emailForm) => renderOne(c, emptyForm, emailForm)),
  );

  app.post('/:focalPointId/deactivate', async (c) => {
    const fp = await loadFocalPoint(c);
    const bloc = c.get('bloc');
    if (fp.status === 'active') {
      const now = c.get('deps').now();
      const by = currentAdmin(c).username;
      await applyChange(c, async (trx, audit) => {
        await deactivateFocalPoint(trx, fp.id, now.toISOString());
        const expired = await expireInvitesOf(trx, fp.id, now);
        // The lookup already refuses a focal point who left; revoking says so in the data too.
        const linkRevoked = await revokePersonalLink(trx, fp.id, by, now);
        // A leaver's e-mail address is released (decision 0095): a shared unit mailbox passes to the
        // successor. The log keeps which address it was.
        const email = await setEmailAddress(trx, fp.id, null, now);
        await audit({
          action: 'focal_point.deactivate',
          entity: 'focal_point',
          entityId: fp.id,
          blocId: bloc.id,
          details: {
            fullName: fp.fullName,
            invitesEnded: expired,
            personalLinkRevoked: linkRevoked,
            emailReleased: email.kind === 'removed' ? email.before : null,
          },
        });
      });
    }
    return c.redirect(`/blocs/${bloc.id}/focal-points/${fp.id}?ok=focalPointDeactivated`, 303);
  });

  return app;
}

import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import {
  addMembership,
  createUnit,
  getUnit,
  latestMembership,
  listMembershipRows,
  nextDisplayOrder,
  renameUnit,
  setDisplayOrder,
  updateMembershipDates,
} from '../../db/units.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { choice, date, evenWithFieldErrors, optionalDate, optionalText, text } from '../http/fields.js';
import { emptyForm, type FormState, typedValues, validForm } from '../http/form.js';
import { unitsText as t } from '../messages.js';
import { UnitEditPage, UnitsPage } from './unit-pages.js';
import { today } from '../http/today.js';

const unitSchema = z
  .object({ name: text(200), shortName: optionalText(60), joinedOn: date(), leftOn: optionalDate() })
  .superRefine((v, ctx) => {
    if (typeof v.leftOn === 'string' && typeof v.joinedOn === 'string' && v.leftOn < v.joinedOn)
      ctx.addIssue({ code: 'custom', path: ['leftOn'], message: t.leftBeforeJoined });
  }, evenWithFieldErrors);
const moveSchema = z.object({ direction: choice(['up', 'down'] as const) });
const rejoinSchema = z.object({ joinedOn: date() });

const sameName = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

/** A current member of the bloc, other than `exceptUnitId`, already named so. */
async function nameInUse(db: Db, blocId: number, today: string, name: string, exceptUnitId?: number): Promise<boolean> {
  const rows = await listMembershipRows(db, blocId);
  return rows.some(
    (r) => r.unitId !== exceptUnitId && (r.leftOn === null || r.leftOn >= today) && sameName(r.name, name),
  );
}

/** The unit named by :unitId, if it ever belonged to this bloc; 404 otherwise. */
async function loadUnit(c: Context<AdminEnv>) {
  const raw = c.req.param('unitId') ?? '';
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const db = c.get('deps').db;
  const membership = id ? await latestMembership(db, c.get('bloc').id, id) : undefined;
  const unit = membership ? await getUnit(db, id) : undefined;
  if (!membership || !unit) notFound();
  return { unit, membership };
}

/** /blocs/:blocId/units: the member units, their order and their join and leave dates. */
export function unitRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const renderList = async (c: Context<AdminEnv>, form: FormState) => {
    const bloc = c.get('bloc');
    const rows = await listMembershipRows(c.get('deps').db, bloc.id);
    return c.render(
      <UnitsPage
        blocId={bloc.id}
        rows={rows}
        today={today(c)}
        form={form}
        canEdit={canEditBloc(currentAdmin(c), bloc.id)}
      />,
      {
        title: `${t.title} · ${bloc.name}`,
      },
    );
  };

  const renderEdit = async (c: Context<AdminEnv>, form: FormState, rejoinForm: FormState = emptyForm) => {
    const { unit, membership } = await loadUnit(c);
    return c.render(
      <UnitEditPage
        blocId={c.get('bloc').id}
        unit={unit}
        membership={membership}
        form={form}
        rejoinForm={rejoinForm}
      />,
      {
        title: t.editTitle(unit.name),
      },
    );
  };

  app.get('/', (c) => renderList(c, emptyForm));

  app.post('/', validForm(unitSchema, renderList), async (c) => {
    const v = c.req.valid('form');
    const bloc = c.get('bloc');
    if (await nameInUse(c.get('deps').db, bloc.id, today(c), v.name)) {
      c.status(422);
      return renderList(c, { values: typedValues(await c.req.parseBody()), errors: { name: t.duplicate } });
    }
    await applyChange(c, async (trx, audit) => {
      const unit = await createUnit(trx, { name: v.name, shortName: v.shortName });
      const m = await addMembership(trx, {
        blocId: bloc.id,
        unitId: unit.id,
        joinedOn: v.joinedOn,
        displayOrder: await nextDisplayOrder(trx, bloc.id),
      });
      await audit({
        action: 'unit.create',
        entity: 'unit',
        entityId: unit.id,
        blocId: bloc.id,
        details: { name: v.name, shortName: v.shortName, joinedOn: m.joinedOn },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/units?ok=unitCreated`, 303);
  });

  app.get('/:unitId', (c) => renderEdit(c, emptyForm));

  app.post(
    '/:unitId',
    validForm(unitSchema, (c, f) => renderEdit(c, f)),
    async (c) => {
      const { unit, membership } = await loadUnit(c);
      const v = c.req.valid('form');
      const bloc = c.get('bloc');
      if (await nameInUse(c.get('deps').db, bloc.id, today(c), v.name, unit.id)) {
        c.status(422);
        return renderEdit(c, { values: typedValues(await c.req.parseBody()), errors: { name: t.duplicate } });
      }
      await applyChange(c, async (trx, audit) => {
        await renameUnit(trx, unit.id, v.name, v.shortName);
        await updateMembershipDates(trx, membership.id, v.joinedOn, v.leftOn);
        await audit({
          action: 'unit.update',
          entity: 'unit',
          entityId: unit.id,
          blocId: bloc.id,
          details: {
            before: {
              name: unit.name,
              shortName: unit.shortName,
              joinedOn: membership.joinedOn,
              leftOn: membership.leftOn,
            },
            after: v,
          },
        });
      });
      return c.redirect(`/blocs/${bloc.id}/units?ok=${v.leftOn && !membership.leftOn ? 'unitLeft' : 'saved'}`, 303);
    },
  );

  app.post(
    '/:unitId/rejoin',
    validForm(rejoinSchema, (c, f) => renderEdit(c, emptyForm, f)),
    async (c) => {
      const { unit, membership } = await loadUnit(c);
      const v = c.req.valid('form');
      const bloc = c.get('bloc');
      if (!membership.leftOn || v.joinedOn <= membership.leftOn) {
        c.status(422);
        return renderEdit(c, emptyForm, {
          values: typedValues(await c.req.parseBody()),
          errors: { joinedOn: membership.leftOn ? t.rejoinBeforeLeft : t.stillMember },
        });
      }
      await applyChange(c, async (trx, audit) => {
        await addMembership(trx, {
          blocId: bloc.id,
          unitId: unit.id,
          joinedOn: v.joinedOn,
          displayOrder: await nextDisplayOrder(trx, bloc.id),
        });
        await audit({
          action: 'unit.rejoin',
          entity: 'unit',
          entityId: unit.id,
          blocId: bloc.id,
          details: { joinedOn: v.joinedOn },
        });
      });
      return c.redirect(`/blocs/${bloc.id}/units?ok=saved`, 303);
    },
  );

  // Another bloc's unit is a 404 even with a bad form (not the list again with a 422).
  const invalidMove = async (c: Context<AdminEnv>, form: FormState) => {
    await loadUnit(c);
    return renderList(c, form);
  };

  app.post('/:unitId/move', validForm(moveSchema, invalidMove), async (c) => {
    const { unit } = await loadUnit(c);
    const { direction } = c.req.valid('form');
    const bloc = c.get('bloc');
    const day = today(c);
    await applyChange(c, async (trx, audit) => {
      const current = (await listMembershipRows(trx, bloc.id)).filter((r) => r.leftOn === null || r.leftOn >= day);
      const i = current.findIndex((r) => r.unitId === unit.id);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= current.length) return;
      [current[i], current[j]] = [current[j]!, current[i]!];
      for (const [k, r] of current.entries())
        if (r.displayOrder !== k + 1) await setDisplayOrder(trx, r.membershipId, k + 1);
      await audit({
        action: 'unit.move',
        entity: 'unit',
        entityId: unit.id,
        blocId: bloc.id,
        details: { direction, order: current.map((r) => r.unitId) },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/units`, 303);
  });

  return app;
}

import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { type ChairTerm, nextChairTerm, RotationError } from '../../core/chair-rotation.js';
import { closeBlocYear, createBlocYear, getBlocYear, openBlocYear, setRotationOrder } from '../../db/bloc-years.js';
import { updateBlocSettings } from '../../db/blocs.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { choice, date, evenWithFieldErrors, int, optionalText } from '../http/fields.js';
import { emptyForm, type FormState, typedValues, validForm } from '../http/form.js';
import { chairText as t } from '../messages.js';
import { ChairPage } from './chair-pages.js';
import { rotationState } from './rotation.js';
import { today } from '../http/today.js';

const unitChoice = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : null),
  z.number().nullable(),
);

const handoverSchema = z
  .object({
    choice: choice(['proposal', 'other'] as const),
    chairUnitId: unitChoice,
    deputyUnitId: unitChoice,
    handedOverOn: date(),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.choice !== 'other') return;
    if (v.chairUnitId === null) ctx.addIssue({ code: 'custom', path: ['chairUnitId'], message: t.needChoice });
    if (v.deputyUnitId === null) ctx.addIssue({ code: 'custom', path: ['deputyUnitId'], message: t.needChoice });
  }, evenWithFieldErrors);

const firstSchema = z.object({ year: int(2000, 2100), chairUnitId: unitChoice, deputyUnitId: unitChoice });
const policySchema = z.object({ policy: choice(['agreed_order', 'deputy_becomes_chair', 'explicit'] as const) });
const moveSchema = z.object({ direction: choice(['up', 'down'] as const) });

/**
 * :unitId must be in this bloc's rotation order (its current members): another bloc's unit, a
 * unit that left or a forged id is the admin's 404 and changes nothing (decision 0042). Checked
 * before the form, so a bad form does not answer 422 about a unit that is not there.
 */
const rotationUnit: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const raw = c.req.param('unitId') ?? '';
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const s = await rotationState(c.get('deps').db, c.get('bloc'), today(c));
  if (!s.order.some((u) => u.id === id)) notFound();
  await next();
};

/** Which field a rotation problem belongs next to. */
function rotationErrorField(e: RotationError): string {
  return e.code === 'deputy_not_member' || e.code === 'same_unit'
    ? 'deputyUnitId'
    : e.code === 'too_few_units'
      ? '_form'
      : 'chairUnitId';
}

/** /blocs/:blocId/chair: the chair and deputy, the rotation order and policy, the handover and the history. */
export function chairRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const render = async (c: Context<AdminEnv>, form: FormState, policyForm: FormState = emptyForm) => {
    const bloc = c.get('bloc');
    const day = today(c);
    const s = await rotationState(c.get('deps').db, bloc, day);
    return c.render(
      <ChairPage
        bloc={bloc}
        s={s}
        canEdit={canEditBloc(currentAdmin(c), bloc.id)}
        form={form}
        policyForm={policyForm}
        today={day}
      />,
      {
        title: `${t.title} · ${bloc.name}`,
      },
    );
  };
  const invalid = async (c: Context<AdminEnv>, errors: Record<string, string>) => {
    c.status(422);
    return render(c, { values: typedValues(await c.req.parseBody()), errors });
  };

  app.get('/', (c) => render(c, emptyForm));

  app.post(
    '/policy',
    validForm(policySchema, (c, f) => render(c, emptyForm, f)),
    async (c) => {
      const bloc = c.get('bloc');
      const { policy } = c.req.valid('form');
      await applyChange(c, async (trx, audit) => {
        await updateBlocSettings(trx, bloc.id, { rotationPolicy: policy });
        await audit({
          action: 'chair.policy',
          entity: 'bloc',
          entityId: bloc.id,
          blocId: bloc.id,
          details: { before: bloc.rotationPolicy, after: policy },
        });
      });
      return c.redirect(`/blocs/${bloc.id}/chair?ok=saved`, 303);
    },
  );

  app.post('/order/:unitId/move', rotationUnit, validForm(moveSchema, render), async (c) => {
    const bloc = c.get('bloc');
    const unitId = Number(c.req.param('unitId'));
    const { direction } = c.req.valid('form');
    await applyChange(c, async (trx, audit) => {
      const order = (await rotationState(trx, bloc, today(c))).order.map((u) => u.id);
      const i = order.indexOf(unitId);
      const j = direction === 'up' ? i - 1 : i + 1;
      if (i < 0 || j < 0 || j >= order.length) return;
      [order[i], order[j]] = [order[j]!, order[i]!];
      await setRotationOrder(trx, bloc.id, order);
      await audit({
        action: 'chair.order',
        entity: 'bloc',
        entityId: bloc.id,
        blocId: bloc.id,
        details: { unitId, direction, order },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/chair`, 303);
  });

  app.post('/handover', validForm(handoverSchema, render), async (c) => {
    const bloc = c.get('bloc');
    const v = c.req.valid('form');
    const s = await rotationState(c.get('deps').db, bloc, v.handedOverOn);
    if (!s.current) return invalid(c, { _form: t.noTerm });
    const year = s.current.year + 1;
    const next = await getBlocYear(c.get('deps').db, bloc.id, year);
    if (next && next.status !== 'planned') return invalid(c, { _form: t.alreadyHandedOver(year) });
    const explicit = v.choice === 'other' || bloc.rotationPolicy === 'explicit';
    if (explicit && (v.chairUnitId === null || v.deputyUnitId === null)) {
      return invalid(c, {
        ...(v.chairUnitId === null ? { chairUnitId: t.needChoice } : {}),
        ...(v.deputyUnitId === null ? { deputyUnitId: t.needChoice } : {}),
      });
    }
    let term: ChairTerm;
    try {
      // The policy's proposal, or the meeting's choice checked by the same rule (recorded as 'explicit').
      term = nextChairTerm({
        policy: explicit ? 'explicit' : bloc.rotationPolicy,
        rotationOrder: s.order.map((u) => u.id),
        current: { chairUnitId: s.current.chairUnitId, deputyUnitId: s.current.deputyUnitId },
        eligibleUnitIds: s.members.map((u) => u.id),
        explicit: explicit ? { chairUnitId: v.chairUnitId!, deputyUnitId: v.deputyUnitId! } : undefined,
      });
    } catch (error) {
      if (error instanceof RotationError) return invalid(c, { [rotationErrorField(error)]: error.message });
      throw error;
    }
    const current = s.current;
    await applyChange(c, async (trx, audit) => {
      await closeBlocYear(trx, current.id, v.handedOverOn);
      const t2 = { chairUnitId: term.chairUnitId, deputyUnitId: term.deputyUnitId, chosenBy: term.basis, note: v.note };
      if (next) await openBlocYear(trx, next.id, t2);
      else await createBlocYear(trx, { blocId: bloc.id, year, ...t2, status: 'open' });
      await audit({
        action: 'chair.handover',
        entity: 'bloc_year',
        entityId: year,
        blocId: bloc.id,
        details: {
          from: { year: current.year, chair: current.chairUnitId, deputy: current.deputyUnitId },
          to: { year, ...t2 },
          handedOverOn: v.handedOverOn,
        },
      });
    });
    return c.redirect(`/blocs/${bloc.id}/chair?ok=handedOver`, 303);
  });

  app.post('/first', validForm(firstSchema, render), async (c) => {
    const bloc = c.get('bloc');
    const v = c.req.valid('form');
    const s = await rotationState(c.get('deps').db, bloc, today(c));
    if (s.current) return invalid(c, { year: t.yearTaken(s.current.year) });
    if (v.chairUnitId === null || v.deputyUnitId === null)
      return invalid(c, {
        ...(v.chairUnitId === null ? { chairUnitId: t.needChoice } : {}),
        ...(v.deputyUnitId === null ? { deputyUnitId: t.needChoice } : {}),
      });
    try {
      nextChairTerm({
        policy: 'explicit',
        rotationOrder: [],
        current: { chairUnitId: v.chairUnitId, deputyUnitId: null },
        eligibleUnitIds: s.members.map((u) => u.id),
        explicit: { chairUnitId: v.chairUnitId, deputyUnitId: v.deputyUnitId },
      });
    } catch (error) {
      if (error instanceof RotationError) return invalid(c, { [rotationErrorField(error)]: error.message });
      throw error;
    }
    const existing = await getBlocYear(c.get('deps').db, bloc.id, v.year);
    await applyChange(c, async (trx, audit) => {
      const t2 = {
        chairUnitId: v.chairUnitId!,
        deputyUnitId: v.deputyUnitId!,
        chosenBy: 'explicit' as const,
        note: null,
      };
      if (existing) await openBlocYear(trx, existing.id, t2);
      else await createBlocYear(trx, { blocId: bloc.id, year: v.year, ...t2, status: 'open' });
      await audit({ action: 'chair.first', entity: 'bloc_year', entityId: v.year, blocId: bloc.id, details: t2 });
    });
    return c.redirect(`/blocs/${bloc.id}/chair?ok=saved`, 303);
  });

  return app;
}

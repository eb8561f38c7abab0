import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { parseDateVi } from '../../core/date-input.js';
import { normalizeText } from '../../core/normalize.js';
import { localDateOf } from '../../core/time.js';
import {
  clearTarget,
  countCriterionValues,
  type CovenantCriterion,
  createCriterion,
  deleteCriterion,
  getCriterion,
  listCovenantYears,
  listCriteria,
  listSignatures,
  listTargets,
  setTarget,
  signCovenant,
  unsignCovenant,
  updateCriterion,
} from '../../db/covenant.js';
import { listMemberUnits } from '../../db/units.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import {
  choice,
  decimal,
  evenWithFieldErrors,
  optionalDecimal,
  optionalText,
  parseAdminNumber,
  text,
} from '../http/fields.js';
import { emptyForm, type FormState, typedValues, validForm } from '../http/form.js';
import { common, covenantText as t } from '../messages.js';
import { copyCovenant } from './copy.js';
import { CovenantPage, CriterionPage, type CovenantView } from './covenant-pages.js';

export const criterionSchema = z
  .object({
    code: text(20),
    title: text(300),
    kind: choice(['quantitative', 'qualitative'] as const),
    valueType: choice(['count', 'decimal', 'percent'] as const),
    unitOfMeasure: optionalText(40),
    defaultTarget: optionalDecimal(),
    maxPoints: decimal(1000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'quantitative' && !v.unitOfMeasure)
      ctx.addIssue({ code: 'custom', path: ['unitOfMeasure'], message: t.needUnit });
  }, evenWithFieldErrors);

type CriterionInput = z.infer<typeof criterionSchema>;

function columns(v: CriterionInput) {
  const q = v.kind === 'quantitative';
  return {
    code: v.code,
    title: v.title,
    kind: v.kind,
    valueType: q ? v.valueType : null,
    unitOfMeasure: q ? v.unitOfMeasure : null,
    defaultTarget: q ? v.defaultTarget : null,
    maxPoints: v.maxPoints,
  };
}

function yearOf(c: Context<AdminEnv>): number {
  const q = c.req.query('year');
  const { now, timeZone } = c.get('deps');
  const n = q && /^\d{4}$/.test(q) ? Number(q) : Number.NaN;
  return n >= 2000 && n <= 2100 ? n : Number(localDateOf(now(), timeZone).slice(0, 4));
}

async function codeTaken(c: Context<AdminEnv>, year: number, code: string, exceptId?: number): Promise<boolean> {
  const list = await listCriteria(c.get('deps').db, c.get('bloc').id, year);
  return list.some((x) => x.code === code && x.id !== exceptId);
}

async function view(c: Context<AdminEnv>, year: number): Promise<CovenantView> {
  const db = c.get('deps').db;
  const bloc = c.get('bloc');
  const criteria = await listCriteria(db, bloc.id, year);
  const stored = await listCovenantYears(db, bloc.id);
  const years = [...new Set([...stored, year, year - 1, year + 1])]
    .filter((y) => y >= 2000 && y <= 2100)
    .sort((a, b) => b - a);
  return {
    blocId: bloc.id,
    year,
    years,
    criteria,
    units: await listMemberUnits(db, bloc.id, `${year}-01-01`, `${year}-12-31`),
    targets: new Map((await listTargets(db, bloc.id, year)).map((x) => [`${x.criterionId}:${x.unitId}`, x.target])),
    signatures: new Map((await listSignatures(db, bloc.id, year)).map((s) => [s.unitId, s.signedOn])),
    canEdit: canEditBloc(currentAdmin(c), bloc.id),
    canCopy: criteria.length === 0 && stored.includes(year - 1),
  };
}

/** /blocs/:blocId/covenant: criteria per year, targets per unit and signature dates. */
export function covenantRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const render = async (
    c: Context<AdminEnv>,
    forms: { add?: FormState; targets?: FormState; signatures?: FormState; copyError?: string } = {},
  ) => {
    const year = yearOf(c);
    return c.render(
      <CovenantPage
        v={await view(c, year)}
        addForm={forms.add ?? emptyForm}
        targetsForm={forms.targets ?? emptyForm}
        signaturesForm={forms.signatures ?? emptyForm}
        copyError={forms.copyError}
      />,
      { title: `${t.title(year)} · ${c.get('bloc').name}` },
    );
  };

  const loadCriterion = async (c: Context<AdminEnv>): Promise<CovenantCriterion> => {
    const raw = c.req.param('criterionId') ?? '';
    const found = /^\d{1,9}$/.test(raw) ? await getCriterion(c.get('deps').db, Number(raw)) : undefined;
    if (!found || found.blocId !== c.get('bloc').id) notFound();
    return found;
  };
  const renderCriterion = async (c: Context<AdminEnv>, form: FormState, deleteError?: string) => {
    const crit = await loadCriterion(c);
    return c.render(<CriterionPage blocId={c.get('bloc').id} c={crit} form={form} deleteError={deleteError} />, {
      title: t.editTitle(crit.code),
    });
  };

  app.get('/', (c) => render(c));

  app.post(
    '/criteria',
    validForm(criterionSchema, (c, f) => render(c, { add: f })),
    async (c) => {
      const v = c.req.valid('form');
      const year = yearOf(c);
      const bloc = c.get('bloc');
      if (await codeTaken(c, year, v.code)) {
        c.status(422);
        return render(c, { add: { values: typedValues(await c.req.parseBody()), errors: { code: t.codeTaken } } });
      }
      await applyChange(c, async (trx, audit) => {
        const position = (await listCriteria(trx, bloc.id, year)).reduce((m, x) => Math.max(m, x.position), 0) + 1;
        const created = await createCriterion(trx, { blocId: bloc.id, year, position, ...columns(v) });
        await audit({
          action: 'covenant.criterion.create',
          entity: 'covenant_criterion',
          entityId: created.id,
          blocId: bloc.id,
          details: { year, ...v },
        });
      });
      return c.redirect(`/blocs/${bloc.id}/covenant?year=${year}&ok=created`, 303);
    },
  );

  app.get('/criteria/:criterionId', (c) => renderCriterion(c, emptyForm));

  app.post(
    '/criteria/:criterionId',
    validForm(criterionSchema, (c, f) => renderCriterion(c, f)),
    async (c) => {
      const crit = await loadCriterion(c);
      const v = c.req.valid('form');
      const cols = columns(v);
      const errors: Record<string, string> = {};
      if (await codeTaken(c, crit.year, v.code, crit.id)) errors.code = t.codeTaken;
      if (
        (cols.kind !== crit.kind || cols.valueType !== crit.valueType) &&
        (await countCriterionValues(c.get('deps').db, crit.id)) > 0
      )
        errors.kind = t.kindLocked;
      if (Object.keys(errors).length > 0) {
        c.status(422);
        return renderCriterion(c, { values: typedValues(await c.req.parseBody()), errors });
      }
      await applyChange(c, async (trx, audit) => {
        await updateCriterion(trx, crit.id, cols);
        await audit({
          action: 'covenant.criterion.update',
          entity: 'covenant_criterion',
          entityId: crit.id,
          blocId: crit.blocId,
          details: { before: crit, after: cols },
        });
      });
      return c.redirect(`/blocs/${crit.blocId}/covenant?year=${crit.year}&ok=saved`, 303);
    },
  );

  app.post('/criteria/:criterionId/delete', async (c) => {
    const crit = await loadCriterion(c);
    if ((await countCriterionValues(c.get('deps').db, crit.id)) > 0) {
      c.status(409);
      return renderCriterion(c, emptyForm, t.cannotDelete);
    }
    await applyChange(c, async (trx, audit) => {
      await deleteCriterion(trx, crit.id);
      await audit({
        action: 'covenant.criterion.delete',
        entity: 'covenant_criterion',
        entityId: crit.id,
        blocId: crit.blocId,
        details: crit,
      });
    });
    return c.redirect(`/blocs/${crit.blocId}/covenant?year=${crit.year}&ok=deleted`, 303);
  });

  app.post('/targets', async (c) => {
    const year = yearOf(c);
    const v = await view(c, year);
    const body = await c.req.parseBody();
    const errors: Record<string, string> = {};
    const changes: { criterionId: number; unitId: number; target: number | null }[] = [];
    for (const crit of v.criteria.filter((x) => x.kind === 'quantitative')) {
      for (const u of v.units) {
        const name = `t_${crit.id}_${u.id}`;
        const raw = typeof body[name] === 'string' ? normalizeText(body[name]) : undefined;
        if (raw === undefined) continue;
        if (raw === '') {
          changes.push({ criterionId: crit.id, unitId: u.id, target: null });
          continue;
        }
        const n = parseAdminNumber(raw);
        if (n.ok) changes.push({ criterionId: crit.id, unitId: u.id, target: n.value });
        else errors[name] = n.message;
      }
    }
    if (Object.keys(errors).length > 0) {
      c.status(422);
      return render(c, { targets: { values: typedValues(body), errors } });
    }
    await applyChange(c, async (trx, audit) => {
      for (const ch of changes) {
        if (ch.target === null) await clearTarget(trx, ch.criterionId, ch.unitId);
        else await setTarget(trx, ch.criterionId, ch.unitId, ch.target);
      }
      await audit({
        action: 'covenant.targets',
        entity: 'bloc',
        entityId: v.blocId,
        blocId: v.blocId,
        details: { year, targets: changes },
      });
    });
    return c.redirect(`/blocs/${v.blocId}/covenant?year=${year}&ok=saved#targets`, 303);
  });

  app.post('/signatures', async (c) => {
    const year = yearOf(c);
    const v = await view(c, year);
    const body = await c.req.parseBody();
    const errors: Record<string, string> = {};
    const changes: { unitId: number; signedOn: string | null }[] = [];
    for (const u of v.units) {
      const name = `s_${u.id}`;
      const raw = typeof body[name] === 'string' ? normalizeText(body[name]) : undefined;
      if (raw === undefined) continue;
      const d = raw === '' ? null : parseDateVi(raw);
      if (raw !== '' && !d) errors[name] = common.badDate;
      else changes.push({ unitId: u.id, signedOn: d });
    }
    if (Object.keys(errors).length > 0) {
      c.status(422);
      return render(c, { signatures: { values: typedValues(body), errors } });
    }
    await applyChange(c, async (trx, audit) => {
      for (const ch of changes) {
        if (ch.signedOn === null) await unsignCovenant(trx, v.blocId, year, ch.unitId);
        else if (v.signatures.get(ch.unitId) !== ch.signedOn)
          await signCovenant(trx, { blocId: v.blocId, year, unitId: ch.unitId, signedOn: ch.signedOn });
      }
      await audit({
        action: 'covenant.signatures',
        entity: 'bloc',
        entityId: v.blocId,
        blocId: v.blocId,
        details: { year, signatures: changes },
      });
    });
    return c.redirect(`/blocs/${v.blocId}/covenant?year=${year}&ok=saved#signatures`, 303);
  });

  app.post('/copy', async (c) => {
    const year = yearOf(c);
    const bloc = c.get('bloc');
    const result = await applyChange(c, async (trx, audit) => {
      const r = await copyCovenant(
        trx,
        bloc.id,
        year - 1,
        year,
        localDateOf(c.get('deps').now(), c.get('deps').timeZone),
      );
      if (r.ok)
        await audit({
          action: 'covenant.copy',
          entity: 'bloc',
          entityId: bloc.id,
          blocId: bloc.id,
          details: { from: year - 1, to: year, ...r },
        });
      return r;
    });
    if (!result.ok) {
      c.status(409);
      return render(c, { copyError: result.reason === 'exists' ? t.copyExists(year) : t.copyNothing(year - 1) });
    }
    return c.redirect(`/blocs/${bloc.id}/covenant?year=${year}&ok=copied`, 303);
  });

  return app;
}

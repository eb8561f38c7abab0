import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { getCriterion } from '../../db/covenant.js';
import { getScoreAdjustment, removeScoreAdjustment } from '../../db/score-adjustments.js';
import { listMemberships, listMemberUnits } from '../../db/units.js';
import { recordAssessment, recordScoreAdjustment } from '../../summaries/score-entries.js';
import { canEditBloc, currentAdmin, notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { choice, id, int, optionalText, parseAdminNumber, text } from '../http/fields.js';
import { fieldErrors, type FormState, typedValues, validForm } from '../http/form.js';
import { scoringText as t } from '../messages.js';
import { currentYear, loadScoringView, yearOrCurrent } from './scoring-data.js';
import { type ScoringForms, ScoringPage } from './scoring-page.js';

/**
 * Points as the bot and the other admin forms read numbers ('1,5' yes, '1.200' refused, at most two
 * decimals), within the bounds recordScoreAdjustment accepts.
 */
function readPoints(v: string): { value: number } | { message: string } {
  const parsed = parseAdminNumber(v, Number.POSITIVE_INFINITY);
  if (!parsed.ok) return { message: parsed.message };
  if (parsed.value <= 0) return { message: t.pointsPositive };
  if (parsed.value > 1000) return { message: t.pointsTooMany };
  return { value: parsed.value };
}

const points = text(20).transform((v, ctx): number => {
  const r = readPoints(v);
  if ('value' in r) return r.value;
  ctx.addIssue({ code: 'custom', message: r.message });
  return z.NEVER;
});

const adjustmentSchema = z.object({
  year: int(2000, 2100),
  unitId: id(),
  kind: choice(['bonus', 'deduction']),
  points,
  reason: text(500),
});

const assessmentSchema = z.object({ met: choice(['met', 'not_met']), note: optionalText(500) });

const actorOf = (c: Context<AdminEnv>) => {
  const admin = currentAdmin(c);
  return { name: admin.username, adminUserId: admin.id };
};

const positiveId = (raw: string | undefined): number =>
  raw && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : notFound();

/** /blocs/:blocId/scoring: the year's self-scoring, bonus and deduction entries, qualitative assessments. */
export function scoringRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const render = async (c: Context<AdminEnv>, year: number, forms: ScoringForms = {}) => {
    const bloc = c.get('bloc');
    const { db, now, timeZone } = c.get('deps');
    const view = await loadScoringView(db, bloc, year, now(), timeZone);
    const page = (
      <ScoringPage view={view} canEdit={canEditBloc(currentAdmin(c), bloc.id)} forms={forms} timeZone={timeZone} />
    );
    return c.render(page, { title: `${t.title(year)} · ${bloc.name}` });
  };
  const yearOf = (c: Context<AdminEnv>, raw: string | undefined) => {
    const { now, timeZone } = c.get('deps');
    return raw === undefined ? currentYear(now(), timeZone) : yearOrCurrent(raw, now(), timeZone);
  };
  const refuse = (c: Context<AdminEnv>, year: number, forms: ScoringForms) => {
    c.status(422);
    return render(c, year, forms);
  };

  app.get('/', (c) => render(c, yearOf(c, c.req.query('year'))));

  app.post(
    '/adjustments',
    validForm(adjustmentSchema, (c, form) => refuse(c, yearOf(c, form.values.year), { adjustment: form })),
    async (c) => {
      const v = c.req.valid('form');
      const bloc = c.get('bloc');
      const { db, now } = c.get('deps');
      // A unit that never belonged to this bloc is another bloc's: not found, like any other id of theirs.
      if (!(await listMemberships(db, bloc.id)).some((m) => m.unitId === v.unitId)) notFound();
      const typed = typedValues(await c.req.parseBody());
      if (!(await listMemberUnits(db, bloc.id, `${v.year}-01-01`, `${v.year}-12-31`)).some((u) => u.id === v.unitId)) {
        return refuse(c, v.year, { adjustment: { values: typed, errors: { unitId: t.unitNotMember(v.year) } } });
      }
      const input = {
        blocId: bloc.id,
        unitId: v.unitId,
        year: v.year,
        kind: v.kind,
        points: String(v.points),
        reason: v.reason,
      };
      const result = await recordScoreAdjustment(db, input, actorOf(c), now());
      if (!result.ok)
        return refuse(c, v.year, { adjustment: { values: typed, errors: { _form: result.errors.join(' ') } } });
      return c.redirect(`/blocs/${bloc.id}/scoring?year=${v.year}&ok=scoreAdjusted#adjustments`, 303);
    },
  );

  app.post('/adjustments/:adjustmentId/delete', async (c) => {
    const bloc = c.get('bloc');
    const entryId = positiveId(c.req.param('adjustmentId'));
    const entry = await getScoreAdjustment(c.get('deps').db, bloc.id, entryId);
    if (!entry) notFound();
    await applyChange(c, async (trx, audit) => {
      if (!(await removeScoreAdjustment(trx, bloc.id, entryId))) notFound();
      await audit({
        action: 'score.remove',
        entity: 'score_adjustment',
        entityId: entryId,
        blocId: bloc.id,
        details: entry,
      });
    });
    return c.redirect(`/blocs/${bloc.id}/scoring?year=${entry.year}&ok=scoreRemoved#adjustments`, 303);
  });

  app.post('/assessments/:criterionId/:unitId', async (c) => {
    const bloc = c.get('bloc');
    const { db, now } = c.get('deps');
    const criterion = await getCriterion(db, positiveId(c.req.param('criterionId')));
    if (!criterion || criterion.blocId !== bloc.id || criterion.kind !== 'qualitative') notFound();
    const unitId = positiveId(c.req.param('unitId'));
    const year = criterion.year;
    if (!(await listMemberUnits(db, bloc.id, `${year}-01-01`, `${year}-12-31`)).some((u) => u.id === unitId))
      notFound();
    const body = await c.req.parseBody();
    const key = `${criterion.id}-${unitId}`;
    const parsed = assessmentSchema.safeParse(body);
    if (!parsed.success)
      return refuse(c, year, {
        assessment: { key, form: { values: typedValues(body), errors: fieldErrors(parsed.error) } },
      });
    const input = {
      blocId: bloc.id,
      unitId,
      year,
      criterionCode: criterion.code,
      met: parsed.data.met === 'met' ? 'đạt' : 'không đạt',
      note: parsed.data.note,
    };
    const result = await recordAssessment(db, input, actorOf(c), now());
    if (!result.ok) {
      const form: FormState = { values: typedValues(body), errors: { _form: result.errors.join(' ') } };
      return refuse(c, year, { assessment: { key, form } });
    }
    return c.redirect(`/blocs/${bloc.id}/scoring?year=${year}&ok=assessed#assess-${key}`, 303);
  });

  return app;
}

import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { type Bloc, blocIdNamed, createBloc, getBloc, updateBlocInfo } from '../../db/blocs.js';
import { notFound, requireProvinceAdmin } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { optionalText, text } from '../http/fields.js';
import { emptyForm, type FormState, validForm } from '../http/form.js';
import { cliIdsText as ids, blocsText as t, common } from '../messages.js';
import { ErrorSummary, Field, PostForm, TextArea } from '../ui/forms.js';

export const blocSchema = z.object({
  name: text(120),
  province: text(80),
  description: optionalText(1000),
});

function BlocForm(props: { action: string; title: string; form: FormState; bloc?: Bloc }) {
  return (
    <div class="card">
      <h1>{props.title}</h1>
      {props.bloc ? <p class="muted small">{ids.bloc(props.bloc.id)}</p> : null}
      <ErrorSummary form={props.form} />
      <PostForm action={props.action}>
        <Field
          label={t.name}
          name="name"
          form={props.form}
          value={props.bloc?.name}
          hint={t.nameHint}
          required
          maxlength={120}
        />
        <Field
          label={t.province}
          name="province"
          form={props.form}
          value={props.bloc?.province}
          required
          maxlength={80}
        />
        <TextArea
          label={t.description}
          name="description"
          form={props.form}
          value={props.bloc?.description}
          maxlength={1000}
        />
        <div class="actions">
          <button type="submit">{common.save}</button>
          <a href={props.bloc ? `/blocs/${props.bloc.id}` : '/'}>{common.cancel}</a>
        </div>
      </PostForm>
    </div>
  );
}

async function nameTaken(c: Context<AdminEnv>, name: string, exceptId?: number): Promise<boolean> {
  const id = await blocIdNamed(c.get('deps').db, name);
  return id !== undefined && id !== exceptId;
}

/** /blocs/new: a province admin adds a bloc (reporting settings start at the defaults). */
export function newBlocRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', requireProvinceAdmin());
  const render = (c: Context<AdminEnv>, form: FormState) =>
    c.render(<BlocForm action="/blocs/new" title={t.newTitle} form={form} />, { title: t.newTitle });
  app.get('/', (c) => render(c, emptyForm));
  app.post('/', validForm(blocSchema, render), async (c) => {
    const v = c.req.valid('form');
    if (await nameTaken(c, v.name)) {
      c.status(422);
      return render(c, {
        values: { name: v.name, province: v.province, description: v.description ?? '' },
        errors: { name: t.nameTaken },
      });
    }
    const bloc = await applyChange(c, async (trx, audit) => {
      const b = await createBloc(trx, { name: v.name, province: v.province, description: v.description });
      await audit({ action: 'bloc.create', entity: 'bloc', entityId: b.id, blocId: b.id, details: v });
      return b;
    });
    return c.redirect(`/blocs/${bloc.id}/units?ok=created`, 303);
  });
  return app;
}

/** /blocs/:blocId/edit: a province admin renames a bloc or changes its description. */
export function editBlocRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', requireProvinceAdmin());
  const render = (c: Context<AdminEnv>, form: FormState) => {
    const bloc = c.get('bloc');
    return c.render(<BlocForm action={`/blocs/${bloc.id}/edit`} title={t.editTitle} form={form} bloc={bloc} />, {
      title: t.editTitle,
    });
  };
  app.get('/', (c) => render(c, emptyForm));
  app.post('/', validForm(blocSchema, render), async (c) => {
    const bloc = c.get('bloc');
    const v = c.req.valid('form');
    if (await nameTaken(c, v.name, bloc.id)) {
      c.status(422);
      return render(c, {
        values: { name: v.name, province: v.province, description: v.description ?? '' },
        errors: { name: t.nameTaken },
      });
    }
    await applyChange(c, async (trx, audit) => {
      const before = await getBloc(trx, bloc.id);
      if (!before) notFound();
      await updateBlocInfo(trx, bloc.id, { name: v.name, province: v.province, description: v.description });
      await audit({
        action: 'bloc.update',
        entity: 'bloc',
        entityId: bloc.id,
        blocId: bloc.id,
        details: { before: { name: before.name, province: before.province }, after: v },
      });
    });
    return c.redirect(`/blocs/${bloc.id}?ok=saved`, 303);
  });
  return app;
}

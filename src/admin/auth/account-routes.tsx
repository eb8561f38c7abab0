import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../core/password.js';
import { findAdminByUsername, setAdminPassword } from '../../db/admin-users.js';
import { deleteSessionsOfUser } from '../../db/admin-sessions.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { evenWithFieldErrors } from '../http/fields.js';
import { emptyForm, type FormState, validForm } from '../http/form.js';
import { auth, common } from '../messages.js';
import { ErrorSummary, Field, PostForm } from '../ui/forms.js';
import { currentAdmin } from './access.js';
import { endSession } from './session.js';

const secret = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string());

export const passwordSchema = z
  .object({
    current: secret.pipe(z.string().min(1, common.required)),
    password: secret.pipe(z.string().min(10, auth.passwordTooShort).max(200, auth.passwordTooLong)),
    confirm: secret,
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: auth.passwordMismatch });
    if (v.password === v.current) ctx.addIssue({ code: 'custom', path: ['password'], message: auth.passwordSameAsOld });
  }, evenWithFieldErrors);

function PasswordPage(props: { form: FormState }) {
  return (
    <div class="card login">
      <h1>{auth.passwordTitle}</h1>
      <ErrorSummary form={props.form} />
      <PostForm action="/account/password">
        <Field
          label={auth.currentPassword}
          name="current"
          type="password"
          form={props.form}
          autocomplete="current-password"
          required
        />
        <Field
          label={auth.newPassword}
          name="password"
          type="password"
          form={props.form}
          autocomplete="new-password"
          hint={auth.passwordHint}
          required
        />
        <Field
          label={auth.confirmPassword}
          name="confirm"
          type="password"
          form={props.form}
          autocomplete="new-password"
          required
        />
        <button type="submit">{common.save}</button>
      </PostForm>
    </div>
  );
}

const render = (c: Context<AdminEnv>, form: FormState) =>
  c.render(<PasswordPage form={form} />, { title: auth.passwordTitle });

/** The signed-in admin's own account: password change and logout. */
export function accountRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/account/password', (c) => render(c, emptyForm));

  app.post('/account/password', validForm(passwordSchema, render), async (c) => {
    const admin = currentAdmin(c);
    const v = c.req.valid('form');
    const user = await findAdminByUsername(c.get('deps').db, admin.username);
    if (!user || !verifyPassword(v.current, user.passwordHash)) {
      c.status(422);
      return render(c, { values: {}, errors: { current: auth.currentWrong } });
    }
    const hash = hashPassword(v.password);
    await applyChange(c, async (trx, audit) => {
      await setAdminPassword(trx, admin.id, hash);
      const ended = await deleteSessionsOfUser(trx, admin.id, c.get('sessionHash') ?? undefined);
      await audit({
        action: 'admin.password',
        entity: 'admin_user',
        entityId: admin.id,
        blocId: admin.blocId,
        details: { otherSessionsEnded: ended },
      });
    });
    return c.redirect('/?ok=passwordChanged', 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c, c.get('deps'));
    return c.redirect('/login?ok=loggedOut', 303);
  });

  return app;
}

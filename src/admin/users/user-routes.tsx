import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { normalizeText } from '../../core/normalize.js';
import { hashPassword } from '../../core/password.js';
import {
  type AdminUser,
  countActiveProvinceAdmins,
  createAdminUser,
  findAdminByUsername,
  getAdminUser,
  listAdminUsers,
  setAdminDisabled,
  setAdminPassword,
  updateAdminUser,
} from '../../db/admin-users.js';
import { deleteSessionsOfUser } from '../../db/admin-sessions.js';
import { listBlocs } from '../../db/blocs.js';
import { currentAdmin, notFound, requireProvinceAdmin } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { choice, evenWithFieldErrors, text } from '../http/fields.js';
import { emptyForm, type FormState, typedValues, validForm } from '../http/form.js';
import { auth, usersText as t } from '../messages.js';
import { UserPage, UsersPage } from './user-pages.js';

const blocChoice = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : null),
  z.number().nullable(),
);
const secret = z
  .preprocess((v) => (typeof v === 'string' ? v : ''), z.string())
  .pipe(z.string().min(10, auth.passwordTooShort).max(200, auth.passwordTooLong));

const accountSchema = z
  .object({
    displayName: text(120),
    role: choice(['province_admin', 'bloc_admin', 'viewer'] as const),
    blocId: blocChoice,
  })
  .superRefine((v, ctx) => {
    if (v.role !== 'province_admin' && v.blocId === null)
      ctx.addIssue({ code: 'custom', path: ['blocId'], message: t.needBloc });
  }, evenWithFieldErrors);
const newUserSchema = z
  .object({
    username: z
      .preprocess((v) => (typeof v === 'string' ? normalizeText(v).toLowerCase() : ''), z.string())
      .pipe(z.string().regex(/^[a-z0-9._-]{3,40}$/, t.badUsername)),
    displayName: text(120),
    role: choice(['province_admin', 'bloc_admin', 'viewer'] as const),
    blocId: blocChoice,
    password: secret,
  })
  .superRefine((v, ctx) => {
    if (v.role !== 'province_admin' && v.blocId === null)
      ctx.addIssue({ code: 'custom', path: ['blocId'], message: t.needBloc });
  }, evenWithFieldErrors);
const resetSchema = z.object({ password: secret });

/** /users: province admins manage the admin accounts (roles, blocs, passwords, locking). */
export function userRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', requireProvinceAdmin());

  const renderList = async (c: Context<AdminEnv>, form: FormState) => {
    const db = c.get('deps').db;
    return c.render(<UsersPage users={await listAdminUsers(db)} blocs={await listBlocs(db)} form={form} />, {
      title: t.title,
    });
  };
  const loadUser = async (c: Context<AdminEnv>): Promise<AdminUser> => {
    const raw = c.req.param('userId') ?? '';
    const u = /^\d{1,9}$/.test(raw) ? await getAdminUser(c.get('deps').db, Number(raw)) : undefined;
    if (!u) notFound();
    return u;
  };
  const renderOne = async (
    c: Context<AdminEnv>,
    forms: { form?: FormState; reset?: FormState; statusError?: string } = {},
  ) => {
    const user = await loadUser(c);
    return c.render(
      <UserPage
        user={user}
        blocs={await listBlocs(c.get('deps').db)}
        form={forms.form ?? emptyForm}
        resetForm={forms.reset ?? emptyForm}
        statusError={forms.statusError}
      />,
      {
        title: t.editTitle(user.username),
      },
    );
  };
  const blocExists = async (c: Context<AdminEnv>, blocId: number | null) =>
    blocId === null || (await listBlocs(c.get('deps').db)).some((b) => b.id === blocId);

  app.get('/', (c) => renderList(c, emptyForm));

  app.post('/', validForm(newUserSchema, renderList), async (c) => {
    const v = c.req.valid('form');
    const values = typedValues(await c.req.parseBody());
    delete values.password;
    if (await findAdminByUsername(c.get('deps').db, v.username)) {
      c.status(422);
      return renderList(c, { values, errors: { username: t.usernameTaken } });
    }
    if (!(await blocExists(c, v.blocId))) {
      c.status(422);
      return renderList(c, { values, errors: { blocId: t.needBloc } });
    }
    const blocId = v.role === 'province_admin' ? null : v.blocId;
    const hash = hashPassword(v.password);
    await applyChange(c, async (trx, audit) => {
      const u = await createAdminUser(trx, {
        username: v.username,
        displayName: v.displayName,
        passwordHash: hash,
        role: v.role,
        blocId,
      });
      await audit({
        action: 'admin.create',
        entity: 'admin_user',
        entityId: u.id,
        blocId,
        details: { username: v.username, role: v.role },
      });
    });
    return c.redirect('/users?ok=created', 303);
  });

  app.get('/:userId', (c) => renderOne(c));

  app.post(
    '/:userId',
    validForm(accountSchema, (c, f) => renderOne(c, { form: f })),
    async (c) => {
      const user = await loadUser(c);
      const v = c.req.valid('form');
      const blocId = v.role === 'province_admin' ? null : v.blocId;
      const demoting = user.role === 'province_admin' && v.role !== 'province_admin' && user.disabledAt === null;
      const errors: Record<string, string> = {};
      if (!(await blocExists(c, blocId))) errors.blocId = t.needBloc;
      if (demoting && (await countActiveProvinceAdmins(c.get('deps').db)) <= 1) errors.role = t.lastProvinceAdmin;
      if (Object.keys(errors).length > 0) {
        c.status(422);
        return renderOne(c, { form: { values: typedValues(await c.req.parseBody()), errors } });
      }
      await applyChange(c, async (trx, audit) => {
        await updateAdminUser(trx, user.id, { displayName: v.displayName, role: v.role, blocId });
        // A changed role or bloc takes effect at once: the account signs in again.
        if (v.role !== user.role || blocId !== user.blocId)
          await deleteSessionsOfUser(trx, user.id, c.get('sessionHash') ?? undefined);
        await audit({
          action: 'admin.update',
          entity: 'admin_user',
          entityId: user.id,
          blocId,
          details: {
            before: { role: user.role, blocId: user.blocId, displayName: user.displayName },
            after: { role: v.role, blocId, displayName: v.displayName },
          },
        });
      });
      return c.redirect(`/users/${user.id}?ok=saved`, 303);
    },
  );

  app.post(
    '/:userId/password',
    validForm(resetSchema, (c, f) => renderOne(c, { reset: f })),
    async (c) => {
      const user = await loadUser(c);
      const hash = hashPassword(c.req.valid('form').password);
      await applyChange(c, async (trx, audit) => {
        await setAdminPassword(trx, user.id, hash);
        const ended = await deleteSessionsOfUser(
          trx,
          user.id,
          user.id === currentAdmin(c).id ? (c.get('sessionHash') ?? undefined) : undefined,
        );
        await audit({
          action: 'admin.reset_password',
          entity: 'admin_user',
          entityId: user.id,
          blocId: user.blocId,
          details: { sessionsEnded: ended },
        });
      });
      return c.redirect(`/users/${user.id}?ok=passwordReset`, 303);
    },
  );

  app.post('/:userId/disable', async (c) => {
    const user = await loadUser(c);
    if (user.disabledAt) return c.redirect(`/users/${user.id}`, 303);
    if (user.id === currentAdmin(c).id) {
      c.status(409);
      return renderOne(c, { statusError: t.notYourself });
    }
    if (user.role === 'province_admin' && (await countActiveProvinceAdmins(c.get('deps').db)) <= 1) {
      c.status(409);
      return renderOne(c, { statusError: t.lastProvinceAdmin });
    }
    await applyChange(c, async (trx, audit) => {
      await setAdminDisabled(trx, user.id, c.get('deps').now().toISOString());
      const ended = await deleteSessionsOfUser(trx, user.id);
      await audit({
        action: 'admin.disable',
        entity: 'admin_user',
        entityId: user.id,
        blocId: user.blocId,
        details: { sessionsEnded: ended },
      });
    });
    return c.redirect(`/users/${user.id}?ok=saved`, 303);
  });

  app.post('/:userId/enable', async (c) => {
    const user = await loadUser(c);
    if (user.disabledAt) {
      await applyChange(c, async (trx, audit) => {
        await setAdminDisabled(trx, user.id, null);
        await audit({ action: 'admin.enable', entity: 'admin_user', entityId: user.id, blocId: user.blocId });
      });
    }
    return c.redirect(`/users/${user.id}?ok=saved`, 303);
  });

  return app;
}

import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { normalizeText } from '../../core/normalize.js';
import { hashPassword, verifyPassword } from '../../core/password.js';
import { findAdminByUsername } from '../../db/admin-users.js';
import { recordLoginAttempt } from '../../db/login-attempts.js';
import { clientAddress } from '../../http/client-address.js';
import type { AdminEnv } from '../env.js';
import { emptyForm, type FormState, typedValues } from '../http/form.js';
import { auth, common } from '../messages.js';
import { ErrorSummary, Field } from '../ui/forms.js';
import { sameToken } from './csrf.js';
import { randomToken, startSession } from './session.js';
import { loginWait } from './throttle.js';

// Before sign-in there is no session to hold a CSRF token, so the login form uses a double-submit
// cookie: a random value both in a SameSite=Strict cookie and in the form.
const LOGIN_COOKIE = 'ktd_login';

let dummyHash: string | undefined;
/** Checked against when the account does not exist, so both cases take the same time. */
function dummy(): string {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}

/** Where to go after signing in: only a path of this site. */
export function safeNext(next: string | undefined): string {
  if (!next || !/^\/(?![/\\])[^\s\\]*$/.test(next) || next.startsWith('/login')) return '/';
  return next;
}

function LoginPage(props: { form: FormState; token: string; next: string; message?: string }) {
  return (
    <div class="login card">
      <h1>{auth.loginTitle}</h1>
      <p class="muted">{auth.intro}</p>
      {props.message ? (
        <div class="alert error" role="alert">
          {props.message}
        </div>
      ) : (
        <ErrorSummary form={props.form} />
      )}
      <form method="post" action="/login">
        <input type="hidden" name="_login" value={props.token} />
        <input type="hidden" name="next" value={props.next} />
        <Field
          label={auth.username}
          name="username"
          form={props.form}
          autocomplete="username"
          required
          maxlength={80}
        />
        <Field
          label={auth.password}
          name="password"
          type="password"
          form={props.form}
          autocomplete="current-password"
          required
        />
        <button type="submit">{auth.submit}</button>
      </form>
    </div>
  );
}

function renderLogin(c: Context<AdminEnv>, form: FormState, next: string, message?: string) {
  // Reuse the browser's token: a second login page (another tab, or a redirect of /favicon.ico)
  // must not invalidate the form already on screen.
  const existing = getCookie(c, LOGIN_COOKIE);
  const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken();
  setCookie(c, LOGIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('deps').secureCookies,
    path: '/login',
    maxAge: 3600,
  });
  return c.render(<LoginPage form={form} token={token} next={next} message={message} />, { title: auth.loginTitle });
}

const loginSchema = z.object({
  username: z
    .preprocess((v) => (typeof v === 'string' ? normalizeText(v).toLowerCase() : ''), z.string())
    .pipe(z.string().min(1, common.required).max(80, common.tooLong(80))),
  password: z
    .preprocess((v) => (typeof v === 'string' ? v : ''), z.string())
    .pipe(z.string().min(1, common.required).max(200, auth.passwordTooLong)),
});

/** GET/POST /login (open to signed-out visitors). */
export function loginRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/login', (c) => {
    if (c.get('admin')) return c.redirect(safeNext(c.req.query('next')), 302);
    return renderLogin(c, emptyForm, safeNext(c.req.query('next')));
  });

  app.post('/login', async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody();
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    const values = typedValues(body);
    delete values.password;
    if (!sameToken(typeof body._login === 'string' ? body._login : null, getCookie(c, LOGIN_COOKIE))) {
      c.status(403);
      return renderLogin(c, { values, errors: {} }, next, auth.expiredForm);
    }
    const parsed = loginSchema.safeParse(body);
    if (!parsed.success) {
      c.status(422);
      const errors: Record<string, string> = {};
      for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
      return renderLogin(c, { values, errors }, next);
    }
    const { username, password } = parsed.data;
    const now = deps.now();
    const ip = clientAddress(c);
    const wait = await loginWait(deps.db, username, ip, now);
    if (wait > 0) {
      c.status(429);
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return renderLogin(c, { values, errors: {} }, next, auth.throttled(Math.ceil(wait / 60_000)));
    }
    const user = await findAdminByUsername(deps.db, username);
    const passwordOk = verifyPassword(password, user?.passwordHash ?? dummy());
    const ok = user !== undefined && user.disabledAt === null && passwordOk;
    await recordLoginAttempt(deps.db, { username, ip, at: now, succeeded: ok });
    if (!ok) {
      c.status(401);
      return renderLogin(c, { values, errors: {} }, next, auth.wrong);
    }
    await startSession(c, deps, user.id);
    return c.redirect(next, 303);
  });

  return app;
}

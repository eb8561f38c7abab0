import { clientAddressFrom } from '../../src/http/client-address.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmallBloc } from '../helpers/fixtures.js';
import { createAdmin } from './accounts.js';
import { type AdminTest, createAdminTest, login, PASSWORD, signIn } from './helpers.js';

async function loginForm(a: AdminTest) {
  const page = await a.app.request('/login');
  const cookie = page.headers
    .getSetCookie()
    .find((h) => h.startsWith('ktd_login='))!
    .split(';')[0]!;
  const token = /name="_login" value="([^"]+)"/.exec(await page.text())![1]!;
  return { cookie, token };
}

async function postLogin(a: AdminTest, username: string, password: string) {
  const { cookie, token } = await loginForm(a);
  return a.app.request('/login', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _login: token, username, password }),
  });
}

describe('login, sessions and logout', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('sends a signed-out visitor to the login page and back after signing in', async () => {
    a = await createAdminTest();
    const res = await a.app.request('/blocs/1/units');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?next=%2Fblocs%2F1%2Funits');
    const page = await (await a.app.request('/login?next=%2Fblocs%2F1%2Funits')).text();
    expect(page).toContain('name="next" value="/blocs/1/units"');
  });

  it('signs in with the right password: HttpOnly SameSite cookie, hashed session in the database', async () => {
    a = await createAdminTest();
    await createAdmin(a.db, { username: 'thuky', role: 'province_admin' });
    const res = await postLogin(a, 'ThuKy', PASSWORD);
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('ktd_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await a.db.selectFrom('admin_session').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toBe(token);
    const home = await a.app.request('/', { headers: { cookie: `ktd_session=${token}` } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Cán bộ thuky');
  });

  it('refuses a wrong password with one message that does not tell which part was wrong', async () => {
    a = await createAdminTest();
    await createAdmin(a.db, { username: 'thuky', role: 'province_admin' });
    const wrongPassword = await postLogin(a, 'thuky', 'khong-dung-mat-khau');
    const unknownUser = await postLogin(a, 'khongco', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    const text = await wrongPassword.text();
    expect(text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(text).toContain('value="thuky"');
    expect(text).not.toContain('khong-dung-mat-khau');
    expect(await a.db.selectFrom('admin_session').selectAll().execute()).toHaveLength(0);
  });

  it('shows the field messages when the form is empty', async () => {
    a = await createAdminTest();
    const res = await postLogin(a, '', '');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html.match(/Vui lòng nhập thông tin này\./g)).toHaveLength(2);
  });

  it('refuses a login form without its anti-forgery token', async () => {
    a = await createAdminTest();
    await createAdmin(a.db, { username: 'thuky', role: 'province_admin' });
    const res = await a.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'thuky', password: PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((h) => h.startsWith('ktd_session='))).toBe(false);
  });

  it('throttles an account after five failures, even with the right password, and says how long to wait', async () => {
    a = await createAdminTest();
    await createAdmin(a.db, { username: 'thuky', role: 'province_admin' });
    for (let i = 0; i < 5; i++) expect((await postLogin(a, 'thuky', `sai-mat-khau-${i}`)).status).toBe(401);
    const blocked = await postLogin(a, 'thuky', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain('thử lại sau 15 phút');
    a.clock.now = new Date(a.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await postLogin(a, 'thuky', PASSWORD)).status).toBe(303);
  });

  it('counts failures per client address, reading X-Forwarded-For only from a proxy on this machine', () => {
    expect(clientAddressFrom('203.0.113.9', '10.0.0.1')).toBe('203.0.113.9');
    expect(clientAddressFrom('127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddressFrom('::1', 'forged, 198.51.100.8')).toBe('198.51.100.8');
    expect(clientAddressFrom('::ffff:127.0.0.1', '<script>')).toBe('::ffff:127.0.0.1');
    expect(clientAddressFrom('127.0.0.1', undefined)).toBe('127.0.0.1');
    expect(clientAddressFrom(null, '198.51.100.7')).toBeNull();
  });

  it('refuses a disabled account', async () => {
    a = await createAdminTest();
    const u = await createAdmin(a.db, { username: 'thuky', role: 'province_admin' });
    await a.db
      .updateTable('admin_user')
      .set({ disabled_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', u.id)
      .execute();
    expect((await postLogin(a, 'thuky', PASSWORD)).status).toBe(401);
  });

  it('ends the session after 8 idle hours', async () => {
    a = await createAdminTest();
    const c = await signIn(a, 'province_admin');
    expect((await c.get('/')).status).toBe(200);
    a.clock.now = new Date(a.clock.now.getTime() + 8 * 3600_000 + 1000);
    expect((await c.get('/')).status).toBe(302);
  });

  it('logs out only with the CSRF token, and the session is gone afterwards', async () => {
    a = await createAdminTest();
    const c = await signIn(a, 'province_admin');
    expect((await c.post('/logout', {}, { csrf: false })).status).toBe(403);
    expect((await c.get('/')).status).toBe(200);
    const out = await c.post('/logout');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login?ok=loggedOut');
    expect((await c.get('/')).status).toBe(302);
    expect(await a.db.selectFrom('admin_session').selectAll().execute()).toHaveLength(0);
  });

  it('never redirects to another site after signing in', async () => {
    a = await createAdminTest();
    await createAdmin(a.db, { username: 'thuky', role: 'province_admin' });
    const { cookie, token } = await loginForm(a);
    const res = await a.app.request('/login', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _login: token, username: 'thuky', password: PASSWORD, next: '//evil.example/x' }),
    });
    expect(res.headers.get('location')).toBe('/');
  });

  it('sends secure headers and no-store on pages', async () => {
    a = await createAdminTest();
    const res = await a.app.request('/login');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const css = await a.app.request('/static/admin.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});

describe('password change', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('changes the password, ends the other sessions and keeps this one', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db);
    const c = await signIn(a, 'bloc_admin', 1, 'vanphong');
    const other = await login(a.app, a.db, 'vanphong', PASSWORD);
    const res = await c.post('/account/password', {
      current: PASSWORD,
      password: 'mat-khau-moi-2026',
      confirm: 'mat-khau-moi-2026',
    });
    expect(res.status).toBe(303);
    expect((await c.get('/blocs/1')).status).toBe(200);
    expect((await other.get('/blocs/1')).status).toBe(302);
    await login(a.app, a.db, 'vanphong', 'mat-khau-moi-2026');
    const audit = await a.db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.password').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('vanphong');
  });

  it('shows each problem next to its field and changes nothing', async () => {
    a = await createAdminTest();
    const c = await signIn(a, 'province_admin', null, 'thuky');
    const before = (await a.db.selectFrom('admin_user').select('password_hash').executeTakeFirstOrThrow())
      .password_hash;
    const short = await c.post('/account/password', { current: PASSWORD, password: 'ngan', confirm: 'khac' });
    expect(short.status).toBe(422);
    const html = await short.text();
    expect(html).toContain('Mật khẩu mới phải có ít nhất 10 ký tự.');
    expect(html).toContain('Hai lần nhập mật khẩu mới không khớp nhau.');
    const wrong = await c.post('/account/password', {
      current: 'sai-mat-khau',
      password: 'mat-khau-moi-2026',
      confirm: 'mat-khau-moi-2026',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Mật khẩu hiện tại không đúng.');
    const after = (await a.db.selectFrom('admin_user').select('password_hash').executeTakeFirstOrThrow()).password_hash;
    expect(after).toBe(before);
  });
});

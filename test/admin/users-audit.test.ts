import { afterEach, describe, expect, it } from 'vitest';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, login, PASSWORD, signIn } from './helpers.js';

describe('admin accounts', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('creates a bloc admin who then sees only that bloc', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 1 });
    const c = await signIn(a, 'province_admin', null, 'bantdkt');
    const res = await c.post('/users', {
      username: 'VanPhong6',
      displayName: 'Văn phòng Khối 6',
      role: 'bloc_admin',
      blocId: '2',
      password: 'mat-khau-van-phong',
    });
    expect(res.status).toBe(303);
    const u = await a.db
      .selectFrom('admin_user')
      .selectAll()
      .where('username', '=', 'vanphong6')
      .executeTakeFirstOrThrow();
    expect(u).toMatchObject({ role: 'bloc_admin', bloc_id: 2, display_name: 'Văn phòng Khối 6' });
    const b = await login(a.app, a.db, 'vanphong6', 'mat-khau-van-phong');
    const home = await b.get('/');
    expect(home.headers.get('location')).toBe('/blocs/2');
    expect((await b.get('/blocs/1')).status).toBe(404);
    expect((await b.get('/users')).status).toBe(403);
  });

  it('refuses a taken or malformed username, a missing bloc, a short password, keeping the typed values', async () => {
    a = await createAdminTest();
    const c = await signIn(a, 'province_admin', null, 'bantdkt');
    const res = await c.post('/users', {
      username: 'a b',
      displayName: '',
      role: 'viewer',
      blocId: '',
      password: 'ngan',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tên đăng nhập chỉ gồm 3–40 ký tự');
    expect(html).toContain('Quản trị khối và người chỉ xem cần thuộc một khối.');
    expect(html).toContain('Mật khẩu mới phải có ít nhất 10 ký tự.');
    expect(html).toContain('value="a b"');
    expect(html).not.toContain('value="ngan"');
    const taken = await c.post('/users', {
      username: 'bantdkt',
      displayName: 'X',
      role: 'province_admin',
      password: 'mat-khau-dai-du',
    });
    expect(await taken.text()).toContain('Tên đăng nhập này đã có.');
    expect(await a.db.selectFrom('admin_user').selectAll().execute()).toHaveLength(1);
  });

  it('locks and unlocks an account, ending its sessions; never locks the last province admin or oneself', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const c = await signIn(a, 'province_admin', null, 'bantdkt');
    const viewer = await signIn(a, 'viewer', 1, 'xem');
    const viewerId = (
      await a.db.selectFrom('admin_user').select('id').where('username', '=', 'xem').executeTakeFirstOrThrow()
    ).id;
    expect((await c.post(`/users/${viewerId}/disable`)).status).toBe(303);
    expect((await viewer.get('/blocs/1')).status).toBe(302);
    const self = (
      await a.db.selectFrom('admin_user').select('id').where('username', '=', 'bantdkt').executeTakeFirstOrThrow()
    ).id;
    const me = await c.post(`/users/${self}/disable`);
    expect(me.status).toBe(409);
    expect(await me.text()).toContain('không thể tự khóa');
    const demote = await c.post(`/users/${self}`, { displayName: 'Ban TĐKT', role: 'viewer', blocId: '1' });
    expect(demote.status).toBe(422);
    expect(await demote.text()).toContain('Phải còn ít nhất một quản trị cấp tỉnh đang hoạt động.');
    expect((await c.post(`/users/${viewerId}/enable`)).status).toBe(303);
    await login(a.app, a.db, 'xem', PASSWORD);
    const actions = (await a.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['admin.disable', 'admin.enable']);
  });

  it("resets another account's password", async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const c = await signIn(a, 'province_admin', null, 'bantdkt');
    await signIn(a, 'bloc_admin', 1, 'vp');
    const id = (await a.db.selectFrom('admin_user').select('id').where('username', '=', 'vp').executeTakeFirstOrThrow())
      .id;
    expect((await c.post(`/users/${id}/password`, { password: 'ngan' })).status).toBe(422);
    expect((await c.post(`/users/${id}/password`, { password: 'mat-khau-moi-cua-vp' })).status).toBe(303);
    await login(a.app, a.db, 'vp', 'mat-khau-moi-cua-vp');
  });
});

describe('audit log page', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it("shows a bloc admin their bloc's changes only, and the province admin all", async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 1 });
    const one = await signIn(a, 'bloc_admin', 1, 'vp1');
    const two = await signIn(a, 'bloc_admin', 2, 'vp2');
    await one.post('/blocs/1/units', { name: 'Tỉnh đoàn', joinedOn: '01/01/2026' });
    await two.post('/blocs/2/units', { name: 'Hội Nông dân tỉnh', joinedOn: '01/01/2026' });
    const html = await (await one.get('/audit')).text();
    expect(html).toContain('Thêm đơn vị');
    expect(html).toContain('Tỉnh đoàn');
    expect(html).not.toContain('Hội Nông dân tỉnh');
    expect((await one.get('/audit?bloc=2')).status).toBe(200);
    expect(await (await one.get('/audit?bloc=2')).text()).not.toContain('Hội Nông dân tỉnh');
    const p = await signIn(a, 'province_admin', null, 'bantdkt');
    const all = await (await p.get('/audit')).text();
    expect(all).toContain('Tỉnh đoàn');
    expect(all).toContain('Hội Nông dân tỉnh');
    const v = await signIn(a, 'viewer', 1, 'xem');
    expect((await v.get('/audit')).status).toBe(403);
  });
});

describe('blocs', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('lets a province admin add and rename a bloc, with messages for a taken name', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const c = await signIn(a, 'province_admin');
    const home = await (await c.get('/')).text();
    expect(home).toContain('Khối thi đua thử nghiệm');
    expect(home).toContain('Thêm khối thi đua');
    const res = await c.post('/blocs/new', { name: 'Khối thi đua số 7', province: 'Sóc Trăng', description: '' });
    expect(res.status).toBe(303);
    const bloc = await a.db
      .selectFrom('bloc')
      .selectAll()
      .where('name', '=', 'Khối thi đua số 7')
      .executeTakeFirstOrThrow();
    expect(res.headers.get('location')).toBe(`/blocs/${bloc.id}/units?ok=created`);
    const dup = await c.post('/blocs/new', { name: 'Khối thi đua thử nghiệm', province: 'Sóc Trăng' });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('Đã có khối mang tên này.');
    const empty = await c.post('/blocs/new', { name: '', province: '' });
    expect(empty.status).toBe(422);
    expect(
      (
        await c.post(`/blocs/${bloc.id}/edit`, {
          name: 'Cụm thi đua số 7',
          province: 'Sóc Trăng',
          description: 'Các sở, ngành',
        })
      ).status,
    ).toBe(303);
    expect(
      (await a.db.selectFrom('bloc').select('name').where('id', '=', bloc.id).executeTakeFirstOrThrow()).name,
    ).toBe('Cụm thi đua số 7');
  });
});

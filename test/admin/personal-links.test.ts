// The personal report link on a focal point's page: who sees it, re-issue and revoke, the audit
// log, and links for focal points created from the admin or by a roster import.
import { afterEach, describe, expect, it } from 'vitest';
import { deriveLinkToken, hashLinkToken } from '../../src/core/personal-link-token.js';
import {
  activePersonalLinkOf,
  ensurePersonalLinks,
  findPersonalLinkByToken,
  tokenOfLink,
} from '../../src/db/personal-links.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, LINK_SECRET, NOW, signIn } from './helpers.js';

let a: AdminTest;
afterEach(() => a?.close());

async function setup(opts: { publicUrl?: string } = {}) {
  a = await createAdminTest({ botUsername: 'khoithidua_bot', publicUrl: opts.publicUrl });
  const bloc = await createSmallBloc(a.db, { units: 3 });
  const other = await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 2 });
  await ensurePersonalLinks(a.db, LINK_SECRET, NOW);
  return { bloc, other };
}

async function tokenOf(focalPointId: number): Promise<string> {
  const link = await activePersonalLinkOf(a.db, focalPointId);
  return tokenOfLink(LINK_SECRET, link!)!;
}

const page = (c: Client, bloc: SmallBloc, i = 0) =>
  c.get(`/blocs/${bloc.blocId}/focal-points/${bloc.focalPointIds[i]}`);

async function snapshot() {
  return JSON.stringify([
    await a.db.selectFrom('personal_link').selectAll().orderBy('id').execute(),
    await a.db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
  ]);
}

describe('personal link on the focal point page', () => {
  it('shows the bloc admin the full link, its QR code and when it was issued', async () => {
    const { bloc } = await setup();
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    const html = await (await page(c, bloc)).text();
    const token = await tokenOf(bloc.focalPointIds[0]!);
    expect(html).toContain('Liên kết báo cáo cá nhân');
    expect(html).toContain(`value="http://localhost/r/${token}"`);
    expect(html).toContain('alt="Mã QR liên kết báo cáo cá nhân của Cán bộ 1"');
    expect(html).toContain('Cấp lúc 10:00 25/11/2026 (tự động).');
    expect(html).toContain('Chưa được dùng lần nào.');
    expect(html).toContain('data-copy="personal-link-url"');
    // Without PUBLIC_URL the link takes the admin's own address, and the page says so.
    expect(html).toContain('Máy chủ chưa đặt PUBLIC_URL');
  });

  it('builds the link on PUBLIC_URL when it is set, and the province admin sees it too', async () => {
    const { bloc } = await setup({ publicUrl: 'https://thidua.example.vn' });
    const c = await signIn(a, 'province_admin');
    const html = await (await page(c, bloc, 1)).text();
    expect(html).toContain(`value="https://thidua.example.vn/r/${await tokenOf(bloc.focalPointIds[1]!)}"`);
    expect(html).not.toContain('Máy chủ chưa đặt PUBLIC_URL');
  });

  it('never shows the link to a viewer, and another bloc’s admin cannot open the page', async () => {
    const { bloc, other } = await setup();
    const token = await tokenOf(bloc.focalPointIds[0]!);
    const viewer = await signIn(a, 'viewer', bloc.blocId);
    const res = await page(viewer, bloc);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain(token);
    expect(html).not.toContain('/r/');
    expect(html).not.toContain('Mã QR liên kết báo cáo cá nhân');
    expect(html).toContain('Chỉ quản trị viên của Khối xem được liên kết báo cáo cá nhân');
    expect(html).not.toContain('Cấp lại liên kết');

    const stranger = await signIn(a, 'bloc_admin', other.blocId);
    const refused = await page(stranger, bloc);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(token);
  });

  it('re-issues: the old link stops at once, the new one works, the audit names no token', async () => {
    const { bloc } = await setup();
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    const fpId = bloc.focalPointIds[0]!;
    const old = await tokenOf(fpId);
    a.clock.now = new Date(NOW.getTime() + 60 * 60_000);
    const res = await c.post(`/blocs/1/focal-points/${fpId}/personal-link`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/blocs/1/focal-points/${fpId}?ok=personalLinkIssued#personal-link`);
    expect((await findPersonalLinkByToken(a.db, old)).kind).toBe('revoked');
    const fresh = await tokenOf(fpId);
    expect(fresh).not.toBe(old);
    const found = await findPersonalLinkByToken(a.db, fresh);
    expect(found.kind === 'ok' && found.focalPoint.id).toBe(fpId);

    const html = await (await c.get(res.headers.get('location')!)).text();
    expect(html).toContain('Đã cấp liên kết báo cáo cá nhân');
    expect(html).toContain(`/r/${fresh}`);
    expect(html).not.toContain(old);
    expect(html).toContain('Cấp lúc 11:00 25/11/2026 (blocadmin1).');

    const audit = await a.db.selectFrom('audit_log').selectAll().where('action', 'like', 'personal_link.%').execute();
    expect(audit.map((e) => [e.action, e.entity, e.entity_id, e.actor])).toEqual([
      ['personal_link.reissue', 'focal_point', String(fpId), 'blocadmin1'],
    ]);
    const links = await a.db
      .selectFrom('personal_link')
      .selectAll()
      .where('focal_point_id', '=', fpId)
      .orderBy('id')
      .execute();
    expect(JSON.parse(audit[0]!.details!)).toEqual({
      fullName: 'Cán bộ 1',
      linkId: links[1]!.id,
      replacedLinkId: links[0]!.id,
    });
    for (const secret of [old, fresh, ...links.flatMap((l) => [l.nonce, l.token_hash])])
      expect(audit[0]!.details).not.toContain(secret);
  });

  it('revokes, then offers to issue a new link', async () => {
    const { bloc } = await setup({ publicUrl: 'https://thidua.example.vn' });
    const c = await signIn(a, 'province_admin');
    const fpId = bloc.focalPointIds[2]!;
    const old = await tokenOf(fpId);
    // The warning says what is true with several channels: e-mail carries no report back.
    expect(await (await c.get(`/blocs/1/focal-points/${fpId}`)).text()).toContain(
      'cán bộ chỉ gửi được báo cáo qua ứng dụng nhắn tin đã kết nối (Telegram, Zalo), không qua thư điện tử.',
    );
    const res = await c.post(`/blocs/1/focal-points/${fpId}/personal-link/revoke`);
    expect(res.headers.get('location')).toBe(`/blocs/1/focal-points/${fpId}?ok=personalLinkRevoked#personal-link`);
    expect(await findPersonalLinkByToken(a.db, old)).toMatchObject({ kind: 'revoked' });
    expect(await activePersonalLinkOf(a.db, fpId)).toBeUndefined();
    let html = await (await c.get(`/blocs/1/focal-points/${fpId}`)).text();
    expect(html).toContain('Cán bộ chưa có liên kết báo cáo cá nhân đang hoạt động.');
    expect(html).toContain('Liên kết trước đã bị thu hồi lúc 10:00 25/11/2026 (provinceadmin).');
    expect(html).not.toContain('/r/');

    // Revoking again changes nothing and writes no audit entry.
    const before = await snapshot();
    await c.post(`/blocs/1/focal-points/${fpId}/personal-link/revoke`);
    expect(await snapshot()).toBe(before);

    await c.post(`/blocs/1/focal-points/${fpId}/personal-link`);
    html = await (await c.get(`/blocs/1/focal-points/${fpId}`)).text();
    expect(html).toContain(`https://thidua.example.vn/r/${await tokenOf(fpId)}`);
    const actions = await a.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'personal_link.%')
      .orderBy('id')
      .execute();
    expect(actions.map((r) => r.action)).toEqual(['personal_link.revoke', 'personal_link.issue']);
  });

  it('refuses without the form token, to a viewer, to another bloc, and for unknown or foreign focal points', async () => {
    const { bloc, other } = await setup();
    const fpId = bloc.focalPointIds[0]!;
    const admin = await signIn(a, 'bloc_admin', bloc.blocId);
    const viewer = await signIn(a, 'viewer', bloc.blocId);
    const stranger = await signIn(a, 'bloc_admin', other.blocId);
    const province = await signIn(a, 'province_admin');
    const before = await snapshot();
    for (const path of [
      `/blocs/1/focal-points/${fpId}/personal-link`,
      `/blocs/1/focal-points/${fpId}/personal-link/revoke`,
    ]) {
      const noToken = await admin.post(path, {}, { csrf: false });
      expect(noToken.status).toBe(403);
      expect(await noToken.text()).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ.');
      expect((await admin.post(path, {}, { csrf: 'x'.repeat(43) })).status).toBe(403);
      expect((await viewer.post(path)).status).toBe(403);
      expect((await stranger.post(path)).status).toBe(404);
    }
    // Bloc 2's focal point under bloc 1's pages, and ids that name nobody.
    for (const id of [other.focalPointIds[0]!, 999, 0]) {
      expect((await province.post(`/blocs/1/focal-points/${id}/personal-link`)).status).toBe(404);
      expect((await province.post(`/blocs/1/focal-points/${id}/personal-link/revoke`)).status).toBe(404);
    }
    expect((await province.post('/blocs/1/focal-points/abc/personal-link')).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('a focal point who leaves loses the link, and none can be issued to them', async () => {
    const { bloc } = await setup();
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    const fpId = bloc.focalPointIds[1]!;
    const token = await tokenOf(fpId);
    await c.post(`/blocs/1/focal-points/${fpId}/deactivate`);
    expect(await findPersonalLinkByToken(a.db, token)).toMatchObject({ kind: 'revoked' });
    const deactivation = await a.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'focal_point.deactivate')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(deactivation.details!)).toMatchObject({ personalLinkRevoked: true });
    const html = await (await c.get(`/blocs/1/focal-points/${fpId}`)).text();
    expect(html).toContain('Cán bộ đã nghỉ: liên kết báo cáo cá nhân đã bị thu hồi.');
    expect(html).not.toContain('/r/');

    const before = await snapshot();
    const refused = await c.post(`/blocs/1/focal-points/${fpId}/personal-link`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Cán bộ này đã nghỉ; không thể cấp liên kết báo cáo cá nhân.');
    expect(await snapshot()).toBe(before);
  });

  it('says when the server’s secret changed and the link cannot be shown, and re-issues it', async () => {
    const { bloc } = await setup();
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    const fpId = bloc.focalPointIds[0]!;
    // A link issued under another secret: it still opens the form, but cannot be derived again.
    const foreign = deriveLinkToken('an-earlier-secret-of-this-server-0123456789', 'nonce-under-old-secret');
    await a.db
      .updateTable('personal_link')
      .set({ nonce: 'nonce-under-old-secret', token_hash: hashLinkToken(foreign) })
      .where('focal_point_id', '=', fpId)
      .where('revoked_at', 'is', null)
      .execute();
    let html = await (await c.get(`/blocs/1/focal-points/${fpId}`)).text();
    expect(html).toContain('khóa bí mật của máy chủ (PERSONAL_LINK_SECRET) đã thay đổi');
    expect(html).not.toContain('/r/');
    expect(html).toContain('Cấp lại liên kết');
    await c.post(`/blocs/1/focal-points/${fpId}/personal-link`);
    expect(await findPersonalLinkByToken(a.db, foreign)).toMatchObject({ kind: 'revoked' });
    html = await (await c.get(`/blocs/1/focal-points/${fpId}`)).text();
    expect(html).toContain(`/r/${await tokenOf(fpId)}`);
  });
});

describe('moving a focal point to another unit', () => {
  it('re-issues their link, so one passed around the old unit cannot open the new unit’s reports', async () => {
    const { bloc } = await setup();
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    const fpId = bloc.focalPointIds[0]!;
    const old = await tokenOf(fpId);
    const form = { fullName: 'Cán bộ 1', position: '', phone: '', role: 'focal_point' };

    // Saving without a change of unit keeps the link.
    expect((await c.post(`/blocs/1/focal-points/${fpId}`, { ...form, unitId: String(bloc.unitIds[0]) })).status).toBe(
      303,
    );
    expect(await tokenOf(fpId)).toBe(old);

    expect((await c.post(`/blocs/1/focal-points/${fpId}`, { ...form, unitId: String(bloc.unitIds[2]) })).status).toBe(
      303,
    );
    expect((await findPersonalLinkByToken(a.db, old)).kind).toBe('revoked');
    const fresh = await tokenOf(fpId);
    const found = await findPersonalLinkByToken(a.db, fresh);
    expect(found.kind === 'ok' && found.focalPoint.unitId).toBe(bloc.unitIds[2]);
    const audit = await a.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'personal_link.reissue')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ reason: 'unit_changed' });
    expect(audit[0]!.details).not.toContain(fresh);
  });
});

describe('new focal points get a link', () => {
  it('when added on the focal points page', async () => {
    const { bloc } = await setup();
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    await c.post('/blocs/1/focal-points', {
      unitId: String(bloc.unitIds[1]),
      fullName: 'Lâm Văn Phúc',
      phone: '0912 345 678',
      role: 'focal_point',
    });
    const fp = await a.db
      .selectFrom('focal_point')
      .select('id')
      .where('full_name', '=', 'Lâm Văn Phúc')
      .executeTakeFirstOrThrow();
    const link = await activePersonalLinkOf(a.db, fp.id);
    expect(link).toMatchObject({ createdBy: 'blocadmin1', revokedAt: null });
    const token = tokenOfLink(LINK_SECRET, link!)!;
    expect((await findPersonalLinkByToken(a.db, token)).kind).toBe('ok');
    const created = await a.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'focal_point.create')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(created.details!)).toMatchObject({ personalLinkId: link!.id });
    expect(created.details).not.toContain(token);
    expect(await (await c.get(`/blocs/1/focal-points/${fp.id}`)).text()).toContain(`/r/${token}`);
  });

  it('when imported from a roster file', async () => {
    const { bloc } = await setup();
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    const csv = '\uFEFFĐơn vị,Cán bộ đầu mối,Số điện thoại\r\nTỉnh đoàn,Lê Minh Khang,0912 345 678\r\n';
    const form = new FormData();
    form.set('file', new File([csv], 'danh-sach.csv', { type: 'text/csv' }));
    const preview = await (await c.postMultipart('/blocs/1/import/preview', form)).text();
    const hidden = (name: string) =>
      new RegExp(`name="${name}" value="([^"]*)"`)
        .exec(preview)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const done = await c.post('/blocs/1/import/confirm', {
      rows: hidden('rows'),
      fileName: hidden('fileName'),
      expected: hidden('expected'),
    });
    expect(done.status).toBe(303);
    const fp = await a.db
      .selectFrom('focal_point')
      .select('id')
      .where('full_name', '=', 'Lê Minh Khang')
      .executeTakeFirstOrThrow();
    const link = await activePersonalLinkOf(a.db, fp.id);
    expect(link).toMatchObject({ createdBy: 'blocadmin1' });
    expect((await findPersonalLinkByToken(a.db, tokenOfLink(LINK_SECRET, link!)!)).kind).toBe('ok');
  });
});

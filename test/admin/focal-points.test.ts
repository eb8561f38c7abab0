import { afterEach, describe, expect, it } from 'vitest';
import { createSmallBloc } from '../helpers/fixtures.js';
import { submitReport } from '../../src/db/reports.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

describe('focal points', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup(botUsername?: string) {
    a = await createAdminTest({ botUsername });
    const bloc = await createSmallBloc(a.db, { units: 3 });
    const c = await signIn(a, 'bloc_admin', bloc.blocId);
    return { bloc, c };
  }

  it('adds a focal point, creates an invite and shows its link and QR code', async () => {
    const { bloc, c } = await setup('khoithidua_bot');
    expect(await (await c.get('/blocs/1/focal-points')).text()).toContain(
      'nhận nhắc nhở qua Telegram, Zalo hoặc thư điện tử.',
    );
    const res = await c.post('/blocs/1/focal-points', {
      unitId: String(bloc.unitIds[1]),
      fullName: 'Lâm Văn Phúc',
      position: 'Phó Chánh Văn phòng',
      phone: '0912 345 678',
      role: 'focal_point',
    });
    expect(res.status).toBe(303);
    const fp = await a.db
      .selectFrom('focal_point')
      .selectAll()
      .where('full_name', '=', 'Lâm Văn Phúc')
      .executeTakeFirstOrThrow();
    expect(fp).toMatchObject({ unit_id: bloc.unitIds[1], phone: '0912 345 678', status: 'active' });
    expect(res.headers.get('location')).toBe(`/blocs/1/focal-points/${fp.id}?ok=focalPointCreated#invite`);
    const invite = await a.db
      .selectFrom('invite')
      .selectAll()
      .where('focal_point_id', '=', fp.id)
      .executeTakeFirstOrThrow();
    const page = await (await c.get(`/blocs/1/focal-points/${fp.id}`)).text();
    expect(page).toContain(`https://t.me/khoithidua_bot?start=${invite.code}`);
    expect(page).toMatch(/<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(page).toContain('Mã QR mời Lâm Văn Phúc kết nối Telegram');
    expect(
      await a.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(fp.id)).execute(),
    ).toEqual([{ action: 'focal_point.create' }]);
  });

  it('never shows the invite to a viewer, who could otherwise link their own Telegram to the focal point', async () => {
    const { bloc, c } = await setup('khoithidua_bot');
    await c.post('/blocs/1/focal-points', {
      unitId: String(bloc.unitIds[0]),
      fullName: 'Trần Thị Minh Thư',
      role: 'focal_point',
    });
    const fp = await a.db
      .selectFrom('focal_point')
      .select('id')
      .where('full_name', '=', 'Trần Thị Minh Thư')
      .executeTakeFirstOrThrow();
    const invite = await a.db
      .selectFrom('invite')
      .selectAll()
      .where('focal_point_id', '=', fp.id)
      .executeTakeFirstOrThrow();
    const viewer = await signIn(a, 'viewer', bloc.blocId);
    const res = await viewer.get(`/blocs/1/focal-points/${fp.id}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain(invite.code);
    expect(page).not.toContain('t.me/');
    expect(page).not.toContain('class="qr"');
    expect(page).toContain('Chỉ quản trị viên của Khối xem được liên kết mời');
  });

  it('without a bot shows the code and explains that the bot is not connected', async () => {
    const { bloc, c } = await setup();
    await c.post('/blocs/1/focal-points', {
      unitId: String(bloc.unitIds[0]),
      fullName: 'Trần Thị Minh Thư',
      role: 'focal_point',
    });
    const fp = await a.db
      .selectFrom('focal_point')
      .select('id')
      .where('full_name', '=', 'Trần Thị Minh Thư')
      .executeTakeFirstOrThrow();
    const invite = await a.db
      .selectFrom('invite')
      .selectAll()
      .where('focal_point_id', '=', fp.id)
      .executeTakeFirstOrThrow();
    const page = await (await c.get(`/blocs/1/focal-points/${fp.id}`)).text();
    expect(page).toContain('chưa kết nối với bot Telegram');
    expect(page).toContain(invite.code);
    expect(page).not.toContain('t.me/');
    // No invite QR code; the personal report link's QR code does not need the bot.
    expect(page).not.toContain('Mã QR mời');
    expect(page).toContain('Mã QR liên kết báo cáo cá nhân');
  });

  it('refuses a bad phone number and a unit outside the bloc, keeping the typed values', async () => {
    const { c } = await setup();
    const other = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const res = await c.post('/blocs/1/focal-points', {
      unitId: '1',
      fullName: 'Nguyễn Văn A',
      phone: '12ab',
      role: 'focal_point',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Số điện thoại chỉ gồm chữ số');
    expect(html).toContain('value="12ab"');
    const foreign = await c.post('/blocs/1/focal-points', {
      unitId: String(other.unitIds[0]),
      fullName: 'Nguyễn Văn A',
      role: 'focal_point',
    });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('Vui lòng chọn một đơn vị đang là thành viên của khối.');
    expect(
      await a.db.selectFrom('focal_point').selectAll().where('full_name', '=', 'Nguyễn Văn A').execute(),
    ).toHaveLength(0);
  });

  it('edits a focal point and lists whether each is linked and their last report', async () => {
    const { bloc, c } = await setup();
    const fpId = bloc.focalPointIds[0]!;
    await a.db
      .updateTable('focal_point')
      .set({ linked_at: '2026-11-01T02:00:00.000Z', telegram_user_id: '777', telegram_username: 'thu' })
      .where('id', '=', fpId)
      .execute();
    await a.db.transaction().execute((trx) =>
      submitReport(trx, {
        blocId: 1,
        unitId: bloc.unitIds[0]!,
        period: { kind: 'week', key: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
        isNil: true,
        values: [],
        notableResults: null,
        difficulties: null,
        proposals: null,
        submittedBy: { focalPointId: fpId },
        via: 'telegram',
        at: NOW,
      }),
    );
    const list = await (await c.get('/blocs/1/focal-points')).text();
    expect(list).toContain('Đã kết nối');
    expect(list).toContain('Chưa kết nối');
    expect(list).toContain('2026-W47, cập nhật 10:00 25/11/2026');
    const res = await c.post(`/blocs/1/focal-points/${fpId}`, {
      unitId: String(bloc.unitIds[0]),
      fullName: 'Cán bộ Một',
      position: 'Chánh Văn phòng',
      phone: '',
      role: 'unit_head',
    });
    expect(res.status).toBe(303);
    expect(
      await a.db.selectFrom('focal_point').selectAll().where('id', '=', fpId).executeTakeFirstOrThrow(),
    ).toMatchObject({
      full_name: 'Cán bộ Một',
      role: 'unit_head',
      phone: null,
    });
  });

  it('replaces the invite with a new one and ends the old', async () => {
    const { bloc, c } = await setup('khoithidua_bot');
    const fpId = bloc.focalPointIds[0]!;
    await c.post(`/blocs/1/focal-points/${fpId}/invite`);
    await c.post(`/blocs/1/focal-points/${fpId}/invite`);
    const invites = await a.db
      .selectFrom('invite')
      .selectAll()
      .where('focal_point_id', '=', fpId)
      .orderBy('id')
      .execute();
    expect(invites).toHaveLength(2);
    expect(invites[0]!.expires_at <= NOW.toISOString()).toBe(true);
    expect(invites[1]!.expires_at > NOW.toISOString()).toBe(true);
    expect(await (await c.get(`/blocs/1/focal-points/${fpId}`)).text()).toContain(invites[1]!.code);
  });

  it('deactivates a focal point: unlinked, invites ended, reports kept', async () => {
    const { bloc, c } = await setup();
    const fpId = bloc.focalPointIds[1]!;
    await c.post(`/blocs/1/focal-points/${fpId}/invite`);
    await a.db
      .updateTable('focal_point')
      .set({ telegram_user_id: '888', telegram_chat_id: '888', linked_at: NOW.toISOString() })
      .where('id', '=', fpId)
      .execute();
    expect((await c.post(`/blocs/1/focal-points/${fpId}/deactivate`)).status).toBe(303);
    const fp = await a.db.selectFrom('focal_point').selectAll().where('id', '=', fpId).executeTakeFirstOrThrow();
    expect(fp).toMatchObject({ status: 'left', telegram_user_id: null, telegram_chat_id: null });
    const open = await a.db
      .selectFrom('invite')
      .selectAll()
      .where('focal_point_id', '=', fpId)
      .where('expires_at', '>', NOW.toISOString())
      .execute();
    expect(open).toHaveLength(0);
    const page = await (await c.get(`/blocs/1/focal-points/${fpId}`)).text();
    expect(page).toContain('Đã nghỉ từ');
    expect(page).not.toContain('Tạo mã mời mới');
    expect((await c.post(`/blocs/1/focal-points/${fpId}/invite`)).status).toBe(403);
  });

  it('answers 404 for a focal point of another bloc', async () => {
    const { c } = await setup();
    const other = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const foreign = other.focalPointIds[0]!;
    expect((await c.get(`/blocs/1/focal-points/${foreign}`)).status).toBe(404);
    expect((await c.post(`/blocs/1/focal-points/${foreign}/deactivate`)).status).toBe(404);
    expect((await c.post(`/blocs/1/focal-points/${foreign}/invite`)).status).toBe(404);
    expect(
      (await a.db.selectFrom('focal_point').select('status').where('id', '=', foreign).executeTakeFirstOrThrow())
        .status,
    ).toBe('active');
    expect(await a.db.selectFrom('invite').selectAll().execute()).toHaveLength(0);
  });
});

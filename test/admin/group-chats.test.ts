import { afterEach, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/db/audit-log.js';
import { linkBlocChat } from '../../src/db/bloc-chats.js';
import { createInvite } from '../../src/db/invites.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

describe("the bloc's Telegram groups", () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup(botUsername?: string) {
    a = await createAdminTest({ botUsername });
    await createSmallBloc(a.db, { units: 2 });
    await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const main = await linkBlocChat(a.db, {
      blocId: 1,
      telegramChatId: '-1001',
      title: 'Nhóm Khối thi đua số 6',
      at: new Date('2026-11-02T02:30:00Z'),
    });
    const old = await linkBlocChat(a.db, {
      blocId: 1,
      telegramChatId: '-1002',
      title: 'Nhóm cũ <b>',
      at: new Date('2026-01-05T01:00:00Z'),
    });
    await a.db.updateTable('bloc_chat').set({ active: 0 }).where('id', '=', old.id).execute();
    const foreign = await linkBlocChat(a.db, {
      blocId: 2,
      telegramChatId: '-2001',
      title: 'Nhóm của khối khác',
      at: NOW,
    });
    return { main, old, foreign };
  }

  it('lists the linked groups with their date and whether they still receive messages', async () => {
    await setup('khoithidua_bot');
    const c = await signIn(a, 'viewer', 1);
    const html = await (await c.get('/blocs/1/delivery/groups')).text();
    expect(html).toContain('Nhóm Khối thi đua số 6');
    expect(html).toContain('09:30 02/11/2026');
    expect(html).toContain('Nhóm cũ &lt;b&gt;');
    expect(html).toContain('Đang nhận tin');
    expect(html).toContain('Đã ngừng gửi');
    expect(html).not.toContain('Nhóm của khối khác');
    expect(html).toContain('aria-current="page">Nhóm Telegram</a>');
  });

  it('creates a group invite and shows it as a startgroup link and a QR code', async () => {
    await setup('khoithidua_bot');
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.post('/blocs/1/delivery/groups/invite');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/blocs/1/delivery/groups?ok=groupInviteCreated#invite');
    const invite = await a.db.selectFrom('invite').selectAll().executeTakeFirstOrThrow();
    expect(invite).toMatchObject({
      kind: 'group',
      bloc_id: 1,
      focal_point_id: null,
      created_by: 'blocadmin1',
      used_at: null,
    });
    expect(invite.code).toMatch(/^gr_[A-Za-z0-9_-]{32}$/);
    const html = await (await c.get('/blocs/1/delivery/groups?ok=groupInviteCreated')).text();
    expect(html).toContain(`https://t.me/khoithidua_bot?startgroup=${invite.code}`);
    expect(html).toMatch(
      /<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Mã QR mời thêm bot vào nhóm Telegram của Khối thi đua thử nghiệm"/,
    );
    expect(html).toContain('Đã tạo liên kết mời nhóm.');
    expect(html).toContain('hiệu lực đến 10:00 09/12/2026');
    const audit = await a.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toMatchObject([
      { action: 'bloc_chat.invite', entity: 'invite', entity_id: String(invite.id), bloc_id: 1, actor: 'blocadmin1' },
    ]);
    // A second invite (for another group) keeps the first usable; only the newest gets a QR code.
    await c.post('/blocs/1/delivery/groups/invite');
    const again = await (await c.get('/blocs/1/delivery/groups')).text();
    expect(again).toContain('Các liên kết mời nhóm khác còn hiệu lực');
    expect(again).toContain(`startgroup=${invite.code}`);
    expect(again.match(/class="qr"/g)).toHaveLength(1);
  });

  it('tells editors who can link a group, and names what the bot and groups did in the audit log', async () => {
    const { main } = await setup('khoithidua_bot');
    const c = await signIn(a, 'bloc_admin', 1);
    expect(await (await c.get('/blocs/1/delivery/groups')).text()).toContain(
      'Chỉ quản trị viên của nhóm liên kết được nhóm; thành viên khác dùng liên kết thì bot từ chối và không thay đổi gì. Nhóm đang nhận tin của một khối khác không thể chuyển sang Khối này bằng liên kết mời: khối đó phải ngừng gửi vào nhóm trước.',
    );
    for (const action of ['bloc_chat.link', 'bloc_chat.moved_away', 'bloc_chat.bot_removed']) {
      await writeAudit(a.db, {
        at: NOW,
        actor: 'telegram:5',
        action,
        entity: 'bloc_chat',
        entityId: main.id,
        blocId: 1,
      });
    }
    const log = await (await c.get('/audit')).text();
    expect(log).toContain('Liên kết nhóm Telegram (quản trị viên nhóm dùng liên kết mời)');
    expect(log).toContain('Nhóm Telegram đã ngừng gửi được liên kết sang khối khác');
    expect(log).toContain('Bot bị xóa khỏi nhóm Telegram; ngừng gửi tin vào nhóm');
  });

  it('without a bot shows the code and explains that the bot is not connected', async () => {
    await setup();
    const c = await signIn(a, 'province_admin');
    await c.post('/blocs/1/delivery/groups/invite');
    const invite = await a.db.selectFrom('invite').selectAll().executeTakeFirstOrThrow();
    const html = await (await c.get('/blocs/1/delivery/groups')).text();
    expect(html).toContain('chưa kết nối với bot Telegram');
    expect(html).toContain(invite.code);
    expect(html).not.toContain('t.me/');
    expect(html).not.toContain('class="qr"');
  });

  it('stops sending to a group, once, with an audit entry', async () => {
    const { main } = await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.post(`/blocs/1/delivery/groups/${main.id}/deactivate`);
    expect(res.headers.get('location')).toBe('/blocs/1/delivery/groups?ok=groupDeactivated');
    expect(
      (await a.db.selectFrom('bloc_chat').select('active').where('id', '=', main.id).executeTakeFirstOrThrow()).active,
    ).toBe(0);
    expect((await c.post(`/blocs/1/delivery/groups/${main.id}/deactivate`)).status).toBe(303);
    const audit = await a.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toMatchObject([
      { action: 'bloc_chat.deactivate', entity: 'bloc_chat', entity_id: String(main.id), bloc_id: 1 },
    ]);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ title: 'Nhóm Khối thi đua số 6', telegramChatId: '-1001' });
    const html = await (await c.get('/blocs/1/delivery/groups')).text();
    expect(html).not.toContain('Ngừng gửi tin vào nhóm Nhóm Khối thi đua số 6');
  });

  it('cancels the messages still queued for a group when it is stopped', async () => {
    const { main } = await setup();
    const queue = (key: string, chatId: string) =>
      enqueueOutbox(a.db, {
        dedupeKey: key,
        blocId: 1,
        kind: 'digest',
        chatId,
        chatType: 'group',
        payload: { text: key },
        now: NOW,
      });
    await queue('digest-main', '-1001');
    await queue('digest-other', '-3001');
    const c = await signIn(a, 'bloc_admin', 1);
    await c.post(`/blocs/1/delivery/groups/${main.id}/deactivate`);
    const rows = await a.db
      .selectFrom('outbox_message')
      .select(['dedupe_key', 'status', 'failure_reason'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { dedupe_key: 'digest-main', status: 'failed', failure_reason: 'chat_stopped' },
      { dedupe_key: 'digest-other', status: 'queued', failure_reason: null },
    ]);
  });

  it('revokes an open group invite so its link no longer works, with an audit entry', async () => {
    await setup('khoithidua_bot');
    const invite = await createInvite(a.db, { kind: 'group', blocId: 1, createdBy: 'x', now: NOW });
    const foreign = await createInvite(a.db, { kind: 'group', blocId: 2, createdBy: 'x', now: NOW });
    const c = await signIn(a, 'bloc_admin', 1);
    expect(await (await c.get('/blocs/1/delivery/groups')).text()).toContain(invite.code);
    for (const id of [String(foreign.id), '999', 'abc']) {
      expect((await c.post(`/blocs/1/delivery/groups/invites/${id}/revoke`)).status).toBe(404);
    }
    const res = await c.post(`/blocs/1/delivery/groups/invites/${invite.id}/revoke`);
    expect(res.headers.get('location')).toBe('/blocs/1/delivery/groups?ok=groupInviteRevoked#invite');
    const stored = await a.db.selectFrom('invite').select(['id', 'expires_at']).orderBy('id').execute();
    expect(stored[0]!.expires_at).toBe(NOW.toISOString());
    expect(stored[1]!.expires_at).not.toBe(NOW.toISOString());
    expect(await (await c.get('/blocs/1/delivery/groups')).text()).not.toContain(invite.code);
    expect((await a.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action)).toEqual([
      'bloc_chat.invite_revoke',
    ]);
  });

  it("answers 404 for another bloc's group or a made-up id and changes nothing", async () => {
    const { foreign } = await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    for (const id of [String(foreign.id), '999', 'abc', '-1']) {
      expect((await c.post(`/blocs/1/delivery/groups/${id}/deactivate`)).status).toBe(404);
    }
    expect(
      (await a.db.selectFrom('bloc_chat').select('active').where('id', '=', foreign.id).executeTakeFirstOrThrow())
        .active,
    ).toBe(1);
    expect(await a.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });

  it('lets a viewer read the groups but neither see invites nor change anything', async () => {
    const { main } = await setup('khoithidua_bot');
    const admin = await signIn(a, 'bloc_admin', 1);
    await admin.post('/blocs/1/delivery/groups/invite');
    const viewer = await signIn(a, 'viewer', 1);
    const html = await (await viewer.get('/blocs/1/delivery/groups')).text();
    expect(html).toContain('Nhóm Khối thi đua số 6');
    expect(html).not.toContain('startgroup=');
    expect(html).not.toContain('gr_');
    expect(html).not.toContain('Ngừng gửi vào nhóm');
    expect(html).not.toContain('Tạo liên kết mời nhóm');
    expect((await viewer.post('/blocs/1/delivery/groups/invite')).status).toBe(403);
    expect((await viewer.post(`/blocs/1/delivery/groups/${main.id}/deactivate`)).status).toBe(403);
    expect(await a.db.selectFrom('invite').selectAll().execute()).toHaveLength(1);
    expect(
      (await a.db.selectFrom('bloc_chat').select('active').where('id', '=', main.id).executeTakeFirstOrThrow()).active,
    ).toBe(1);
  });

  it('refuses a change without the CSRF token', async () => {
    const { main } = await setup('khoithidua_bot');
    const c = await signIn(a, 'bloc_admin', 1);
    expect((await c.post('/blocs/1/delivery/groups/invite', {}, { csrf: false })).status).toBe(403);
    expect((await c.post(`/blocs/1/delivery/groups/${main.id}/deactivate`, {}, { csrf: 'x'.repeat(43) })).status).toBe(
      403,
    );
    expect(await a.db.selectFrom('invite').selectAll().execute()).toEqual([]);
    expect(
      (await a.db.selectFrom('bloc_chat').select('active').where('id', '=', main.id).executeTakeFirstOrThrow()).active,
    ).toBe(1);
  });
});

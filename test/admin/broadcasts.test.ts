import { afterEach, describe, expect, it } from 'vitest';
import { linkBlocChat } from '../../src/db/bloc-chats.js';
import { addMembership, createUnit, endMembership } from '../../src/db/units.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, signIn } from './helpers.js';

const NONCE = 'n0nce-for-the-first-form';

describe('broadcasts', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  /** Bloc 1: units 1 and 2 linked, unit 3's focal point not linked, unit 4 has none, unit 5 left; one active and one stopped group. */
  async function setup() {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 3 });
    const other = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const link = (fpId: number, chat: string) =>
      a.db
        .updateTable('focal_point')
        .set({ telegram_chat_id: chat, telegram_user_id: chat, linked_at: '2026-11-01T00:00:00.000Z' })
        .where('id', '=', fpId)
        .execute();
    await link(bloc.focalPointIds[0]!, '5001');
    await link(bloc.focalPointIds[1]!, '5002');
    await link(other.focalPointIds[0]!, '6001');
    const empty = await createUnit(a.db, { name: 'Đơn vị chưa có cán bộ' });
    await addMembership(a.db, { blocId: 1, unitId: empty.id, joinedOn: '2026-01-01', displayOrder: 4 });
    const gone = await createUnit(a.db, { name: 'Đơn vị đã rời khối' });
    await addMembership(a.db, { blocId: 1, unitId: gone.id, joinedOn: '2025-01-01', displayOrder: 5 });
    await endMembership(a.db, 1, gone.id, '2026-06-30');
    await a.db
      .insertInto('focal_point')
      .values({
        unit_id: gone.id,
        full_name: 'Cán bộ đã rời',
        telegram_chat_id: '5009',
        linked_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await linkBlocChat(a.db, {
      blocId: 1,
      telegramChatId: '-1001',
      title: 'Nhóm Khối',
      at: new Date('2026-11-01T00:00:00Z'),
    });
    const stopped = await linkBlocChat(a.db, {
      blocId: 1,
      telegramChatId: '-1002',
      title: 'Nhóm cũ',
      at: new Date('2026-01-01T00:00:00Z'),
    });
    await a.db.updateTable('bloc_chat').set({ active: 0 }).where('id', '=', stopped.id).execute();
    await linkBlocChat(a.db, {
      blocId: 2,
      telegramChatId: '-2001',
      title: 'Nhóm khối khác',
      at: new Date('2026-11-01T00:00:00Z'),
    });
    return bloc;
  }

  const send = (c: Client, fields: Record<string, string>) =>
    c.post('/blocs/1/delivery/broadcasts', { nonce: NONCE, ...fields });
  const outbox = () => a.db.selectFrom('outbox_message').selectAll().orderBy('id').execute();

  it('shows who will receive it and who cannot be reached', async () => {
    await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    const html = await (await c.get('/blocs/1/delivery/broadcasts')).text();
    expect(html).toContain('2 cán bộ đầu mối có kênh nhận tin sẽ nhận tin.');
    expect(html).toContain('2 người hoặc đơn vị chưa nhận được qua kênh nào (Telegram, Zalo hay thư điện tử)');
    expect(html).toContain('Cán bộ 3 (Đơn vị 3): chưa có kênh nhận tin nào');
    expect(html).toContain('Đơn vị chưa có cán bộ: chưa có cán bộ đầu mối');
    expect(html).not.toContain('Đơn vị đã rời khối');
    expect(html).toContain('Gửi cả vào 1 nhóm Telegram của Khối');
    expect(html).toMatch(/<input type="hidden" name="nonce" value="[A-Za-z0-9_-]{24}"/);
    expect(html).toContain('data-counter="3500"');
    expect(html).toContain('Chưa gửi thông báo nào.');
  });

  it('queues one message per recipient with the bloc name and the signature, in one go', async () => {
    await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    // Decomposed Vietnamese and stray spaces, as a phone keyboard may send them.
    const typed = '  Kính gửi các đồng chí:\r\n họp Khối vào 8 giờ thứ Hai.  '.normalize('NFD');
    const res = await send(c, { text: typed, includeGroups: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/blocs/1/delivery/broadcasts/1?ok=broadcastQueued');
    const text = 'Kính gửi các đồng chí:\nhọp Khối vào 8 giờ thứ Hai.';
    const broadcast = await a.db.selectFrom('broadcast').selectAll().executeTakeFirstOrThrow();
    expect(broadcast).toMatchObject({
      bloc_id: 1,
      text,
      include_groups: 1,
      sender_name: 'Cán bộ blocadmin1',
      created_by: 'blocadmin1',
      recipients: 3,
      form_nonce: NONCE,
    });
    expect(JSON.parse(broadcast.unreachable)).toEqual([
      { name: 'Cán bộ 3', unit: 'Đơn vị 3' },
      { name: null, unit: 'Đơn vị chưa có cán bộ' },
    ]);
    const rows = await outbox();
    expect(rows.map((r) => [r.dedupe_key, r.chat_type, r.kind, r.bloc_id, r.status])).toEqual([
      ['broadcast:1:5001', 'private', 'broadcast', 1, 'queued'],
      ['broadcast:1:5002', 'private', 'broadcast', 1, 'queued'],
      ['broadcast:1:-1001', 'group', 'broadcast', 1, 'queued'],
    ]);
    expect(JSON.parse(rows[0]!.payload)).toEqual({
      text: `[Khối thi đua thử nghiệm]\n\n${text}\n\n— Cán bộ blocadmin1`,
    });
    const audit = await a.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toMatchObject([{ action: 'broadcast.send', entity: 'broadcast', entity_id: '1', bloc_id: 1 }]);
    expect(JSON.parse(audit[0]!.details!)).toEqual({
      recipients: 3,
      groups: 1,
      unreachable: 2,
      characters: text.length,
    });
  });

  it('leaves the groups out unless asked', async () => {
    await setup();
    const c = await signIn(a, 'province_admin');
    await send(c, { text: 'Chỉ gửi cán bộ đầu mối' });
    expect((await outbox()).map((r) => r.chat_id)).toEqual(['5001', '5002']);
  });

  it('does not queue twice when the same form is sent twice', async () => {
    await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    await send(c, { text: 'Thông báo một lần' });
    const again = await send(c, { text: 'Thông báo một lần' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/blocs/1/delivery/broadcasts/1?ok=broadcastDuplicate');
    expect(await a.db.selectFrom('broadcast').selectAll().execute()).toHaveLength(1);
    expect(await outbox()).toHaveLength(2);
    expect(await a.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(1);
    expect(await (await c.get('/blocs/1/delivery/broadcasts/1?ok=broadcastDuplicate')).text()).toContain(
      'không gửi lặp lại',
    );
    // A new form (a new nonce) is a new broadcast.
    await c.post('/blocs/1/delivery/broadcasts', { nonce: 'another-form-nonce-1234', text: 'Thông báo thứ hai' });
    expect(await a.db.selectFrom('broadcast').selectAll().execute()).toHaveLength(2);
  });

  it('refuses an empty, a too long or a stale form next to the field, keeping what was typed', async () => {
    await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    const empty = await send(c, { text: ' \u200b ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain(
      '<div class="error" id="f-text-error">Vui lòng nhập nội dung thông báo.</div>',
    );
    const long = `Mở đầu ${'ư'.repeat(3500)}`;
    const tooLong = await send(c, { text: long, includeGroups: '1' });
    expect(tooLong.status).toBe(422);
    const html = await tooLong.text();
    expect(html).toContain('Nội dung dài 3507 ký tự, vượt quá 3500 ký tự của một tin nhắn. Xin vui lòng rút gọn.');
    expect(html).toContain(`${long}</textarea>`);
    expect(html).toMatch(/name="includeGroups" value="1" checked=""/);
    expect(html).toContain(`name="nonce" value="${NONCE}"`);
    const stale = await c.post('/blocs/1/delivery/broadcasts', { text: 'Nội dung giữ lại' });
    expect(stale.status).toBe(422);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('Biểu mẫu không còn hợp lệ. Nội dung vẫn được giữ bên dưới');
    expect(staleHtml).toContain('Nội dung giữ lại</textarea>');
    expect(staleHtml).toMatch(/name="nonce" value="[A-Za-z0-9_-]{24}"/);
    expect(await a.db.selectFrom('broadcast').selectAll().execute()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('takes exactly 3500 characters and the whole message still fits one Telegram message', async () => {
    await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    expect((await send(c, { text: 'đ'.repeat(3500) })).status).toBe(303);
    const text = (JSON.parse((await outbox())[0]!.payload) as { text: string }).text;
    expect(text.length).toBeLessThanOrEqual(4096);
  });

  it('says so when nobody can receive it, and stores nothing', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 2 });
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await send(c, { text: 'Không ai nhận', includeGroups: '1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      'Chưa có người nhận nào: chưa cán bộ đầu mối nào có kênh nhận tin và Khối chưa liên kết nhóm.',
    );
    expect(html).toContain('Không ai nhận</textarea>');
    expect(await a.db.selectFrom('broadcast').selectAll().execute()).toEqual([]);
    expect(await a.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });

  it('shows the progress with reasons, refreshing itself while anything is queued', async () => {
    await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    await send(c, { text: 'Theo dõi tiến độ', includeGroups: '1' });
    const [first, second] = await outbox();
    await a.db
      .updateTable('outbox_message')
      .set({ status: 'sent', sent_at: '2026-11-25T03:00:05.000Z' })
      .where('id', '=', first!.id)
      .execute();
    await a.db
      .updateTable('outbox_message')
      .set({ status: 'failed', failure_reason: 'blocked', last_error: 'Forbidden: bot was blocked by the user' })
      .where('id', '=', second!.id)
      .execute();
    const html = await (await c.get('/blocs/1/delivery/broadcasts/1')).text();
    expect(html).toContain('id="broadcast-progress" data-refresh="3"');
    expect(html).toContain('<progress class="progress-bar" max="3" value="2"');
    expect(html).toContain('Đã xử lý 2/3 tin');
    expect(html).toContain('<div class="stat" id="count-pending"><b>1</b><span>Đang chờ gửi</span></div>');
    expect(html).toContain('<div class="stat" id="count-failed"><b>1</b><span>Không gửi được</span></div>');
    expect(html).toContain('Cán bộ 1 (Đơn vị 1)');
    expect(html).toContain('Nhóm Khối');
    expect(html).toContain('Người nhận đã chặn bot');
    expect(html).toContain('Bỏ chặn');
    expect(html).toContain('Cán bộ 3 (Đơn vị 3): chưa có kênh nhận tin nào');
    expect(html).toContain('[Khối thi đua thử nghiệm]\n\nTheo dõi tiến độ\n\n— Cán bộ blocadmin1');
    await a.db.updateTable('outbox_message').set({ status: 'sent' }).where('status', '=', 'queued').execute();
    const done = await (await c.get('/blocs/1/delivery/broadcasts/1')).text();
    expect(done).not.toContain('data-refresh');
    expect(done).toContain('<b>Đã xử lý 3/3 tin</b> · Đã gửi xong.');
    const list = await (await c.get('/blocs/1/delivery/broadcasts')).text();
    expect(list).toContain('Đã gửi 2/3 · lỗi 1');
    expect(list).toContain('href="/blocs/1/delivery/broadcasts/1"');
    expect(list).toContain('Theo dõi tiến độ');
  });

  it('lets a viewer follow broadcasts but not send one', async () => {
    await setup();
    const admin = await signIn(a, 'bloc_admin', 1);
    await send(admin, { text: 'Đã gửi bởi quản trị khối' });
    const viewer = await signIn(a, 'viewer', 1);
    const page = await (await viewer.get('/blocs/1/delivery/broadcasts')).text();
    expect(page).toContain('Tài khoản chỉ xem không gửi được thông báo.');
    expect(page).not.toContain('name="text"');
    expect(page).toContain('Đã gửi bởi quản trị khối');
    expect((await viewer.get('/blocs/1/delivery/broadcasts/1')).status).toBe(200);
    const refused = await viewer.post('/blocs/1/delivery/broadcasts', {
      nonce: 'viewer-form-nonce-12345',
      text: 'Không được gửi',
    });
    expect(refused.status).toBe(403);
    expect(await a.db.selectFrom('broadcast').selectAll().execute()).toHaveLength(1);
  });

  it("answers 404 for another bloc's broadcast and refuses a form without the CSRF token", async () => {
    await setup();
    const other = await signIn(a, 'bloc_admin', 2);
    await other.post('/blocs/2/delivery/broadcasts', { nonce: 'other-bloc-form-nonce-1', text: 'Tin của khối khác' });
    const mine = await signIn(a, 'bloc_admin', 1);
    expect((await mine.get('/blocs/1/delivery/broadcasts/1')).status).toBe(404);
    const province = await signIn(a, 'province_admin');
    const res = await province.get('/blocs/1/delivery/broadcasts/1');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Tin của khối khác');
    expect((await mine.get('/blocs/1/delivery/broadcasts')).status).toBe(200);
    expect(await (await mine.get('/blocs/1/delivery/broadcasts')).text()).not.toContain('Tin của khối khác');
    const noToken = await mine.post(
      '/blocs/1/delivery/broadcasts',
      { nonce: NONCE, text: 'Không có mã' },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    expect(await a.db.selectFrom('broadcast').selectAll().execute()).toHaveLength(1);
  });
});

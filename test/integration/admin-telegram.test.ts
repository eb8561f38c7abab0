// The admin's Telegram features end to end: the real bot (telegraf, long polling), the real
// delivery worker and the admin app, all against the Bot API emulator and one SQLite database.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../src/admin/app.js';
import { telegramReportFiles } from '../helpers/report-files.js';
import { type DeliveryWorker, startDeliveryWorker } from '../helpers/telegram-delivery.js';
import { createAdmin } from '../admin/accounts.js';
import { type Client, login, PASSWORD } from '../admin/helpers.js';
import { beginReport, type Harness, startHarness, TZ } from '../bot/harness.js';

let h: Harness;
let admin: Client;
let worker: DeliveryWorker | undefined;

beforeEach(async () => {
  h = await startHarness();
  const app = createAdminApp({
    db: h.t.db,
    now: h.clock.now,
    timeZone: TZ,
    channels: ['telegram'],
    botUsername: () => h.runner.botUsername,
    reportFiles: telegramReportFiles({ token: h.emu.token, apiRoot: h.emu.apiRoot }),
    personalLinkSecret: 'secret-of-the-integration-tests-0123456789',
    publicUrl: undefined,
    secureCookies: false,
  });
  await createAdmin(h.t.db, { username: 'vanphong', role: 'bloc_admin', blocId: h.bloc.blocId });
  admin = await login(app, h.t.db, 'vanphong', PASSWORD);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

async function deliverAll(): Promise<void> {
  worker = startDeliveryWorker({
    db: h.t.db,
    token: h.emu.token,
    apiRoot: h.emu.apiRoot,
    logger: h.log.logger,
    now: h.clock.now,
    limits: { perSecond: 200 },
  });
  const until = Date.now() + 10_000;
  while (
    (await h.t.db.selectFrom('outbox_message').select('id').where('status', 'in', ['queued', 'sending']).execute())
      .length > 0
  ) {
    if (Date.now() > until) throw new Error('outbox not delivered in 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('admin and Telegram together', () => {
  it("links the bloc's group with the admin's invite, and stops it", async () => {
    await admin.post(`/blocs/${h.bloc.blocId}/delivery/groups/invite`);
    const page = await (await admin.get(`/blocs/${h.bloc.blocId}/delivery/groups`)).text();
    const link = /https:\/\/t\.me\/khoithidua_test_bot\?startgroup=(gr_[A-Za-z0-9_-]+)/.exec(page);
    expect(link).not.toBeNull();
    const group = h.emu.chat({
      chatId: -100777,
      type: 'supergroup',
      title: 'Nhóm Văn phòng Khối',
      userId: 901,
      memberStatus: 'administrator',
    });
    await group.send(`/start@khoithidua_test_bot ${link![1]}`);
    expect(group.lastText()).toContain('đã được liên kết với Khối thi đua thử nghiệm');
    const linked = await (await admin.get(`/blocs/${h.bloc.blocId}/delivery/groups`)).text();
    expect(linked).toContain('Nhóm Văn phòng Khối');
    expect(linked).toContain('Đang nhận tin');
    expect(linked).not.toContain(link![1]);
    const chat = await h.t.db.selectFrom('bloc_chat').select('id').executeTakeFirstOrThrow();
    await admin.post(`/blocs/${h.bloc.blocId}/delivery/groups/${chat.id}/deactivate`);
    expect(await (await admin.get(`/blocs/${h.bloc.blocId}/delivery/groups`)).text()).toContain('Đã ngừng gửi');
  });

  it('sends a broadcast to the linked focal points and the group, and shows it delivered', async () => {
    const chats = [await h.linkedChat(0), await h.linkedChat(1)];
    const group = h.emu.chat({
      chatId: -100888,
      type: 'supergroup',
      title: 'Nhóm Khối',
      userId: 902,
      memberStatus: 'administrator',
    });
    await admin.post(`/blocs/${h.bloc.blocId}/delivery/groups/invite`);
    const code = (
      await h.t.db.selectFrom('invite').select('code').where('kind', '=', 'group').executeTakeFirstOrThrow()
    ).code;
    await group.send(`/start@khoithidua_test_bot ${code}`);
    const res = await admin.post(`/blocs/${h.bloc.blocId}/delivery/broadcasts`, {
      nonce: 'integration-form-nonce-1',
      text: 'Kính mời dự Hội nghị sơ kết ngày 05/12.',
      includeGroups: '1',
    });
    const progressUrl = res.headers.get('location')!.split('?')[0]!;
    expect(await (await admin.get(progressUrl)).text()).toContain('data-refresh="3"');
    await deliverAll();
    const expected = '[Khối thi đua thử nghiệm]\n\nKính mời dự Hội nghị sơ kết ngày 05/12.\n\n— Cán bộ vanphong';
    for (const c of [...chats, group]) expect(c.lastText()).toBe(expected);
    const done = await (await admin.get(progressUrl)).text();
    expect(done).toContain('<b>Đã xử lý 3/3 tin</b> · Đã gửi xong.');
    expect(done).not.toContain('data-refresh');
    expect(done).toContain('Cán bộ 3 (Đơn vị 3): chưa có kênh nhận tin nào');
  });

  it("shows a photo a focal point sent with the report, streamed from Telegram's file storage", async () => {
    const chat = await h.linkedChat(0);
    const bytes = randomBytes(40_000);
    h.emu.addFile({ bytes, fileId: 'PHOTO-HOI-NGHI', fileUniqueId: 'uniq-hoi-nghi' });
    await beginReport(chat);
    await chat.send('2');
    await chat.send('5');
    await chat.send('Hội nghị điển hình tiên tiến');
    await chat.tap('Bỏ qua');
    await chat.tap('Bỏ qua');
    await chat.sendPhoto({
      fileId: 'PHOTO-HOI-NGHI',
      fileUniqueId: 'uniq-hoi-nghi',
      fileSize: bytes.length,
      caption: 'Hội nghị',
    });
    await chat.tap('Xong (1 tệp)');
    await chat.tap('Gửi báo cáo');
    const report = await h.t.db.selectFrom('progress_report').select('id').executeTakeFirstOrThrow();
    const page = await (await admin.get(`/blocs/${h.bloc.blocId}/reports/${report.id}`)).text();
    const src = /<img class="thumb" src="([^"]+)"/.exec(page)?.[1];
    expect(src).toMatch(/^\/blocs\/\d+\/reports\/\d+\/attachments\/\d+$/);
    const photo = await admin.get(src!);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

// The list of focal points the reminders cannot reach by Telegram (Gửi tin › Chưa nhận qua
// Telegram): exactly those the reminder job would have reminded but could not, with their
// personal links and a message to pass on for the bloc's editors, names only for a viewer.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/core/time.js';
import { getBloc } from '../../src/db/blocs.js';
import { saveReminderPolicy } from '../../src/db/reminder-policies.js';
import { DEFAULT_REMINDER_POLICY } from '../../src/core/reminder-policy.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createFocalPoint, deactivateFocalPoint } from '../../src/db/focal-points.js';
import { activePersonalLinkOf, ensurePersonalLinks, tokenOfLink } from '../../src/db/personal-links.js';
import { submitReport } from '../../src/db/reports.js';
import { remindBloc } from '../../src/jobs/reminders/remind-bloc.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, LINK_SECRET, NOW, signIn, TZ } from './helpers.js';

const W47 = {
  kind: 'week' as const,
  key: '2026-W47',
  start: '2026-11-16',
  end: '2026-11-22',
  label: 'Tuần 47/2026 (16/11/2026 – 22/11/2026)',
};
const PAGE = '/blocs/1/delivery/unreachable';

let a: AdminTest;
afterEach(() => a?.close());

async function link(focalPointId: number, chatId: string) {
  await a.db
    .updateTable('focal_point')
    .set({ telegram_chat_id: chatId, telegram_user_id: chatId, linked_at: NOW.toISOString() })
    .where('id', '=', focalPointId)
    .execute();
}

async function report(bloc: SmallBloc, unit: number, isNil: boolean) {
  await a.db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId: bloc.blocId,
      unitId: bloc.unitIds[unit]!,
      period: W47,
      isNil,
      values: isNil ? [] : [{ criterionId: bloc.criterionIds[0]!, value: 2 }],
      notableResults: null,
      difficulties: null,
      proposals: null,
      submittedBy: { system: 'test' },
      via: 'telegram',
      at: NOW,
    }),
  );
}

/** A private message to the chat, settled as given. */
async function delivery(key: string, chatId: string, status: 'sent' | 'failed', reason: string | null = null) {
  await enqueueOutbox(a.db, {
    dedupeKey: key,
    blocId: 1,
    kind: 'reminder',
    chatId,
    chatType: 'private',
    payload: { text: 'x' },
    now: NOW,
  });
  await a.db
    .updateTable('outbox_message')
    .set({ status, failure_reason: reason })
    .where('dedupe_key', '=', key)
    .execute();
}

/**
 * Bloc 1 of seven units on Wednesday of week 48, week 47's reports overdue (lock after 7 days, so
 * week 46 is closed): 1 reported and 2 said "nothing new"; 3 is missing with one focal point
 * without Telegram, one linked, and an unlinked unit head; 4 is missing with a linked focal
 * point; 5 is missing and its only focal point left; 6 is missing and blocked the bot; 7 is
 * missing and blocked it once, but a later message went through.
 */
async function world() {
  a = await createAdminTest();
  const bloc = await createSmallBloc(a.db, { units: 7 });
  await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 2 });
  await a.db.updateTable('bloc').set({ lock_days: 7 }).where('id', '=', bloc.blocId).execute();
  const fp = bloc.focalPointIds;
  await report(bloc, 0, false);
  await report(bloc, 1, true);
  const second = await createFocalPoint(a.db, {
    unitId: bloc.unitIds[2]!,
    fullName: 'Phạm Thị Hoa',
    phone: '0912 000 333',
  });
  await link(second.id, '3002');
  await createFocalPoint(a.db, { unitId: bloc.unitIds[2]!, fullName: 'Thủ trưởng 3', role: 'unit_head' });
  await a.db.updateTable('focal_point').set({ phone: '0912 000 003' }).where('id', '=', fp[2]!).execute();
  await link(fp[3]!, '4001');
  await deactivateFocalPoint(a.db, fp[4]!, NOW.toISOString());
  await link(fp[5]!, '6001');
  await delivery('old-6', '6001', 'sent');
  await delivery('new-6', '6001', 'failed', 'blocked');
  await link(fp[6]!, '7001');
  await delivery('old-7', '7001', 'failed', 'blocked');
  await delivery('new-7', '7001', 'sent');
  await delivery('net-7', '7001', 'failed', 'too_many_attempts');
  await ensurePersonalLinks(a.db, LINK_SECRET, NOW);
  return { bloc, second };
}

const items = (html: string) =>
  [...html.matchAll(/<li class="reach-item"><div class="reach-head"><span><strong>([^<]+)<\/strong>/g)].map(
    (m) => m[1],
  );

describe('focal points not reachable by Telegram', () => {
  it('lists exactly the missing units’ focal points without Telegram or who blocked the bot, with links and messages', async () => {
    const { bloc } = await world();
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.get(PAGE);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2>Tuần 47/2026 (16/11/2026 – 22/11/2026)</h2>');
    expect(html).not.toContain('Tuần 48/2026');
    expect(html).not.toContain('Tuần 46/2026');
    expect(items(html)).toEqual(['Cán bộ 3', 'Đơn vị 5', 'Cán bộ 6']);
    expect(html).toContain('chưa có kênh nhận tin');
    expect(html).toContain('chưa có cán bộ đầu mối');
    expect(html).toContain('đã chặn bot');
    expect(html).toContain('<a href="tel:0912000003">0912 000 003</a>');

    const token = tokenOfLink(LINK_SECRET, (await activePersonalLinkOf(a.db, bloc.focalPointIds[2]!))!)!;
    expect(html).toContain(`value="http://localhost/r/${token}"`);
    const message = /<textarea id="msg-2026-W47-3"[^>]*>([^<]*)<\/textarea>/.exec(html)![1]!;
    expect(message).toBe(
      [
        '[Khối thi đua thử nghiệm]',
        'Kính gửi đồng chí Cán bộ 3,',
        'Đã quá hạn báo cáo tiến độ Tuần 47/2026 (16/11/2026 – 22/11/2026) (hạn: hết ngày 23/11/2026) nhưng Khối chưa nhận được báo cáo của Đơn vị 3.',
        'Đồng chí có thể gửi báo cáo ngay trên điện thoại qua liên kết cá nhân dưới đây (không cần Telegram). Nếu trong kỳ đơn vị không có kết quả mới, đồng chí bấm nút «Không có gì mới» trên trang báo cáo.',
        `http://localhost/r/${token}`,
        'Liên kết này dành riêng cho đồng chí, xin không chuyển cho người khác. Trân trọng cảm ơn đồng chí.',
      ].join('\n'),
    );
    // The unit without a focal point offers to add one; the one who blocked the bot has a link too.
    expect(html).toContain('href="/blocs/1/focal-points#add"');
    const blocked = tokenOfLink(LINK_SECRET, (await activePersonalLinkOf(a.db, bloc.focalPointIds[5]!))!)!;
    expect(html).toContain(`/r/${blocked}`);
  });

  it('offers no message for a period the form no longer takes, though its lock date is later (lock after 14 days)', async () => {
    await world();
    await a.db.updateTable('bloc').set({ lock_days: 14 }).where('id', '=', 1).execute();
    const c = await signIn(a, 'bloc_admin', 1);
    const html = await (await c.get(PAGE)).text();
    // Week 46 locks on 29/11 but the link and the bot take only the current and the previous week:
    // a message sending the person to the link for it would lead to a refusal.
    expect(html).toContain('<h2>Tuần 47/2026 (16/11/2026 – 22/11/2026)</h2>');
    expect(html).not.toContain('Tuần 46/2026');
  });

  it('agrees with the reminder job: it reminds the others by Telegram and counts these', async () => {
    const { bloc, second } = await world();
    const outcome = await remindBloc(
      { db: a.db, timeZone: TZ, logger: pino({ level: 'silent' }), channels: ['telegram'] },
      { ...(await getBloc(a.db, 1))! },
      DEFAULT_REMINDER_POLICY,
      NOW,
    );
    expect(outcome.periods).toMatchObject([
      {
        period: '2026-W47',
        stage: 'after2',
        missingUnits: 5,
        notReachableByTelegram: 1,
        unreachableUnits: [bloc.unitIds[4]],
      },
    ]);
    const reminded = await a.db
      .selectFrom('outbox_message')
      .select('chat_id')
      .where('dedupe_key', 'like', 'reminder:after2:%')
      .orderBy('chat_id')
      .execute();
    // Everyone else of the missing units got the Telegram reminder: the list and the job cover them all.
    expect(reminded.map((r) => r.chat_id)).toEqual(['3002', '4001', '6001', '7001']);
    expect(second.id).toBeGreaterThan(0);
  });

  it('drops a unit as soon as its report arrives', async () => {
    const { bloc } = await world();
    const c = await signIn(a, 'bloc_admin', 1);
    await report(bloc, 2, false);
    expect(items(await (await c.get(PAGE)).text())).toEqual(['Đơn vị 5', 'Cán bộ 6']);
    await report(bloc, 4, true);
    await report(bloc, 5, false);
    const html = await (await c.get(PAGE)).text();
    expect(items(html)).toEqual([]);
    expect(html).toContain('Không có ai: mọi đơn vị chưa báo cáo đều nhận được nhắc nhở tự động.');
  });

  it('shows a viewer the names but never a link or a message', async () => {
    const { bloc } = await world();
    const viewer = await signIn(a, 'viewer', 1);
    const res = await viewer.get(PAGE);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<li>Cán bộ 3 (Đơn vị 3): chưa có kênh nhận tin</li>');
    expect(html).toContain('<li>Đơn vị 5: chưa có cán bộ đầu mối</li>');
    expect(html).toContain('<li>Cán bộ 6 (Đơn vị 6): đã chặn bot</li>');
    expect(html).toContain('Liên kết báo cáo cá nhân chỉ hiển thị cho quản trị viên của Khối.');
    expect(html).not.toContain('/r/');
    expect(html).not.toContain('Kính gửi');
    const token = tokenOfLink(LINK_SECRET, (await activePersonalLinkOf(a.db, bloc.focalPointIds[2]!))!)!;
    expect(html).not.toContain(token);
  });

  it('refuses another bloc’s admin and unknown blocs', async () => {
    await world();
    const stranger = await signIn(a, 'bloc_admin', 2);
    const res = await stranger.get(PAGE);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Cán bộ 3');
    const province = await signIn(a, 'province_admin');
    expect((await province.get('/blocs/999/delivery/unreachable')).status).toBe(404);
    expect((await province.get('/blocs/abc/delivery/unreachable')).status).toBe(404);
  });

  it('says when a link was revoked or cannot be shown, instead of a message', async () => {
    const { bloc } = await world();
    const c = await signIn(a, 'bloc_admin', 1);
    await c.post(`/blocs/1/focal-points/${bloc.focalPointIds[2]}/personal-link/revoke`);
    await a.db
      .updateTable('personal_link')
      .set({ nonce: 'not-the-nonce-of-this-token' })
      .where('focal_point_id', '=', bloc.focalPointIds[5]!)
      .where('revoked_at', 'is', null)
      .execute();
    const html = await (await c.get(PAGE)).text();
    expect(items(html)).toEqual(['Cán bộ 3', 'Đơn vị 5', 'Cán bộ 6']);
    expect(html).toContain('Chưa có liên kết: cấp liên kết trên trang cán bộ');
    expect(html).toContain('Không hiển thị được liên kết: cấp lại trên trang cán bộ');
    expect(html).not.toContain('/r/');
    expect(html).not.toContain('<textarea');
  });

  it('lists nothing before a period’s reminders begin, and says when the reminders are off', async () => {
    await world();
    // Monday of week 48, 10:00: week 47's first reminder is due at 15:00.
    a.clock.now = zonedInstant('2026-11-23', '10:00', TZ);
    const c = await signIn(a, 'bloc_admin', 1);
    expect(await (await c.get(PAGE)).text()).toContain('Hiện chưa có kỳ báo cáo nào đến lúc nhắc nhở.');
    a.clock.now = NOW;
    await saveReminderPolicy(a.db, 1, { ...DEFAULT_REMINDER_POLICY, enabled: false }, { at: NOW, by: 'test' });
    // A new session: the first one has been idle for two days of the test's clock.
    const later = await signIn(a, 'province_admin');
    const html = await (await later.get(PAGE)).text();
    expect(html).toContain('Nhắc nhở tự động của Khối đang tắt');
    expect(items(html)).toEqual(['Cán bộ 3', 'Đơn vị 5', 'Cán bộ 6']);
  });

  it('is reached from the delivery tabs and from the dashboard when units are missing', async () => {
    await world();
    const c = await signIn(a, 'viewer', 1);
    expect(await (await c.get('/blocs/1/delivery')).text()).toContain(`<a href="${PAGE}">Chưa nhận được tin</a>`);
    const dashboard = await (await c.get('/blocs/1?period=2026-W47')).text();
    expect(dashboard).toContain(`href="${PAGE}"`);
  });
});

// A focal point invite opened by a Telegram account that already serves a focal point: the account
// is not silently moved (the other unit would lose its focal point); a new invite for a focal
// point moves that focal point to a new account, on the record (docs/decisions/0078).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deactivateFocalPoint, getFocalPoint } from '../../src/db/focal-points.js';
import { createInvite, findInvite } from '../../src/db/invites.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  expect(h.log.errors()).toEqual([]);
  await h.close();
});

const invite = (focalPointId: number) =>
  createInvite(h.t.db, { kind: 'focal_point', focalPointId, createdBy: 'test', now: h.clock.now() });

it("refuses to move an account linked to a focal point of another bloc's unit, and links once that one has left", async () => {
  const chat = await h.linkedChat(0, 801);
  const blocB = await createSmallBloc(h.t.db, { name: 'Khối thi đua số 2', units: 1 });
  const [fpB] = blocB.focalPointIds;
  const code = (await invite(fpB!)).code;
  await chat.send(`/start ${code}`);
  expect(chat.lastText()).toBe(
    'Tài khoản Telegram này đang được liên kết với cán bộ đầu mối Cán bộ 1 của Đơn vị 1. Mỗi tài khoản chỉ liên kết với một cán bộ đầu mối, nên bot không đổi liên kết; không có gì thay đổi. Nếu đồng chí đã chuyển nhiệm vụ, xin đề nghị Văn phòng Khối thi đua ghi nhận đồng chí thôi làm cán bộ đầu mối cũ, rồi mở lại liên kết mời này.',
  );
  expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[0]!))?.telegramUserId).toBe('801');
  expect((await getFocalPoint(h.t.db, fpB!))?.telegramUserId).toBeNull();
  expect((await findInvite(h.t.db, code))?.usedAt).toBeNull();
  await chat.send('/start');
  expect(chat.lastText()).toContain('Xin chào đồng chí Cán bộ 1.');

  // The admin records the person as having left their old role: the same invite now links.
  await deactivateFocalPoint(h.t.db, h.bloc.focalPointIds[0]!, h.clock.now().toISOString());
  await chat.send(`/start ${code}`);
  expect(chat.lastText()).toContain('cán bộ đầu mối của Đơn vị 1 (Khối thi đua số 2)');
  expect((await getFocalPoint(h.t.db, fpB!))?.telegramUserId).toBe('801');
});

it('refuses the same within one bloc: another unit of the bloc would silently lose its focal point', async () => {
  const chat = await h.linkedChat(0, 802);
  const code = (await invite(h.bloc.focalPointIds[1]!)).code;
  await chat.send(`/start ${code}`);
  expect(chat.lastText()).toContain('đang được liên kết với cán bộ đầu mối Cán bộ 1 của Đơn vị 1');
  expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[0]!))?.telegramUserId).toBe('802');
  expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[1]!))?.telegramUserId).toBeNull();
});

it("moves a focal point to a new account with the admin's new invite, recording the account it replaced", async () => {
  const old = await h.linkedChat(0, 803);
  const code = (await invite(h.bloc.focalPointIds[0]!)).code;
  const phone = h.emu.chat({ userId: 804 });
  await phone.send(`/start ${code}`);
  expect(phone.lastText()).toContain('Xin chào đồng chí Cán bộ 1!');
  expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[0]!))?.telegramUserId).toBe('804');
  const links = await h.t.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'focal_point.link_telegram')
    .orderBy('id')
    .execute();
  expect(links.map((l) => JSON.parse(l.details!).previousTelegramUserId)).toEqual([undefined, '803']);
  await old.send('/baocao');
  expect(old.lastText()).toContain('chưa được liên kết với cán bộ đầu mối nào');
});

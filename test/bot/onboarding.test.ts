import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deactivateFocalPoint, getFocalPoint } from '../../src/db/focal-points.js';
import { createInvite, findInvite } from '../../src/db/invites.js';
import { endMembership } from '../../src/db/units.js';
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

async function invite(index = 0, over: { ttlDays?: number } = {}) {
  return createInvite(h.t.db, {
    kind: 'focal_point',
    focalPointId: h.bloc.focalPointIds[index]!,
    createdBy: 'test',
    now: h.clock.now(),
    ...over,
  });
}

describe('onboarding through a deep link', () => {
  it('links the account, greets by name and unit, and uses the invite up', async () => {
    const code = (await invite(1)).code;
    expect(code.length).toBeLessThanOrEqual(64);
    const chat = h.emu.chat({ userId: 501, username: 'lan_hnd' });
    await chat.send(`/start ${code}`);
    expect(chat.lastText()).toContain('Xin chào đồng chí Cán bộ 2!');
    expect(chat.lastText()).toContain('cán bộ đầu mối của Đơn vị 2 (Khối thi đua thử nghiệm)');
    const fp = await getFocalPoint(h.t.db, h.bloc.focalPointIds[1]!);
    expect(fp).toMatchObject({ telegramUserId: '501', telegramChatId: '501', telegramUsername: 'lan_hnd' });
    expect((await findInvite(h.t.db, code))?.usedByTelegramId).toBe('501');
    const audit = await h.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'focal_point.link_telegram')
      .execute();
    expect(audit).toHaveLength(1);

    // Opening one's own link again greets again instead of failing.
    await chat.send(`/start ${code}`);
    expect(chat.lastText()).toContain('Xin chào đồng chí Cán bộ 2!');
    await chat.send('/start');
    expect(chat.lastText()).toContain('Xin chào đồng chí Cán bộ 2.');
  });

  it('refuses a code already used by someone else and links nothing', async () => {
    const code = (await invite(0)).code;
    await h.emu.chat({ userId: 601 }).send(`/start ${code}`);
    const other = h.emu.chat({ userId: 602 });
    await other.send(`/start ${code}`);
    expect(other.lastText()).toContain('Liên kết mời này đã được sử dụng');
    expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[0]!))?.telegramUserId).toBe('601');
  });

  it('refuses an expired code', async () => {
    const code = (await invite(0, { ttlDays: 1 })).code;
    h.clock.set('2026-11-25T03:00:00.001Z');
    const chat = h.emu.chat({ userId: 603 });
    await chat.send(`/start ${code}`);
    expect(chat.lastText()).toBe(
      'Liên kết mời đã hết hạn từ 10:00 25/11/2026. Xin đồng chí đề nghị Văn phòng Khối thi đua cấp liên kết mới.',
    );
    expect((await getFocalPoint(h.t.db, h.bloc.focalPointIds[0]!))?.telegramUserId).toBeNull();
  });

  it('refuses unknown and malformed codes, and a group code in a private chat', async () => {
    const chat = h.emu.chat({ userId: 604 });
    await chat.send('/start fp_khongtontai');
    expect(chat.lastText()).toContain('Mã mời không đúng');
    await chat.send(`/start ${'x'.repeat(65)}`);
    expect(chat.lastText()).toContain('Mã mời không đúng');
    const group = await createInvite(h.t.db, {
      kind: 'group',
      blocId: h.bloc.blocId,
      createdBy: 'test',
      now: h.clock.now(),
    });
    await chat.send(`/start ${group.code}`);
    expect(chat.lastText()).toContain('dùng để thêm bot vào nhóm');
    expect((await findInvite(h.t.db, group.code))?.usedAt).toBeNull();
  });

  it('refuses an invite for a focal point who has left', async () => {
    const code = (await invite(2)).code;
    await deactivateFocalPoint(h.t.db, h.bloc.focalPointIds[2]!, h.clock.now().toISOString());
    const chat = h.emu.chat({ userId: 605 });
    await chat.send(`/start ${code}`);
    expect(chat.lastText()).toContain('đã thôi nhiệm vụ');
  });
});

describe('who the bot serves', () => {
  it('tells someone not linked how to get linked, for commands, text and buttons', async () => {
    const chat = h.emu.chat({ userId: 701 });
    for (const text of ['/baocao', '/trangthai', 'xin chào', '/start']) {
      await chat.send(text);
      expect(chat.lastText(), text).toContain('chưa được liên kết với cán bộ đầu mối nào');
    }
    await chat.tapData('d:1:y', chat.lastMessage());
    expect(chat.lastText()).toContain('chưa được liên kết');
    await chat.send('/trogiup');
    expect(chat.lastText()).toContain('Hướng dẫn sử dụng bot Khối thi đua');
  });

  it('tells a focal point who left that the bot no longer takes their reports', async () => {
    const chat = await h.linkedChat(0);
    await deactivateFocalPoint(h.t.db, h.bloc.focalPointIds[0]!, h.clock.now().toISOString());
    await chat.send('/baocao');
    expect(chat.lastText()).toContain('Đồng chí Cán bộ 1 đã được ghi nhận thôi làm cán bộ đầu mối của Đơn vị 1');
  });

  it('tells a focal point whose unit left the bloc that it is no longer a member', async () => {
    const chat = await h.linkedChat(0);
    await endMembership(h.t.db, h.bloc.blocId, h.bloc.unitIds[0]!, '2026-11-20');
    await chat.send('/baocao');
    expect(chat.lastText()).toContain('Đơn vị 1 hiện không còn là đơn vị thành viên của khối thi đua nào');
  });
});

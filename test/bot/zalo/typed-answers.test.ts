// On Zalo every choice is typed, so a command and an answer share one text box: a command is a
// message starting with '/', or one that is exactly a command word where no free answer is
// expected; while a figure or a text is expected, plain text is the answer, whatever its first word.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../../src/db/invites.js';
import { Z } from '../../../src/bot/zalo/dialogue/messages.js';
import { loadState } from '../../../src/reporting/conversation.js';
import { createTestDb, type TestDb } from '../../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../../helpers/fixtures.js';
import { type ZaloPerson, zaloPerson } from '../../helpers/zalo-dialogue.js';
import { ZaloEmulator } from '../../helpers/zalo-emulator.js';

let t: TestDb;
let emu: ZaloEmulator;
let bloc: SmallBloc;
let p: ZaloPerson;
const clock = { now: new Date('2026-11-26T03:00:00Z') };
const key = () => ({ chatId: 'zalo:z-1', accountId: 'zalo:z-1', focalPointId: bloc.focalPointIds[0]! });

beforeEach(async () => {
  t = await createTestDb();
  emu = await ZaloEmulator.start();
  bloc = await createSmallBloc(t.db, { name: 'Khối thi đua số 6', units: 2, year: 2026 });
  p = zaloPerson(t.db, emu, 'z-1', clock);
  const invite = await createInvite(t.db, {
    kind: 'focal_point',
    focalPointId: bloc.focalPointIds[0]!,
    createdBy: 'test',
    now: clock.now,
  });
  await p.types(`/start ${invite.code}`);
});
afterEach(async () => {
  await emu.close();
  await t.close();
});

describe('Zalo: commands and answers typed in one box', () => {
  it('takes a text answer starting with "Huy" or "Start" as the answer, not as /huy or /start', async () => {
    for (const text of ['/baocao', '1', '3', '12']) await p.types(text);
    const reply = await p.types('Huy động được 500 triệu đồng');
    expect(reply).not.toContain('hủy');
    expect((await loadState(t.db, key())).draft?.texts.notableResults).toBe('Huy động được 500 triệu đồng');
    await p.types('Start-up sinh viên được hỗ trợ');
    expect((await loadState(t.db, key())).draft?.texts.difficulties).toBe('Start-up sinh viên được hỗ trợ');
    // The draft goes on where it was: the next text is asked.
    await p.types('/baocao');
    const draft = (await loadState(t.db, key())).draft;
    expect(draft?.step.kind).toBe('text');
  });

  it('keeps the draft when a figure answer starts with "Huy", and asks again', async () => {
    for (const text of ['/baocao', '1']) await p.types(text);
    const reply = await p.types('Huy chương vàng');
    expect(reply).not.toContain('Đã hủy');
    const draft = (await loadState(t.db, key())).draft;
    expect(draft?.step.kind).toBe('value');
  });

  it('cancels on "hủy" alone where the step offers it, and on "/huy" always', async () => {
    for (const text of ['/baocao', '1', '3', '12']) await p.types(text);
    await p.types('hủy');
    expect((await loadState(t.db, key())).draft).toBeNull();

    for (const text of ['/baocao', '1']) await p.types(text);
    await p.types('/huy');
    expect((await loadState(t.db, key())).draft).toBeNull();

    for (const text of ['/baocao', '1', '3', '12', 'bỏ qua', 'bỏ qua', 'bỏ qua', '1']) await p.types(text);
    expect((await loadState(t.db, key())).draft?.step.kind).toBe('summary');
    await p.types('Hủy');
    expect((await loadState(t.db, key())).draft).toBeNull();
  });

  it('answers a bare command word where no answer is expected, and nothing longer', async () => {
    expect(await p.types('báo cáo')).toContain('1.');
    await p.types('/huy');
    expect(await p.types('Huy động')).toContain('/baocao');
    expect((await loadState(t.db, key())).draft).toBeNull();
  });

  it('tells a person not linked that they are not, unless what they typed looks like a code', async () => {
    const stranger = zaloPerson(t.db, emu, 'z-2', clock);
    expect(await stranger.types('Alo')).toBe(Z.notLinked);
    expect(await stranger.types('fp_khongcomanay')).toBe(Z.inviteUnknown);
    expect(await stranger.types('ABC123')).toBe(Z.inviteUnknown);
  });

  it('says a period it does not recognise in /khongmoi is not recognised, and records nothing', async () => {
    const reply = await p.types('/khongmoi abc');
    expect(reply).toContain('Bot không nhận ra kỳ báo cáo "abc"');
    expect(await t.db.selectFrom('progress_report').select('id').execute()).toEqual([]);
  });

  it('asks for an empty text in Zalo words, with no button to press', async () => {
    for (const text of ['/baocao', '1', '3', '12']) await p.types(text);
    const reply = await p.types('   ');
    expect(reply).toContain(Z.emptyText);
    expect(reply).not.toContain('bấm nút');
    expect((await loadState(t.db, key())).draft?.step.kind).toBe('text');
  });
});

import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAdmins, createAdminUser, findAdminByUsername, setAdminPassword } from '../../src/db/admin-users.js';
import { listAudit, writeAudit } from '../../src/db/audit-log.js';
import { deleteHoliday, isHoliday, listHolidays, upsertHoliday } from '../../src/db/holidays.js';
import { createInvite, findInvite, inviteLink, markInviteUsed } from '../../src/db/invites.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc } from '../helpers/fixtures.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe('public holidays', () => {
  it('are kept as data admins edit', async () => {
    await upsertHoliday(t.db, '2026-02-17', 'Tết Nguyên đán');
    await upsertHoliday(t.db, '2026-02-17', 'Mùng 1 Tết Nguyên đán');
    await upsertHoliday(t.db, '2026-09-02', 'Quốc khánh');
    expect(await isHoliday(t.db, '2026-02-17')).toBe(true);
    expect(await isHoliday(t.db, '2026-02-18')).toBe(false);
    expect(await listHolidays(t.db, '2026-01-01', '2026-06-30')).toEqual([
      { date: '2026-02-17', name: 'Mùng 1 Tết Nguyên đán' },
    ]);
    await deleteHoliday(t.db, '2026-02-17');
    expect(await isHoliday(t.db, '2026-02-17')).toBe(false);
  });
});

describe('admin users and audit log', () => {
  it('create admins with unique usernames and record changes', async () => {
    const u = await createAdminUser(t.db, {
      username: 'thuky',
      displayName: 'Thư ký Khối',
      passwordHash: 'x',
      role: 'province_admin',
    });
    expect(await countAdmins(t.db)).toBe(1);
    await expect(
      createAdminUser(t.db, { username: 'thuky', displayName: 'Khác', passwordHash: 'y', role: 'province_admin' }),
    ).rejects.toThrow(/UNIQUE/);
    // A bloc admin must belong to a bloc.
    await expect(
      createAdminUser(t.db, { username: 'khoi6', displayName: 'K6', passwordHash: 'y', role: 'bloc_admin' }),
    ).rejects.toThrow(/CHECK/);
    await setAdminPassword(t.db, u.id, 'new');
    expect((await findAdminByUsername(t.db, 'thuky'))?.passwordHash).toBe('new');
    await writeAudit(t.db, {
      at: new Date('2026-11-24T01:00:00Z'),
      actor: 'thuky',
      adminUserId: u.id,
      action: 'unit.create',
      entity: 'unit',
      entityId: 5,
      details: { name: 'Tỉnh đoàn' },
    });
    const log = await listAudit(t.db);
    expect(log[0]).toMatchObject({
      actor: 'thuky',
      action: 'unit.create',
      entityId: '5',
      at: '2026-11-24T01:00:00.000Z',
    });
    expect(JSON.parse(log[0]!.details!)).toEqual({ name: 'Tỉnh đoàn' });
  });
});

describe('outbox', () => {
  it('never queues the same message twice', async () => {
    const now = new Date('2026-11-24T02:00:00Z');
    const msg = {
      dedupeKey: 'reminder:before:1:2:3:2026-W48',
      blocId: null,
      kind: 'reminder',
      chatId: '42',
      chatType: 'private' as const,
      payload: { text: 'Nhắc báo cáo' },
      now,
    };
    expect(await enqueueOutbox(t.db, msg)).toBe(true);
    expect(await enqueueOutbox(t.db, { ...msg, payload: { text: 'khác' } })).toBe(false);
    const rows = await t.db.selectFrom('outbox_message').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'queued', next_attempt_at: now.toISOString() });
    expect(JSON.parse(rows[0]!.payload).text).toBe('Nhắc báo cáo');
  });
});

describe('invites', () => {
  it('are single-use codes within the 64-character deep-link limit', async () => {
    const bloc = await createSmallBloc(t.db, { units: 1 });
    const now = new Date('2026-11-24T02:00:00Z');
    const invite = await createInvite(t.db, {
      kind: 'focal_point',
      focalPointId: bloc.focalPointIds[0]!,
      createdBy: 'admin',
      now,
    });
    expect(invite.code).toMatch(/^fp_[A-Za-z0-9_-]{32}$/);
    expect(invite.expiresAt).toBe('2026-12-08T02:00:00.000Z');
    expect(inviteLink('khoi6_bot', invite)).toBe(`https://t.me/khoi6_bot?start=${invite.code}`);
    const group = await createInvite(t.db, { kind: 'group', blocId: bloc.blocId, createdBy: 'admin', now, ttlDays: 1 });
    expect(inviteLink('khoi6_bot', group)).toMatch(/\?startgroup=gr_/);
    expect((await findInvite(t.db, invite.code))?.focalPointId).toBe(bloc.focalPointIds[0]);
    expect(await markInviteUsed(t.db, invite.id, '777', now)).toBe(true);
    expect(await markInviteUsed(t.db, invite.id, '888', now)).toBe(false);
    expect((await findInvite(t.db, invite.code))?.usedByTelegramId).toBe('777');
  });
});

describe('a transaction SQLite itself ended', () => {
  it('fails with its real error, not with a failed rollback hiding it', async () => {
    {
      // As on a full disk: SQLite rolls the transaction back itself, then the statement's error reaches kysely.
      const attempt = t.db.transaction().execute(async (trx) => {
        await sql`insert into public_holiday (date, name) values ('2026-09-02', 'Quốc khánh')`.execute(trx);
        await sql`rollback`.execute(trx);
        throw new Error('database or disk is full');
      });
      await expect(attempt).rejects.toThrow('database or disk is full');
      expect(await t.db.selectFrom('public_holiday').selectAll().execute()).toEqual([]);
      // The connection is usable afterwards, and an ordinary failed transaction still rolls back.
      await expect(
        t.db.transaction().execute(async (trx) => {
          await sql`insert into public_holiday (date, name) values ('2026-09-02', 'Quốc khánh')`.execute(trx);
          throw new Error('hỏng');
        }),
      ).rejects.toThrow('hỏng');
      expect(await t.db.selectFrom('public_holiday').selectAll().execute()).toEqual([]);
    }
  });
});

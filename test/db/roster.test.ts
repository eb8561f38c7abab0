import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBlocYear,
  getBlocYear,
  getRotationOrder,
  listBlocYears,
  setRotationOrder,
} from '../../src/db/bloc-years.js';
import { countBlocs, createBloc, getBloc, listBlocs, updateBlocSettings } from '../../src/db/blocs.js';
import {
  createFocalPoint,
  deactivateFocalPoint,
  findFocalPointByTelegramUser,
  linkTelegramAccount,
  listFocalPointsOfUnit,
} from '../../src/db/focal-points.js';
import {
  addMembership,
  blocOfUnit,
  createUnit,
  endMembership,
  listMemberUnits,
  renameUnit,
  getUnit,
} from '../../src/db/units.js';
import { createTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe('blocs', () => {
  it('create, read, list, count and change reporting settings', async () => {
    const b = await createBloc(t.db, { name: 'Khối thi đua số 6', province: 'Sóc Trăng', description: null });
    expect(b.reportingCadence).toBe('week');
    expect(b.graceDays).toBe(1);
    expect(b.rotationPolicy).toBe('deputy_becomes_chair');
    await createBloc(t.db, { name: 'Khối thi đua số 1', province: 'Sóc Trăng', description: null });
    expect(await countBlocs(t.db)).toBe(2);
    expect((await listBlocs(t.db)).map((x) => x.name)).toEqual(['Khối thi đua số 1', 'Khối thi đua số 6']);
    await updateBlocSettings(t.db, b.id, { graceDays: 3, lockDays: 10, reportingCadence: 'month' });
    const after = await getBloc(t.db, b.id);
    expect([after?.graceDays, after?.lockDays, after?.reportingCadence]).toEqual([3, 10, 'month']);
  });
});

describe('units and membership', () => {
  it('follow joins and departures: a unit is listed only for dates it was a member', async () => {
    const b = await createBloc(t.db, { name: 'K', province: 'P', description: null });
    const a = await createUnit(t.db, { name: 'Hội Nông dân tỉnh' });
    const late = await createUnit(t.db, { name: 'Tỉnh đoàn' });
    await addMembership(t.db, { blocId: b.id, unitId: a.id, joinedOn: '2023-01-01', displayOrder: 1 });
    await addMembership(t.db, { blocId: b.id, unitId: late.id, joinedOn: '2023-07-01', displayOrder: 2 });
    expect((await listMemberUnits(t.db, b.id, '2023-03-01')).map((u) => u.name)).toEqual(['Hội Nông dân tỉnh']);
    // A week that contains the join date lists the unit.
    expect((await listMemberUnits(t.db, b.id, '2023-06-26', '2023-07-02')).map((u) => u.id)).toEqual([a.id, late.id]);
    expect(await endMembership(t.db, b.id, a.id, '2023-09-30')).toBe(1);
    expect((await listMemberUnits(t.db, b.id, '2023-10-01')).map((u) => u.id)).toEqual([late.id]);
    expect((await listMemberUnits(t.db, b.id, '2023-09-30')).map((u) => u.id)).toEqual([a.id, late.id]);
    expect(await blocOfUnit(t.db, a.id, '2023-10-01')).toBeUndefined();
    expect(await blocOfUnit(t.db, late.id, '2023-10-01')).toBe(b.id);
    // Rejoining later adds a second membership row; the unit is listed once.
    await addMembership(t.db, { blocId: b.id, unitId: a.id, joinedOn: '2024-01-01' });
    expect((await listMemberUnits(t.db, b.id, '2023-01-01', '2024-12-31')).map((u) => u.id).sort()).toEqual(
      [a.id, late.id].sort(),
    );
    await renameUnit(t.db, late.id, 'Tỉnh đoàn Sóc Trăng', 'TĐ');
    expect((await getUnit(t.db, late.id))?.shortName).toBe('TĐ');
  });

  it('refuse a membership that ends before it starts', async () => {
    const b = await createBloc(t.db, { name: 'K', province: 'P', description: null });
    const u = await createUnit(t.db, { name: 'U' });
    await expect(
      addMembership(t.db, { blocId: b.id, unitId: u.id, joinedOn: '2024-05-01', leftOn: '2024-04-30' }),
    ).rejects.toThrow(/CHECK/);
  });
});

describe('focal points', () => {
  it('link a Telegram account to one focal point at a time and deactivate', async () => {
    const u = await createUnit(t.db, { name: 'U' });
    const one = await createFocalPoint(t.db, { unitId: u.id, fullName: 'Nguyễn Văn A', phone: '0909000001' });
    const two = await createFocalPoint(t.db, { unitId: u.id, fullName: 'Trần Thị B' });
    await linkTelegramAccount(t.db, one.id, {
      userId: '111',
      chatId: '111',
      username: 'nva',
      at: '2026-11-01T00:00:00.000Z',
    });
    expect((await findFocalPointByTelegramUser(t.db, '111'))?.id).toBe(one.id);
    // The same person re-linked to the other record moves, the first loses the link.
    await linkTelegramAccount(t.db, two.id, {
      userId: '111',
      chatId: '111',
      username: 'nva',
      at: '2026-11-02T00:00:00.000Z',
    });
    expect((await findFocalPointByTelegramUser(t.db, '111'))?.id).toBe(two.id);
    const list = await listFocalPointsOfUnit(t.db, u.id);
    expect(list.find((f) => f.id === one.id)?.telegramUserId).toBeNull();
    await deactivateFocalPoint(t.db, two.id, '2026-11-03T00:00:00.000Z');
    const left = (await listFocalPointsOfUnit(t.db, u.id)).find((f) => f.id === two.id);
    expect(left?.status).toBe('left');
    expect(left?.telegramUserId).toBeNull();
    expect(await findFocalPointByTelegramUser(t.db, '111')).toBeUndefined();
  });
});

describe('bloc years and rotation order', () => {
  it('keep the chair history and the agreed rotation order', async () => {
    const b = await createBloc(t.db, { name: 'K', province: 'P', description: null });
    const ids: number[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await createUnit(t.db, { name })).id);
    await setRotationOrder(t.db, b.id, [ids[2]!, ids[0]!, ids[1]!]);
    expect(await getRotationOrder(t.db, b.id)).toEqual([ids[2], ids[0], ids[1]]);
    await setRotationOrder(t.db, b.id, ids);
    expect(await getRotationOrder(t.db, b.id)).toEqual(ids);
    await createBlocYear(t.db, {
      blocId: b.id,
      year: 2023,
      chairUnitId: ids[0]!,
      deputyUnitId: ids[1]!,
      chosenBy: 'agreed_order',
      status: 'closed',
    });
    await createBlocYear(t.db, {
      blocId: b.id,
      year: 2024,
      chairUnitId: ids[1]!,
      deputyUnitId: ids[2]!,
      chosenBy: 'deputy_becomes_chair',
    });
    expect((await getBlocYear(t.db, b.id, 2024))?.chairUnitId).toBe(ids[1]);
    const history = await listBlocYears(t.db, b.id);
    expect(history.map((h) => [h.year, h.chairName, h.deputyName])).toEqual([
      [2024, 'B', 'C'],
      [2023, 'A', 'B'],
    ]);
    await expect(
      createBlocYear(t.db, {
        blocId: b.id,
        year: 2024,
        chairUnitId: ids[2]!,
        deputyUnitId: null,
        chosenBy: 'explicit',
      }),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      createBlocYear(t.db, {
        blocId: b.id,
        year: 2025,
        chairUnitId: ids[2]!,
        deputyUnitId: ids[2]!,
        chosenBy: 'explicit',
      }),
    ).rejects.toThrow(/CHECK/);
  });
});

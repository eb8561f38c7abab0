import { createBlocYear, setRotationOrder } from '../../src/db/bloc-years.js';
import { createBloc } from '../../src/db/blocs.js';
import type { Db } from '../../src/db/connection.js';
import { createCriterion, setTarget } from '../../src/db/covenant.js';
import { createFocalPoint } from '../../src/db/focal-points.js';
import { addMembership, createUnit } from '../../src/db/units.js';

export interface SmallBloc {
  blocId: number;
  unitIds: number[];
  focalPointIds: number[];
  criterionIds: number[];
}

/**
 * A bloc of `units` units (all members from joinedOn), one focal point each, and a covenant for
 * `year` with two quantitative criteria (targets 10 and 20 per unit) and one qualitative one.
 */
export async function createSmallBloc(
  db: Db,
  opts: { name?: string; units?: number; year?: number; joinedOn?: string } = {},
): Promise<SmallBloc> {
  const year = opts.year ?? 2026;
  const bloc = await createBloc(db, {
    name: opts.name ?? 'Khối thi đua thử nghiệm',
    province: 'Sóc Trăng',
    description: null,
  });
  const unitIds: number[] = [];
  const focalPointIds: number[] = [];
  for (let i = 1; i <= (opts.units ?? 7); i++) {
    const unit = await createUnit(db, { name: `Đơn vị ${i}`, shortName: `ĐV${i}` });
    unitIds.push(unit.id);
    await addMembership(db, {
      blocId: bloc.id,
      unitId: unit.id,
      joinedOn: opts.joinedOn ?? `${year - 1}-01-01`,
      displayOrder: i,
    });
    const fp = await createFocalPoint(db, { unitId: unit.id, fullName: `Cán bộ ${i}` });
    focalPointIds.push(fp.id);
  }
  await setRotationOrder(db, bloc.id, unitIds);
  await createBlocYear(db, {
    blocId: bloc.id,
    year,
    chairUnitId: unitIds[0]!,
    deputyUnitId: unitIds[1] ?? null,
    chosenBy: 'agreed_order',
  });
  const c1 = await createCriterion(db, {
    blocId: bloc.id,
    year,
    code: '1',
    title: 'Gương điển hình tiên tiến',
    kind: 'quantitative',
    valueType: 'count',
    unitOfMeasure: 'gương',
    defaultTarget: 10,
    maxPoints: 40,
    position: 1,
  });
  const c2 = await createCriterion(db, {
    blocId: bloc.id,
    year,
    code: '2',
    title: 'Mô hình, sáng kiến',
    kind: 'quantitative',
    valueType: 'count',
    unitOfMeasure: 'mô hình',
    defaultTarget: 20,
    maxPoints: 40,
    position: 2,
  });
  const c3 = await createCriterion(db, {
    blocId: bloc.id,
    year,
    code: '3',
    title: 'Cơ quan đạt chuẩn văn hóa',
    kind: 'qualitative',
    valueType: null,
    unitOfMeasure: null,
    defaultTarget: null,
    maxPoints: 20,
    position: 3,
  });
  for (const u of unitIds) {
    await setTarget(db, c1.id, u, 10);
    await setTarget(db, c2.id, u, 20);
  }
  return { blocId: bloc.id, unitIds, focalPointIds, criterionIds: [c1.id, c2.id, c3.id] };
}

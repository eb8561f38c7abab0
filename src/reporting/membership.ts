// A focal point's unit and the bloc that unit is a member of on a day: how the bot and the
// personal link both find whom they serve.
import { localDateOf } from '../core/time.js';
import { type Bloc, getBloc } from '../db/blocs.js';
import type { Db } from '../db/connection.js';
import type { FocalPoint } from '../db/focal-points.js';
import { blocOfUnit, getUnit, type Unit } from '../db/units.js';

/** The focal point's unit (undefined if gone) and its bloc today (undefined if not a member). */
export async function unitAndBlocOf(
  db: Db,
  focalPoint: Pick<FocalPoint, 'unitId'>,
  now: Date,
  timeZone: string,
): Promise<{ unit: Unit | undefined; bloc: Bloc | undefined }> {
  const unit = await getUnit(db, focalPoint.unitId);
  if (!unit) return { unit, bloc: undefined };
  const blocId = await blocOfUnit(db, unit.id, localDateOf(now, timeZone));
  return { unit, bloc: blocId === undefined ? undefined : await getBloc(db, blocId) };
}

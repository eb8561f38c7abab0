// Who acts in a use case, whatever the channel: an active focal point of a unit that is a member of
// a bloc today, and the channel they act through (recorded on every revision they store).
import type { Bloc } from '../db/blocs.js';
import type { Unit } from '../db/units.js';
import type { FocalPoint } from '../db/focal-points.js';
import type { SubmittedVia } from '../db/schema.js';

/** The channels a focal point reports through themselves (admins and imports are not reporters). */
export type ReportChannel = Extract<SubmittedVia, 'telegram' | 'web' | 'zalo'>;

export interface Reporter {
  focalPointId: number;
  name: string;
  unit: Pick<Unit, 'id' | 'name'>;
  /** The bloc the unit is a member of today: its cadence, grace and lock days are the rules. */
  bloc: Bloc;
  channel: ReportChannel;
}

/** The reporter a channel has identified (the bot's sender, the web link's holder). */
export function reporterOf(who: { focalPoint: FocalPoint; unit: Unit; bloc: Bloc }, channel: ReportChannel): Reporter {
  return {
    focalPointId: who.focalPoint.id,
    name: who.focalPoint.fullName,
    unit: { id: who.unit.id, name: who.unit.name },
    bloc: who.bloc,
    channel,
  };
}

/** The moment a use case runs at and the time zone its dates are shown in. */
export interface When {
  now: Date;
  timeZone: string;
}

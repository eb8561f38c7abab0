// The bloc's chair terms as the rotation page sees them: the current term, the full rotation order
// and the proposal for the next year, from src/core/chair-rotation.ts.

import { type ChairTerm, nextChairTerm, RotationError } from '../../core/chair-rotation.js';
import { getRotationOrder, listBlocYears } from '../../db/bloc-years.js';
import type { Db } from '../../db/connection.js';
import type { Bloc } from '../../db/blocs.js';
import { listMemberUnits, type MemberUnit } from '../../db/units.js';

export type TermRow = Awaited<ReturnType<typeof listBlocYears>>[number];

export interface RotationState {
  history: TermRow[];
  /** The year in office (the latest open one; else the latest closed one), or null for a new bloc. */
  current: TermRow | null;
  members: MemberUnit[];
  /** Members in the agreed order, members missing from it after, by id (as nextChairTerm reads it). */
  order: MemberUnit[];
  proposal: ChairTerm | null;
  /** Why no proposal could be made (too few members), in Vietnamese. */
  proposalProblem: string | null;
}

/** The rotation order extended with the members missing from it, as nextChairTerm orders them. */
export function fullRotationOrder(stored: number[], members: MemberUnit[]): MemberUnit[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const listed = stored.filter((id, i) => byId.has(id) && stored.indexOf(id) === i).map((id) => byId.get(id)!);
  const rest = members.filter((m) => !stored.includes(m.id)).sort((a, b) => a.id - b.id);
  return [...listed, ...rest];
}

export async function rotationState(db: Db, bloc: Bloc, today: string): Promise<RotationState> {
  const history = await listBlocYears(db, bloc.id);
  const current = history.find((y) => y.status === 'open') ?? history.find((y) => y.status === 'closed') ?? null;
  const members = await listMemberUnits(db, bloc.id, today);
  const order = fullRotationOrder(await getRotationOrder(db, bloc.id), members);
  let proposal: ChairTerm | null = null;
  let proposalProblem: string | null = null;
  if (current && bloc.rotationPolicy !== 'explicit') {
    try {
      proposal = nextChairTerm({
        policy: bloc.rotationPolicy,
        rotationOrder: order.map((u) => u.id),
        current: { chairUnitId: current.chairUnitId, deputyUnitId: current.deputyUnitId },
        eligibleUnitIds: members.map((u) => u.id),
      });
    } catch (error) {
      if (!(error instanceof RotationError)) throw error;
      proposalProblem = error.message;
    }
  }
  return { history, current, members, order, proposal, proposalProblem };
}

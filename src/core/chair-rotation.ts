// Rotation of the bloc's chair (Khối trưởng) and deputy (Khối phó) for one-year terms.

/** How the next chair and deputy are chosen at the year-end meeting. */
export type RotationPolicy = 'agreed_order' | 'deputy_becomes_chair' | 'explicit';

/** Chair and deputy of one term. */
export interface ChairPair {
  chairUnitId: number;
  deputyUnitId: number | null;
}

/** Input of nextChairTerm. */
export interface NextChairArgs {
  policy: RotationPolicy;
  /** Unit ids in the agreed rotation order. Eligible units missing from it follow it, by id. */
  rotationOrder: number[];
  /** The outgoing term. */
  current: ChairPair;
  /** Current members of the bloc. */
  eligibleUnitIds: number[];
  /** The meeting's free choice; required for policy 'explicit'. */
  explicit?: { chairUnitId: number; deputyUnitId: number };
}

/** The incoming term and the rule that produced it. */
export interface ChairTerm {
  chairUnitId: number;
  deputyUnitId: number;
  basis: RotationPolicy;
}

/** Why a rotation could not be computed. */
export type RotationErrorCode =
  | 'too_few_units'
  | 'explicit_missing'
  | 'chair_not_member'
  | 'deputy_not_member'
  | 'same_unit';

/** A rotation that cannot be carried out; the message is Vietnamese and fit to show to admins. */
export class RotationError extends Error {
  readonly code: RotationErrorCode;
  constructor(code: RotationErrorCode, message: string) {
    super(message);
    this.name = 'RotationError';
    this.code = code;
  }
}

const MESSAGES: Record<RotationErrorCode, string> = {
  too_few_units: 'Khối cần ít nhất hai đơn vị thành viên để luân phiên Khối trưởng và Khối phó.',
  explicit_missing: 'Cần chọn đơn vị làm Khối trưởng và đơn vị làm Khối phó cho nhiệm kỳ mới.',
  chair_not_member: 'Đơn vị được chọn làm Khối trưởng không còn là thành viên của Khối.',
  deputy_not_member: 'Đơn vị được chọn làm Khối phó không còn là thành viên của Khối.',
  same_unit: 'Khối trưởng và Khối phó phải là hai đơn vị khác nhau.',
};

function fail(code: RotationErrorCode): never {
  throw new RotationError(code, MESSAGES[code]);
}

/** The rotation order extended with eligible units missing from it (ascending id), deduplicated. */
function fullOrder(rotationOrder: number[], eligible: Set<number>): number[] {
  const order = [...new Set(rotationOrder)];
  const listed = new Set(order);
  const extra = [...eligible].filter((id) => !listed.has(id)).sort((a, b) => a - b);
  return [...order, ...extra];
}

/** First eligible unit after `fromUnitId` in the order (wrapping), never `fromUnitId` itself. */
function eligibleAfter(order: number[], eligible: Set<number>, fromUnitId: number): number {
  const start = order.indexOf(fromUnitId); // -1 (not in the order) starts from the top
  for (let step = 1; step <= order.length; step++) {
    const id = order[(start + step) % order.length];
    if (id !== undefined && id !== fromUnitId && eligible.has(id)) return id;
  }
  return fail('too_few_units'); // unreachable with two or more eligible units
}

/**
 * Chooses the next term's chair and deputy.
 * - agreed_order: the chair is the first eligible unit after the current chair in the order
 *   (wrapping); the deputy is the first eligible unit after the new chair.
 * - deputy_becomes_chair: the chair is the current deputy if still eligible (and not the current
 *   chair), otherwise the agreed_order choice; the deputy is the first eligible unit after the new
 *   chair in the order (never the new chair; it may be the old chair in a two-unit bloc).
 * - explicit: the meeting's choice, checked to be two distinct current members.
 * Throws RotationError when fewer than two units are eligible or the explicit choice is invalid.
 */
export function nextChairTerm(args: NextChairArgs): ChairTerm {
  const eligible = new Set(args.eligibleUnitIds);
  if (eligible.size < 2) fail('too_few_units');
  const order = fullOrder(args.rotationOrder, eligible);
  switch (args.policy) {
    case 'explicit': {
      const choice = args.explicit;
      if (!choice) return fail('explicit_missing');
      if (!eligible.has(choice.chairUnitId)) fail('chair_not_member');
      if (!eligible.has(choice.deputyUnitId)) fail('deputy_not_member');
      if (choice.chairUnitId === choice.deputyUnitId) fail('same_unit');
      return { ...choice, basis: 'explicit' };
    }
    case 'deputy_becomes_chair': {
      const { chairUnitId, deputyUnitId } = args.current;
      const chair =
        deputyUnitId !== null && deputyUnitId !== chairUnitId && eligible.has(deputyUnitId)
          ? deputyUnitId
          : eligibleAfter(order, eligible, chairUnitId);
      return {
        chairUnitId: chair,
        deputyUnitId: eligibleAfter(order, eligible, chair),
        basis: 'deputy_becomes_chair',
      };
    }
    case 'agreed_order': {
      const chair = eligibleAfter(order, eligible, args.current.chairUnitId);
      return {
        chairUnitId: chair,
        deputyUnitId: eligibleAfter(order, eligible, chair),
        basis: 'agreed_order',
      };
    }
    default:
      throw new Error(`Unknown rotation policy: '${String(args.policy)}'.`);
  }
}

/**
 * The next `years` terms, each following the one before, with the same members throughout.
 * Under 'explicit' only the first term is the meeting's choice; a free choice cannot be
 * predicted, so later terms follow the agreed order (basis 'agreed_order').
 */
export function projectChairs(args: NextChairArgs, years: number): ChairTerm[] {
  if (!Number.isInteger(years) || years < 0) {
    throw new RangeError(`projectChairs: years must be a non-negative integer, got ${years}.`);
  }
  const terms: ChairTerm[] = [];
  let current: ChairPair = args.current;
  for (let i = 0; i < years; i++) {
    const policy: RotationPolicy = args.policy === 'explicit' && i > 0 ? 'agreed_order' : args.policy;
    const term = nextChairTerm({ ...args, policy, current });
    terms.push(term);
    current = term;
  }
  return terms;
}

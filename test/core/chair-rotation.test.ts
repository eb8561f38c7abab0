import { describe, expect, it } from 'vitest';
import {
  type ChairTerm,
  type NextChairArgs,
  nextChairTerm,
  projectChairs,
  RotationError,
} from '../../src/core/chair-rotation.js';

// Khối thi đua số 6, Sóc Trăng, in the agreed order.
const MTTQ = 1; // Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
const HND = 2; // Hội Nông dân tỉnh
const HCCB = 3; // Hội Cựu chiến binh tỉnh
const HLHPN = 4; // Hội Liên hiệp Phụ nữ Việt Nam tỉnh
const TD = 5; // Tỉnh đoàn
const LDLD = 6; // Liên đoàn Lao động tỉnh
const HCTD = 7; // Hội Chữ thập đỏ tỉnh
const ORDER = [MTTQ, HND, HCCB, HLHPN, TD, LDLD, HCTD];

// 2023: Hội Cựu chiến binh chairs, Tỉnh đoàn is deputy.
const seed2023 = { chairUnitId: HCCB, deputyUnitId: TD };

function args(overrides: Partial<NextChairArgs>): NextChairArgs {
  return {
    policy: 'agreed_order',
    rotationOrder: ORDER,
    current: seed2023,
    eligibleUnitIds: ORDER,
    ...overrides,
  };
}

const pairs = (terms: ChairTerm[]): [number, number][] => terms.map((t) => [t.chairUnitId, t.deputyUnitId]);

describe('Sóc Trăng seed', () => {
  it('with deputy_becomes_chair, Tỉnh đoàn chairs in 2024 (as in the 13/3/2024 handover)', () => {
    expect(nextChairTerm(args({ policy: 'deputy_becomes_chair' }))).toEqual({
      chairUnitId: TD,
      deputyUnitId: LDLD,
      basis: 'deputy_becomes_chair',
    });
  });

  it('with agreed_order, the unit after Hội Cựu chiến binh chairs in 2024', () => {
    expect(nextChairTerm(args({ policy: 'agreed_order' }))).toEqual({
      chairUnitId: HLHPN,
      deputyUnitId: TD,
      basis: 'agreed_order',
    });
  });
});

describe('agreed_order', () => {
  it('rotates through all seven units, 2024–2031', () => {
    const terms = projectChairs(args({ policy: 'agreed_order' }), 8);
    expect(pairs(terms)).toEqual([
      [4, 5], // 2024
      [5, 6], // 2025
      [6, 7], // 2026
      [7, 1], // 2027 (wraps)
      [1, 2], // 2028
      [2, 3], // 2029
      [3, 4], // 2030
      [4, 5], // 2031
    ]);
    expect(terms.every((t) => t.basis === 'agreed_order')).toBe(true);
  });

  it('gives each unit the chair exactly once in seven years', () => {
    const chairs = projectChairs(args({ policy: 'agreed_order' }), 7).map((t) => t.chairUnitId);
    expect([...chairs].sort()).toEqual(ORDER);
  });

  it('skips a unit that left the bloc, as chair and as deputy', () => {
    const withoutLdld = ORDER.filter((id) => id !== LDLD);
    const terms = projectChairs(args({ policy: 'agreed_order', eligibleUnitIds: withoutLdld }), 8);
    expect(pairs(terms)).toEqual([
      [4, 5], // 2024
      [5, 7], // 2025: Liên đoàn Lao động skipped as deputy
      [7, 1], // 2026: … and as chair
      [1, 2], // 2027
      [2, 3], // 2028
      [3, 4], // 2029
      [4, 5], // 2030
      [5, 7], // 2031
    ]);
    expect(terms.some((t) => t.chairUnitId === LDLD || t.deputyUnitId === LDLD)).toBe(false);
  });

  it('continues from the position of a current chair that has left', () => {
    const term = nextChairTerm(
      args({
        current: { chairUnitId: HLHPN, deputyUnitId: TD },
        eligibleUnitIds: ORDER.filter((id) => id !== HLHPN),
      }),
    );
    expect([term.chairUnitId, term.deputyUnitId]).toEqual([TD, LDLD]);
  });

  it('starts from the top when the current chair is not in the order at all', () => {
    const term = nextChairTerm(args({ current: { chairUnitId: 42, deputyUnitId: null } }));
    expect([term.chairUnitId, term.deputyUnitId]).toEqual([MTTQ, HND]);
  });

  it('puts a new member missing from the order at its end', () => {
    const withNew = [...ORDER, 8];
    expect(
      nextChairTerm(args({ current: { chairUnitId: LDLD, deputyUnitId: HCTD }, eligibleUnitIds: withNew })),
    ).toMatchObject({ chairUnitId: HCTD, deputyUnitId: 8 });
    expect(
      nextChairTerm(args({ current: { chairUnitId: HCTD, deputyUnitId: 8 }, eligibleUnitIds: withNew })),
    ).toMatchObject({ chairUnitId: 8, deputyUnitId: MTTQ });
  });

  it('ignores duplicates in the rotation order', () => {
    expect(nextChairTerm(args({ rotationOrder: [1, 2, 2, 3, 3, 4, 5, 6, 7] }))).toMatchObject({
      chairUnitId: 4,
      deputyUnitId: 5,
    });
  });

  it('alternates in a two-unit bloc', () => {
    const terms = projectChairs(
      args({ current: { chairUnitId: HND, deputyUnitId: null }, eligibleUnitIds: [HND, TD] }),
      3,
    );
    expect(pairs(terms)).toEqual([
      [TD, HND],
      [HND, TD],
      [TD, HND],
    ]);
  });
});

describe('deputy_becomes_chair', () => {
  it('hands the chair to the deputy each year, 2024–2031', () => {
    const terms = projectChairs(args({ policy: 'deputy_becomes_chair' }), 8);
    expect(pairs(terms)).toEqual([
      [5, 6], // 2024: Tỉnh đoàn, deputy Liên đoàn Lao động
      [6, 7], // 2025
      [7, 1], // 2026
      [1, 2], // 2027
      [2, 3], // 2028
      [3, 4], // 2029
      [4, 5], // 2030
      [5, 6], // 2031
    ]);
    for (let i = 1; i < terms.length; i++) {
      expect(terms[i]?.chairUnitId).toBe(terms[i - 1]?.deputyUnitId);
    }
    expect(terms.every((t) => t.basis === 'deputy_becomes_chair')).toBe(true);
  });

  it('skips a unit that left the bloc', () => {
    const withoutLdld = ORDER.filter((id) => id !== LDLD);
    const terms = projectChairs(args({ policy: 'deputy_becomes_chair', eligibleUnitIds: withoutLdld }), 8);
    expect(pairs(terms)).toEqual([
      [5, 7], // 2024
      [7, 1], // 2025
      [1, 2], // 2026
      [2, 3], // 2027
      [3, 4], // 2028
      [4, 5], // 2029
      [5, 7], // 2030
      [7, 1], // 2031
    ]);
  });

  it('falls back to the agreed order when the deputy has left before the meeting', () => {
    // Year by year: in 2024 all seven are members; Liên đoàn Lao động (deputy) leaves before
    // the 2024 year-end meeting.
    const t2024 = nextChairTerm(args({ policy: 'deputy_becomes_chair' }));
    expect([t2024.chairUnitId, t2024.deputyUnitId]).toEqual([TD, LDLD]);
    const remaining = ORDER.filter((id) => id !== LDLD);
    const t2025 = nextChairTerm(args({ policy: 'deputy_becomes_chair', current: t2024, eligibleUnitIds: remaining }));
    expect(t2025).toEqual({ chairUnitId: HCTD, deputyUnitId: MTTQ, basis: 'deputy_becomes_chair' });
    const later = projectChairs(
      args({ policy: 'deputy_becomes_chair', current: t2025, eligibleUnitIds: remaining }),
      6,
    );
    expect(pairs([t2024, t2025, ...later])).toEqual([
      [5, 6], // 2024
      [7, 1], // 2025
      [1, 2], // 2026
      [2, 3], // 2027
      [3, 4], // 2028
      [4, 5], // 2029
      [5, 7], // 2030
      [7, 1], // 2031
    ]);
  });

  it('falls back to the agreed order when there is no deputy or it equals the chair', () => {
    expect(
      nextChairTerm(args({ policy: 'deputy_becomes_chair', current: { chairUnitId: 3, deputyUnitId: null } })),
    ).toMatchObject({ chairUnitId: 4, deputyUnitId: 5 });
    expect(
      nextChairTerm(args({ policy: 'deputy_becomes_chair', current: { chairUnitId: 3, deputyUnitId: 3 } })),
    ).toMatchObject({ chairUnitId: 4, deputyUnitId: 5 });
  });

  it('never makes the new chair its own deputy, and may return the chair to the old chair in a two-unit bloc', () => {
    const term = nextChairTerm(
      args({
        policy: 'deputy_becomes_chair',
        current: { chairUnitId: HND, deputyUnitId: TD },
        eligibleUnitIds: [HND, TD],
      }),
    );
    expect([term.chairUnitId, term.deputyUnitId]).toEqual([TD, HND]);
  });
});

describe('explicit', () => {
  it('takes the meeting’s choice each year, 2024–2031, including a unit that left', () => {
    const choices: [number, number][] = [
      [TD, LDLD], // 2024 (the seed's handover to Tỉnh đoàn)
      [HLHPN, MTTQ], // 2025
      [MTTQ, HCTD], // 2026
      [HND, HCCB], // 2027
      [HCTD, TD], // 2028: Liên đoàn Lao động has left by now
      [HCCB, HND], // 2029
      [LDLD, HLHPN], // 2030: rejected below, LĐLĐ is no longer a member
      [TD, MTTQ], // 2031
    ];
    let current: { chairUnitId: number; deputyUnitId: number | null } = seed2023;
    const history: ChairTerm[] = [];
    choices.forEach(([chairUnitId, deputyUnitId], i) => {
      const eligibleUnitIds = i >= 4 ? ORDER.filter((id) => id !== LDLD) : ORDER;
      const a = args({
        policy: 'explicit',
        current,
        eligibleUnitIds,
        explicit: { chairUnitId, deputyUnitId },
      });
      if (chairUnitId === LDLD) {
        expect(() => nextChairTerm(a)).toThrow(RotationError);
        return;
      }
      const term = nextChairTerm(a);
      expect(term).toEqual({ chairUnitId, deputyUnitId, basis: 'explicit' });
      history.push(term);
      current = term;
    });
    expect(history).toHaveLength(7);
  });

  it('requires a choice', () => {
    expect(() => nextChairTerm(args({ policy: 'explicit' }))).toThrow(
      'Cần chọn đơn vị làm Khối trưởng và đơn vị làm Khối phó cho nhiệm kỳ mới.',
    );
  });

  it('rejects a chair or deputy that is not a member, and the same unit twice', () => {
    const eligibleUnitIds = ORDER.filter((id) => id !== LDLD);
    const attempt = (chairUnitId: number, deputyUnitId: number): RotationError => {
      try {
        nextChairTerm(args({ policy: 'explicit', eligibleUnitIds, explicit: { chairUnitId, deputyUnitId } }));
      } catch (e) {
        if (e instanceof RotationError) return e;
        throw e;
      }
      throw new Error('expected a RotationError');
    };
    const notChair = attempt(LDLD, TD);
    expect(notChair.code).toBe('chair_not_member');
    expect(notChair.message).toBe('Đơn vị được chọn làm Khối trưởng không còn là thành viên của Khối.');
    expect(notChair.name).toBe('RotationError');
    const notDeputy = attempt(TD, LDLD);
    expect(notDeputy.code).toBe('deputy_not_member');
    expect(notDeputy.message).toBe('Đơn vị được chọn làm Khối phó không còn là thành viên của Khối.');
    const same = attempt(TD, TD);
    expect(same.code).toBe('same_unit');
    expect(same.message).toBe('Khối trưởng và Khối phó phải là hai đơn vị khác nhau.');
    expect(attempt(99, TD).code).toBe('chair_not_member');
  });

  it('projects later years by the agreed order', () => {
    const terms = projectChairs(args({ policy: 'explicit', explicit: { chairUnitId: TD, deputyUnitId: LDLD } }), 3);
    expect(terms).toEqual([
      { chairUnitId: TD, deputyUnitId: LDLD, basis: 'explicit' },
      { chairUnitId: LDLD, deputyUnitId: HCTD, basis: 'agreed_order' },
      { chairUnitId: HCTD, deputyUnitId: MTTQ, basis: 'agreed_order' },
    ]);
  });
});

describe('too few units', () => {
  it.each([
    ['agreed_order', [HCCB]],
    ['deputy_becomes_chair', [TD]],
    ['explicit', [TD]],
    ['agreed_order', []],
    ['agreed_order', [TD, TD]],
  ] as const)('%s with eligible %j throws', (policy, eligible) => {
    const a = args({
      policy,
      eligibleUnitIds: [...eligible],
      explicit: { chairUnitId: TD, deputyUnitId: HCCB },
    });
    expect(() => nextChairTerm(a)).toThrow(
      'Khối cần ít nhất hai đơn vị thành viên để luân phiên Khối trưởng và Khối phó.',
    );
    try {
      nextChairTerm(a);
    } catch (e) {
      expect(e).toBeInstanceOf(RotationError);
      expect((e as RotationError).code).toBe('too_few_units');
    }
  });
});

describe('projectChairs', () => {
  it('returns nothing for zero years and rejects bad counts', () => {
    expect(projectChairs(args({}), 0)).toEqual([]);
    expect(() => projectChairs(args({}), -1)).toThrow(RangeError);
    expect(() => projectChairs(args({}), 1.5)).toThrow(RangeError);
  });

  it('does not modify its arguments', () => {
    const a = args({ policy: 'deputy_becomes_chair' });
    const before = structuredClone(a);
    projectChairs(a, 8);
    expect(a).toEqual(before);
  });
});

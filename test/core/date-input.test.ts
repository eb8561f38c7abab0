import { describe, expect, it } from 'vitest';
import { parseDateVi } from '../../src/core/date-input.js';

describe('parseDateVi', () => {
  it('reads dd/mm/yyyy with /, . or -, one-digit day and month, and YYYY-MM-DD', () => {
    expect(parseDateVi('13/03/2024')).toBe('2024-03-13');
    expect(parseDateVi(' 1.2.2026 ')).toBe('2026-02-01');
    expect(parseDateVi('29-02-2024')).toBe('2024-02-29');
    expect(parseDateVi('2026-11-25')).toBe('2026-11-25');
  });

  it('answers null, never another date, for a date that does not exist or is not a date', () => {
    for (const typed of [
      '32/13/2024',
      '29/02/2023',
      '31/04/2026',
      '00/01/2026',
      '01/00/2026',
      '2026-02-30',
      '13/03/24',
      '13/03/2024 08:00',
      'hôm nay',
      '',
    ])
      expect(parseDateVi(typed), typed).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatValue, MAX_VALUE, parseCriterionValue } from '../../src/core/report-flow/number-input.js';
import { normalizeCaption, parseFreeText, MAX_TEXT_LENGTH } from '../../src/core/report-flow/text-input.js';

const ok = (value: number) => ({ ok: true, value });
const err = (error: object) => ({ ok: false, error });

describe('parseCriterionValue', () => {
  it('accepts plain whole numbers for every value type', () => {
    expect(parseCriterionValue('12', 'count')).toEqual(ok(12));
    expect(parseCriterionValue(' 007 ', 'count')).toEqual(ok(7));
    expect(parseCriterionValue('+3', 'count')).toEqual(ok(3));
    expect(parseCriterionValue('0', 'decimal')).toEqual(ok(0));
    expect(parseCriterionValue('45', 'percent')).toEqual(ok(45));
  });

  it('reads full-width digits and a percent sign', () => {
    expect(parseCriterionValue('１２', 'count')).toEqual(ok(12));
    expect(parseCriterionValue('45 %', 'percent')).toEqual(ok(45));
    expect(parseCriterionValue('45,5％', 'percent')).toEqual(ok(45.5));
  });

  it('refuses negative numbers', () => {
    expect(parseCriterionValue('-3', 'count')).toEqual(err({ code: 'negative' }));
    expect(parseCriterionValue('− 3', 'decimal')).toEqual(err({ code: 'negative' }));
  });

  it('refuses decimals for counts and accepts a comma or a point for decimals', () => {
    expect(parseCriterionValue('1,5', 'count')).toEqual(err({ code: 'decimal_not_allowed' }));
    expect(parseCriterionValue('1.5', 'count')).toEqual(err({ code: 'decimal_not_allowed' }));
    expect(parseCriterionValue('1,5', 'decimal')).toEqual(ok(1.5));
    expect(parseCriterionValue('1.25', 'percent')).toEqual(ok(1.25));
    expect(parseCriterionValue('0,125', 'decimal')).toEqual(err({ code: 'too_many_decimals', max: 2 }));
  });

  it('refuses thousands separators with the number written without them', () => {
    expect(parseCriterionValue('1.200', 'count')).toEqual(err({ code: 'thousands_separator', suggestion: '1200' }));
    expect(parseCriterionValue('12,500', 'count')).toEqual(err({ code: 'thousands_separator', suggestion: '12500' }));
    expect(parseCriterionValue('1 200', 'count')).toEqual(err({ code: 'thousands_separator', suggestion: '1200' }));
    expect(parseCriterionValue('1.200.000', 'decimal')).toEqual(
      err({ code: 'thousands_separator', suggestion: '1200000' }),
    );
    expect(parseCriterionValue('1.200,5', 'decimal')).toEqual(
      err({ code: 'thousands_separator', suggestion: '1200,5' }),
    );
    expect(parseCriterionValue('1.200', 'decimal')).toEqual(err({ code: 'thousands_separator', suggestion: '1200' }));
  });

  it('refuses numbers beyond the sane maximum of their type', () => {
    expect(parseCriterionValue(String(MAX_VALUE.count), 'count')).toEqual(ok(100_000));
    expect(parseCriterionValue('100001', 'count')).toEqual(err({ code: 'too_large', max: 100_000 }));
    expect(parseCriterionValue('100,5', 'percent')).toEqual(err({ code: 'too_large', max: 100 }));
    expect(parseCriterionValue('9'.repeat(400), 'decimal')).toEqual(err({ code: 'too_large', max: MAX_VALUE.decimal }));
  });

  it('refuses text, emoji and empty input as not a number', () => {
    for (const s of ['mười hai', '12 gương', '5️⃣', '👍', '', '   ', '1e3', '0x10', '1,2,3']) {
      expect(parseCriterionValue(s, 'count'), s).toEqual(err({ code: 'not_a_number' }));
    }
  });
});

describe('formatValue', () => {
  it('writes values without grouping and with a decimal comma', () => {
    expect(formatValue(1200)).toBe('1200');
    expect(formatValue(12.5)).toBe('12,5');
    expect(formatValue(0)).toBe('0');
  });
});

describe('parseFreeText', () => {
  it('normalises decomposed Vietnamese to NFC and keeps emoji', () => {
    const nfd = 'Tuyên truyền 3 gương điển hình 👏'.normalize('NFD');
    const parsed = parseFreeText(`  ${nfd}  `);
    expect(parsed).toEqual({ ok: true, text: 'Tuyên truyền 3 gương điển hình 👏'.normalize('NFC') });
    expect(parsed.ok && parsed.text === parsed.text.normalize('NFC')).toBe(true);
  });

  it('refuses text longer than the limit, counting characters not UTF-16 units', () => {
    expect(parseFreeText('👏'.repeat(MAX_TEXT_LENGTH)).ok).toBe(true);
    expect(parseFreeText('a'.repeat(MAX_TEXT_LENGTH + 1))).toEqual(
      err({ code: 'text_too_long', max: MAX_TEXT_LENGTH, length: MAX_TEXT_LENGTH + 1 }),
    );
  });

  it('refuses text that is empty once invisible characters are removed', () => {
    expect(parseFreeText('\u200B \u00A0')).toEqual(err({ code: 'empty_text' }));
  });
});

describe('normalizeCaption', () => {
  it('keeps a normalised caption and drops an empty one', () => {
    expect(normalizeCaption('Ảnh hội nghị'.normalize('NFD'))).toBe('Ảnh hội nghị'.normalize('NFC'));
    expect(normalizeCaption('  ')).toBeNull();
    expect(normalizeCaption(undefined)).toBeNull();
    expect([...normalizeCaption('x'.repeat(2000))!]).toHaveLength(1024);
  });
});

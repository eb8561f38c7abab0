import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize.js';

describe('normalizeText', () => {
  it('composes decomposed (NFD) Vietnamese to NFC', () => {
    const nfd = 'Tỉnh đoàn'.normalize('NFD');
    expect(nfd).not.toBe('Tỉnh đoàn'.normalize('NFC'));
    expect(nfd.length).toBeGreaterThan('Tỉnh đoàn'.normalize('NFC').length);
    const out = normalizeText(nfd);
    expect(out).toBe('Tỉnh đoàn'.normalize('NFC'));
    expect(out.length).toBe(9);
    expect(out.normalize('NFC')).toBe(out);
  });

  it('makes NFD and NFC input compare equal', () => {
    for (const s of [
      'Hội Liên hiệp Phụ nữ Việt Nam tỉnh',
      'Hội Cựu chiến binh tỉnh',
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      'khó khăn, vướng mắc',
    ]) {
      expect(normalizeText(s.normalize('NFD'))).toBe(normalizeText(s.normalize('NFC')));
      expect(normalizeText(s.normalize('NFD'))).toBe(s.normalize('NFC'));
    }
  });

  it('trims and collapses runs of spaces and tabs', () => {
    expect(normalizeText('  Hội   Nông\t\tdân  tỉnh \t')).toBe('Hội Nông dân tỉnh');
    expect(normalizeText('Tỉnh\u00A0đoàn')).toBe('Tỉnh đoàn'); // no-break space
    expect(normalizeText('Tỉnh\u3000 đoàn')).toBe('Tỉnh đoàn'); // ideographic space
  });

  it('keeps newlines but drops spaces around them and unifies line endings', () => {
    expect(normalizeText('Kết quả nổi bật:  \n  - 78 gương điển hình\n- 12 mô hình  ')).toBe(
      'Kết quả nổi bật:\n- 78 gương điển hình\n- 12 mô hình',
    );
    expect(normalizeText('dòng 1\r\ndòng 2\rdòng 3\u2028dòng 4')).toBe('dòng 1\ndòng 2\ndòng 3\ndòng 4');
    expect(normalizeText('đoạn 1\n\nđoạn 2')).toBe('đoạn 1\n\nđoạn 2');
    expect(normalizeText('\n\n  nội dung  \n\n')).toBe('nội dung');
  });

  it('strips zero-width and control characters', () => {
    expect(normalizeText('Tỉnh\u200Bđoàn')).toBe('Tỉnhđoàn');
    expect(normalizeText('\uFEFFTỉnh đoàn')).toBe('Tỉnh đoàn');
    expect(normalizeText('Tỉnh \u200C\u200D\u2060đoàn')).toBe('Tỉnh đoàn');
    expect(normalizeText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f')).toBe('abcde\nf');
    expect(normalizeText('\u202Ebidi\u202C \u200Emark')).toBe('bidi mark');
    expect(normalizeText('đề\u00ADxuất')).toBe('đềxuất'); // soft hyphen
  });

  it('composes a letter whose combining mark was separated by an invisible character', () => {
    expect(normalizeText('to\u200B\u0302i')).toBe('tôi');
  });

  it('keeps zero-width joiners inside emoji sequences', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(normalizeText(`Gia đình ${family}`)).toBe(`Gia đình ${family}`);
    const rainbowFlag = '🏳\uFE0F\u200D🌈';
    expect(normalizeText(rainbowFlag)).toBe(rainbowFlag);
    expect(normalizeText('a\u200Db')).toBe('ab');
    expect(normalizeText('👍\u200Db')).toBe('👍b');
  });

  it('is idempotent and leaves clean text alone', () => {
    const clean = 'Báo cáo tuần 10/2024\nĐồng chí vui lòng gửi trước 00:00 12/03/2024.';
    expect(normalizeText(clean)).toBe(clean);
    const messy = ' \u200BHội  Chữ\tthập đỏ\r\n tỉnh '.normalize('NFD');
    expect(normalizeText(normalizeText(messy))).toBe(normalizeText(messy));
    expect(normalizeText(messy)).toBe('Hội Chữ thập đỏ\ntỉnh');
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' \t\n\u200B\r\n ')).toBe('');
  });
});

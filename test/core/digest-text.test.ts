import { describe, expect, it } from 'vitest';
import { type DigestInput, digestMessage, formatNumberVi } from '../../src/core/digest-text.js';
import { plainText } from '../../src/core/plain-text.js';
import { progressBar } from '../../src/core/progress-bar.js';

const digestText = (d: DigestInput) => plainText(digestMessage(d));

const input: DigestInput = {
  blocName: 'Khối thi đua số 6',
  periodKind: 'week',
  periodLabel: 'Tuần 47/2026 (16/11/2026 – 22/11/2026)',
  year: 2026,
  units: [
    { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', shortName: 'UBMTTQ tỉnh', status: 'reported' },
    { name: 'Hội Nông dân tỉnh', shortName: null, status: 'nil' },
    { name: 'Tỉnh đoàn', shortName: 'Tỉnh đoàn', status: 'late' },
    { name: 'Hội Chữ thập đỏ tỉnh', shortName: 'Hội CTĐ', status: 'missing' },
  ],
  rates: { expected: 4, received: 3, onTime: 2, reportingRate: 0.75, onTimeRate: 0.5 },
  onTimeUntil: null,
  criteria: [
    {
      code: '1',
      title: 'Tuyên truyền gương điển hình tiên tiến',
      unitOfMeasure: 'gương',
      valueType: 'count',
      periodTotal: 3,
      ytdTotal: 52,
      ytdTarget: 100,
    },
    {
      code: '2',
      title: 'Tỷ lệ khen thưởng người lao động trực tiếp',
      unitOfMeasure: '%',
      valueType: 'percent',
      periodTotal: 45.5,
      ytdTotal: 40,
      ytdTarget: 50,
    },
    {
      code: '3',
      title: 'Hoạt động tuyên truyền',
      unitOfMeasure: 'hoạt động',
      valueType: 'count',
      periodTotal: 1234,
      ytdTotal: 5,
      ytdTarget: 0,
    },
  ],
  notable: [{ unitName: 'Hội Nông dân tỉnh', text: 'Nhân rộng mô hình "Dân vận khéo"\n tại các huyện.' }],
};

describe('progressBar and numbers', () => {
  it('draws ten cells and the percentage', () => {
    expect(progressBar(0.52)).toBe('▓▓▓▓▓░░░░░ 52%');
    expect(progressBar(0)).toBe('░░░░░░░░░░ 0%');
    expect(progressBar(1)).toBe('▓▓▓▓▓▓▓▓▓▓ 100%');
    expect(progressBar(1.3)).toBe('▓▓▓▓▓▓▓▓▓▓ 130%');
    expect(progressBar(0.999)).toBe('▓▓▓▓▓▓▓▓▓░ 100%');
  });

  it('writes numbers the Vietnamese way', () => {
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
    expect(formatNumberVi(78)).toBe('78');
    expect(formatNumberVi(1234567)).toBe('1.234.567');
    expect(formatNumberVi(0.125)).toBe('0,13');
  });
});

describe('digestText', () => {
  const text = digestText(input);

  it('gives the rates and who reported on time, nil, late or not at all', () => {
    expect(text).toContain('BẢN TIN THI ĐUA TUẦN – KHỐI THI ĐUA SỐ 6');
    expect(text).toContain('Tuần 47/2026 (16/11/2026 – 22/11/2026)');
    expect(text).toContain('Tỷ lệ báo cáo: 3/4 đơn vị (75%)');
    expect(text).toContain('Báo cáo đúng hạn: 2/4 đơn vị (50%)');
    expect(text).toContain('✅ Đúng hạn (1): UBMTTQ tỉnh');
    expect(text).toContain('➖ Không phát sinh (1): Hội Nông dân tỉnh');
    expect(text).toContain('⏰ Nộp muộn (1): Tỉnh đoàn');
    expect(text).toContain('❌ Chưa báo cáo (1): Hội CTĐ');
    expect(text).not.toContain('vẫn được tính đúng hạn');
  });

  it('gives each criterion’s period figure and year to date against the target with a bar', () => {
    expect(text).toContain(
      '1. Tuyên truyền gương điển hình tiên tiến\n   Tuần này: 3 gương · Lũy kế: 52/100 gương\n   ▓▓▓▓▓░░░░░ 52%',
    );
    expect(text).toContain('Tuần này: 45,5% · Bình quân năm: 40%/50%\n   ▓▓▓▓▓▓▓▓░░ 80%');
    expect(text).toContain('Tuần này: 1.234 hoạt động · Lũy kế: 5 hoạt động (chưa giao chỉ tiêu)');
  });

  it('quotes notable results with their unit, on one line', () => {
    expect(text).toContain('• Hội Nông dân tỉnh: “Nhân rộng mô hình "Dân vận khéo" tại các huyện.”');
  });

  it('says until when missing units are still on time, while they are', () => {
    expect(digestText({ ...input, onTimeUntil: '23/11/2026' })).toContain(
      'vẫn được tính đúng hạn nếu gửi trong ngày 23/11/2026',
    );
  });

  it('shortens a very long notable result', () => {
    const long = digestText({ ...input, notable: [{ unitName: 'Tỉnh đoàn', text: 'á '.repeat(400) }] });
    const line = long.split('\n').find((l) => l.startsWith('• Tỉnh đoàn'))!;
    expect(line.length).toBeLessThan(310);
    expect(line.endsWith('…”')).toBe(true);
  });

  it('says so when the covenant has no quantitative criteria or the bloc no members', () => {
    const empty = digestText({ ...input, units: [], criteria: [], notable: [] });
    expect(empty).toContain('Giao ước thi đua năm 2026 chưa có chỉ tiêu định lượng.');
    expect(empty).toContain('Khối chưa có đơn vị thành viên trong kỳ này.');
    expect(empty).not.toContain('KẾT QUẢ NỔI BẬT');
  });
});

describe('digestMessage', () => {
  it('is a digest whose blocks stay together: header, rates, units, criteria as figures, notable results', () => {
    const m = digestMessage(input);
    expect(m).toMatchObject({ topic: 'digest', title: '📊 BẢN TIN THI ĐUA TUẦN – KHỐI THI ĐUA SỐ 6', actions: [] });
    expect(m.blocks.map((b) => b.kind)).toEqual(['paragraph', 'figures', 'paragraph', 'figures', 'paragraph']);
    expect(m.blocks[3]).toMatchObject({
      kind: 'figures',
      heading: '📈 KẾT QUẢ TUẦN VÀ LŨY KẾ NĂM 2026',
      labelsAbove: true,
      figures: [
        {
          label: '1. Tuyên truyền gương điển hình tiên tiến',
          value: 'Tuần này: 3 gương · Lũy kế: 52/100 gương',
          progress: 0.52,
        },
        { label: '2. Tỷ lệ khen thưởng người lao động trực tiếp', progress: 0.8 },
        { label: '3. Hoạt động tuyên truyền' },
      ],
    });
    expect(m.blocks[3]).not.toHaveProperty('figures.2.progress');
  });

  it('reads as a text with its sections set apart by blank lines, the title heading the first', () => {
    expect(
      digestText(input)
        .split('\n\n')
        .map((section) => section.split('\n')[0]),
    ).toEqual([
      '📊 BẢN TIN THI ĐUA TUẦN – KHỐI THI ĐUA SỐ 6',
      '📥 Tỷ lệ báo cáo: 3/4 đơn vị (75%)',
      '✅ Đúng hạn (1): UBMTTQ tỉnh',
      '📈 KẾT QUẢ TUẦN VÀ LŨY KẾ NĂM 2026',
      '🌟 KẾT QUẢ NỔI BẬT',
    ]);
  });
});

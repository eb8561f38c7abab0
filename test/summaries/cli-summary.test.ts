import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { type CliContext, CliError } from '../../src/cli/context.js';
import { loadConfig } from '../../src/config.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport } from './helpers.js';

let t: TestDb;
let b: SmallBloc;
let dir: string;
let lines: string[];
let ctx: CliContext;
const summary = commands.find((c) => c.name === 'summary')!;
const run = (...args: string[]) => summary.run(ctx, args);

beforeAll(async () => {
  t = await createTestDb();
  b = await createSmallBloc(t.db, { units: 3, year: 2026 });
  await fileReport(t.db, b, 0, '2026-W47', '2026-11-21T03:00:00Z', [3, 4], 'Biểu dương gương điển hình.');
  dir = mkdtempSync(join(tmpdir(), 'ktd-cli-'));
  const config = loadConfig({});
  if (!config.ok) throw new Error('config');
  ctx = { config: config.config, db: t.db, now: () => new Date('2026-11-24T03:00:00Z'), out: (l) => lines.push(l) };
});
beforeEach(() => {
  lines = [];
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- summary', () => {
  it('prints the annual summary, or writes it as .docx, .xlsx or .csv', async () => {
    await run('annual', '--bloc', String(b.blocId), '--year', '2026');
    expect(lines.join('\n')).toContain('TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2026');
    for (const ext of ['docx', 'xlsx', 'csv']) {
      const out = join(dir, `tong-ket.${ext}`);
      await run('annual', '--bloc', String(b.blocId), '--year', '2026', '--out', out);
      expect(lines.at(-1)).toBe(`Đã ghi ${out}.`);
    }
    expect(readFileSync(join(dir, 'tong-ket.docx')).subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tong-ket.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Tổng hợp', 'Tỷ lệ báo cáo', 'Chấm điểm']);
    expect(readFileSync(join(dir, 'tong-ket.csv'), 'utf8')).toContain('2026-W47');
  });

  it('prints a week’s digest, and with --send stores it; unsent (no chat linked), a second --send computes it again', async () => {
    await run('digest', '--bloc', String(b.blocId), '--week', '2026-W47');
    expect(lines.join('\n')).toContain('Tuần 47/2026 (16/11/2026 – 22/11/2026)');
    lines = [];
    await run('digest', '--bloc', String(b.blocId), '--week', '2026-W47', '--send');
    const noChat =
      'Bản tin Tuần 47/2026 (16/11/2026 – 22/11/2026): đã lưu nhưng chưa có nơi nhận (Khối chưa liên kết nhóm Telegram và cán bộ đầu mối của đơn vị Khối trưởng chưa có kênh nhận tin nào), nên không có tin nhắn nào được xếp hàng.';
    expect(lines).toEqual([noChat]);
    lines = [];
    await run('digest', '--bloc', String(b.blocId), '--week', '2026-W47', '--send');
    expect(lines).toEqual([
      'Đã tính lại Bản tin Tuần 47/2026 (16/11/2026 – 22/11/2026) (bản tính cho thời điểm 10:00 24/11/2026 chưa gửi cho ai; 0 tin nhắn của bản đó đã được rút khỏi hàng đợi).',
      noChat,
    ]);
  });

  it('enters a bonus and shows the schedule', async () => {
    await run(
      'adjust',
      '--bloc',
      String(b.blocId),
      '--year',
      '2026',
      '--unit',
      String(b.unitIds[1]),
      '--bonus',
      '2',
      '--reason',
      'Đăng cai hội thi',
    );
    await run('schedule', '--bloc', String(b.blocId));
    expect(lines).toEqual([
      'Đã ghi điểm thưởng 2 điểm (mục #1).',
      'Lịch gửi của Khối thi đua thử nghiệm:\n  Bản tin định kỳ: thứ Hai, 08:00\n  Sơ kết 6 tháng: ngày 05/07, 08:00\n  Tổng kết năm: ngày 05/12, 08:00',
    ]);
  });

  it('answers bad input with a Vietnamese message', async () => {
    const bloc = String(b.blocId);
    const cases: [string[], string][] = [
      [
        ['annual', '--bloc', 'abc', '--year', '2026'],
        'Không có khối thi đua tên "abc". Xem mã và tên các khối: npm run cli -- bloc list',
      ],
      [
        ['annual', '--bloc', '99', '--year', '2026'],
        'Không có khối thi đua mã 99. Xem mã và tên các khối: npm run cli -- bloc list',
      ],
      [['annual', '--bloc', bloc, '--year', '2020'], 'Khối thi đua thử nghiệm chưa có giao ước thi đua năm 2020.'],
      [
        ['annual', '--bloc', bloc, '--year', '2026', '--out', join(dir, 'x.pdf')],
        `Không rõ định dạng của "${join(dir, 'x.pdf')}": tệp cần đuôi .docx, .xlsx hoặc .csv.`,
      ],
      [
        ['digest', '--bloc', bloc, '--week', '2026-W99'],
        "Mã kỳ báo cáo không hợp lệ: '2026-W99' (tuần phải từ 01 đến 53; năm 2026 có 53 tuần).",
      ],
      [
        ['digest', '--bloc', bloc, '--week', '2026-11'],
        'Kỳ "2026-11" không khớp chu kỳ báo cáo của Khối (hằng tuần, ví dụ 2026-W47).',
      ],
      [['digest', '--bloc', bloc], '--week (ví dụ 2026-W47) hoặc --period (ví dụ 2026-11): cần kỳ báo cáo.'],
      [
        ['annual', '--bloc', bloc, '--year', '2026', '--date', '2026-13-45', '--out', join(dir, 'x.docx')],
        '--date "2026-13-45" không phải một ngày có thật; cần dạng YYYY-MM-DD, ví dụ 2024-01-15.',
      ],
      [
        ['annual', '--bloc', bloc, '--year', '2026', '--date', '2026-02-29', '--out', join(dir, 'x.docx')],
        '--date "2026-02-29" không phải một ngày có thật; cần dạng YYYY-MM-DD, ví dụ 2024-01-15.',
      ],
      [
        ['adjust', '--bloc', bloc, '--year', '2026', '--unit', String(b.unitIds[0])],
        'Cần --bonus <điểm> hoặc --deduction <điểm>.',
      ],
      [
        ['schedule', '--bloc', bloc, '--time', '8h'],
        'Giờ "8h" không hợp lệ; đồng chí vui lòng nhập dạng HH:MM, ví dụ 08:00.',
      ],
    ];
    for (const [args, message] of cases) {
      await expect(run(...args)).rejects.toThrow(new CliError(message));
    }
    await expect(run('tong-ket')).rejects.toThrow(/^summary annual\|mid-year/);
    expect(lines).toEqual([]);
  });
});

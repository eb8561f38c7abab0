import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBloc } from '../../src/db/blocs.js';
import { reportsOfYear } from '../../src/db/figures.js';
import { endMembership } from '../../src/db/units.js';
import { computeBlocSummary } from '../../src/summaries/bloc-summary.js';
import { csvField, reportsCsv } from '../../src/summaries/csv/reports-csv.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from './helpers.js';

describe('csvField', () => {
  it('quotes by RFC 4180 only when needed, doubling quotes', () => {
    expect(csvField('Hội Nông dân tỉnh')).toBe('Hội Nông dân tỉnh');
    expect(csvField('Mô hình, sáng kiến')).toBe('"Mô hình, sáng kiến"');
    expect(csvField('Mô hình "Dân vận khéo"')).toBe('"Mô hình ""Dân vận khéo"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });

  it('defuses text a spreadsheet would run as a formula, but leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","bấm")')).toBe(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(csvField('+84 912 345 678')).toBe(`'+84 912 345 678`);
    expect(csvField('-1 so với tuần trước')).toBe(`'-1 so với tuần trước`);
    expect(csvField('@SUM(A1:A2)')).toBe(`'@SUM(A1:A2)`);
    expect(csvField('\t=1+1')).toBe(`'\t=1+1`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField('Tổng = 5')).toBe('Tổng = 5');
  });
});

describe('reportsCsv', () => {
  let t: TestDb;
  let b: SmallBloc;
  beforeAll(async () => {
    t = await createTestDb();
    b = await createSmallBloc(t.db, { units: 3, year: 2026 });
    await fileReport(t.db, b, 0, '2026-W02', '2026-01-11T03:00:00Z', [2, 3], '=1+1 kết quả, "nổi bật"');
    await fileReport(t.db, b, 1, '2026-W02', '2026-01-14T03:00:00Z', null);
    await fileReport(t.db, b, 2, '2026-W20', '2026-05-17T03:00:00Z', [5, 5]);
    await endMembership(t.db, b.blocId, b.unitIds[2]!, '2026-03-31');
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes UTF-8 with a BOM, CRLF lines, every report with its status and figures', async () => {
    const bloc = (await getBloc(t.db, b.blocId))!;
    const s = await computeBlocSummary(t.db, b.blocId, {
      kind: 'annual',
      year: 2026,
      asOf: new Date('2027-02-01T00:00:00Z'),
      timeZone: TZ,
    });
    const csv = reportsCsv(s, await reportsOfYear(t.db, bloc, 2026, TZ), TZ);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'Kỳ báo cáo,Từ ngày,Đến ngày,Đơn vị,Loại báo cáo,Thời hạn,Tính vào tổng hợp,Gửi lần đầu lúc,Cập nhật lúc,Lần sửa,Kênh gửi,' +
        '1. Gương điển hình tiên tiến (gương),"2. Mô hình, sáng kiến (mô hình)",Kết quả nổi bật,"Khó khăn, vướng mắc","Đề xuất, kiến nghị"',
    );
    expect(lines.slice(1, -1)).toEqual([
      `2026-W02,05/01/2026,11/01/2026,Đơn vị 1,Có số liệu,Đúng hạn,Có,10:00 11/01/2026,10:00 11/01/2026,1,Quản trị viên,2,3,"'=1+1 kết quả, ""nổi bật""",,`,
      '2026-W02,05/01/2026,11/01/2026,Đơn vị 2,Không phát sinh,Muộn,Có,10:00 14/01/2026,10:00 14/01/2026,1,Quản trị viên,0,0,,,',
      '2026-W20,11/05/2026,17/05/2026,Đơn vị 3,Có số liệu,Đúng hạn,Không (ngoài thời gian là thành viên),10:00 17/05/2026,10:00 17/05/2026,1,Quản trị viên,5,5,,,',
    ]);
  });
});

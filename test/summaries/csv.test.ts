import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBloc } from '../../src/db/blocs.js';
import { reportsOfYear } from '../../src/db/figures.js';
import { endMembership } from '../../src/db/units.js';
import { computeBlocSummary } from '../../src/summaries/bloc-summary.js';
import { csvField, reportsCsv } from '../../src/summaries/csv/reports-csv.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from './helpers.js';
import { looksLikeFormula, readAsSpreadsheet } from './spreadsheet-csv.js';

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
    expect(csvField('\t=1+1')).toBe(`"'\t'=1+1"`);
    expect(csvField('＝1+1')).toBe(`'＝1+1`);
    expect(csvField('＠SUM(A1)')).toBe(`'＠SUM(A1)`);
    expect(csvField(' =1+1')).toBe(`' =1+1`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField('Tổng = 5')).toBe('Tổng = 5');
  });

  it('quotes a semicolon and a tab too, since Vietnamese Excel splits on the semicolon', () => {
    expect(csvField('Khó khăn; đề xuất')).toBe('"Khó khăn; đề xuất"');
    expect(csvField('cột\tkhác')).toBe('"cột\tkhác"');
  });

  it('defuses a formula after any separator or line break a spreadsheet could split the cell on', () => {
    expect(csvField("ghi chú;=1+cmd|' /C calc'!A0")).toBe(`"ghi chú;'=1+cmd|' /C calc'!A0"`);
    expect(csvField('tăng 5, -2 so với kỳ trước')).toBe(`"tăng 5,' -2 so với kỳ trước"`);
    expect(csvField('dòng 1\n@SUM(A1)')).toBe(`"dòng 1\n'@SUM(A1)"`);
    expect(csvField('a;"=1"')).toBe(`"a;'""=1"""`);
    expect(csvField('a,\t+1')).toBe(`"a,\t'+1"`);
  });
});

/** Texts a focal point or an admin could type, each trying another way to start a formula. */
const HOSTILE = {
  notable: "ghi chú;=1+cmd|' /C calc'!A0",
  difficulties: 'thiếu kinh phí, -2 so với kỳ trước;"=HYPERLINK(""http://x"")"',
  proposals: 'dòng 1\r\n@SUM(A1:A9)\n＝1+1;\t+84 912',
  unit: '-Đơn vị; =2+2',
  criterion: '=1+1;@x, ＋y',
};

describe('reportsCsv against formula injection', () => {
  let t: TestDb;
  let b: SmallBloc;
  let csv: string;
  beforeAll(async () => {
    t = await createTestDb();
    b = await createSmallBloc(t.db, { units: 2, year: 2026 });
    await fileReport(t.db, b, 0, '2026-W02', '2026-01-11T03:00:00Z', [2, 3], HOSTILE.notable);
    await t.db
      .updateTable('progress_report')
      .set({ difficulties: HOSTILE.difficulties, proposals: HOSTILE.proposals })
      .execute();
    await t.db.updateTable('unit').set({ name: HOSTILE.unit }).where('id', '=', b.unitIds[0]!).execute();
    await t.db
      .updateTable('covenant_criterion')
      .set({ title: HOSTILE.criterion })
      .where('id', '=', b.criterionIds[0]!)
      .execute();
    const bloc = (await getBloc(t.db, b.blocId))!;
    const s = await computeBlocSummary(t.db, b.blocId, {
      kind: 'annual',
      year: 2026,
      asOf: new Date('2027-02-01T00:00:00Z'),
      timeZone: TZ,
    });
    csv = reportsCsv(s, await reportsOfYear(t.db, bloc, 2026, TZ), TZ).slice(1);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([',', ';'] as const)('has no cell a spreadsheet splitting on "%s" would run as a formula', (separator) => {
    const cells = readAsSpreadsheet(csv, separator).flat();
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.filter(looksLikeFormula)).toEqual([]);
  });

  it('still reads back, split on commas, as one row per report with every text whole', () => {
    const rows = readAsSpreadsheet(csv, ',');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(rows[0]!.length);
    expect(rows[0]![11]).toBe("1. =1+1;'@x,' ＋y (gương)");
    expect(rows[1]![3]).toBe("'-Đơn vị;' =2+2");
    expect(rows[1]!.slice(-3)).toEqual([
      "ghi chú;'=1+cmd|' /C calc'!A0",
      `thiếu kinh phí,' -2 so với kỳ trước;'"=HYPERLINK(""http://x"")"`,
      "dòng 1\r\n'@SUM(A1:A9)\n'＝1+1;\t'+84 912",
    ]);
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

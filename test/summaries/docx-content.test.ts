import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlocSummary } from '../../src/summaries/bloc-summary.js';
import { computeBlocSummary } from '../../src/summaries/bloc-summary.js';
import { blocCode } from '../../src/summaries/docx/frame.js';
import { summaryReportDocx } from '../../src/summaries/docx/summary-report.js';
import { documentDateLine } from '../../src/summaries/messages.js';
import { recordAssessment, recordScoreAdjustment } from '../../src/summaries/score-entries.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';
import { fileReport, TZ } from './helpers.js';

let t: TestDb;
let b: SmallBloc;
let dir: string;
const asOf = new Date('2027-01-10T03:00:00Z');

/** The text of the document's paragraphs, one per line, read from word/document.xml. */
function docxText(file: Buffer): string {
  const path = join(dir, `doc-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(path, file);
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

beforeAll(async () => {
  t = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'ktd-docx-'));
  b = await createSmallBloc(t.db, { units: 3, year: 2026 });
  await fileReport(t.db, b, 0, '2026-W10', '2026-03-08T03:00:00Z', [10, 20]);
  await fileReport(t.db, b, 1, '2026-W10', '2026-03-10T03:00:00Z', [10, 20]); // late: ties with unit 1, ranked after it
  const admin = { name: 'quantri' };
  await recordScoreAdjustment(
    t.db,
    { blocId: b.blocId, unitId: b.unitIds[2]!, year: 2026, kind: 'bonus', points: '2', reason: 'Đăng cai hội thi' },
    admin,
    asOf,
  );
  await recordAssessment(
    t.db,
    { blocId: b.blocId, unitId: b.unitIds[2]!, year: 2026, criterionCode: '3', met: 'không đạt' },
    admin,
    asOf,
  );
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the report document', () => {
  let annual: BlocSummary;
  beforeAll(async () => {
    annual = await computeBlocSummary(t.db, b.blocId, { kind: 'annual', year: 2026, asOf, timeZone: TZ });
  });

  it('prints the tie-break, the qualitative default, the entries and the proposal', async () => {
    const text = docxText(await summaryReportDocx(annual, { date: '2027-01-05' }));
    expect(text).toContain('KHỐI THI ĐUA THỬ NGHIỆM\nĐơn vị 1');
    expect(text).toContain('Sóc Trăng, ngày 05 tháng 01 năm 2027');
    expect(text).toContain('(*) Đơn vị 2: bằng điểm, xếp sau theo tỷ lệ báo cáo đúng hạn.');
    expect(text).toContain('Chỉ tiêu định tính chưa được Khối đánh giá được tính là đạt.');
    expect(text).toContain('- Đơn vị 3: không đạt chỉ tiêu 3.');
    expect(text).toContain('- Đơn vị 3: +2 điểm (Đăng cai hội thi).');
    expect(text).toContain('đơn vị dẫn đầu Khối: Đơn vị 1 (100 điểm).');
    expect(text).toContain('Bằng khen cho: Đơn vị 2; Đơn vị 3.');
    expect(text).toContain('TM. KHỐI THI ĐUA THỬ NGHIỆM\nKHỐI TRƯỞNG');
  });

  it('has no proposal section in the mid-year review', async () => {
    const midYear = await computeBlocSummary(t.db, b.blocId, { kind: 'mid_year', year: 2026, asOf, timeZone: TZ });
    const text = docxText(await summaryReportDocx(midYear, { date: '2026-07-06' }));
    expect(text).toContain('Sơ kết công tác thi đua 6 tháng đầu năm 2026');
    expect(text).toContain('III. TỰ CHẤM ĐIỂM VÀ XẾP HẠNG');
    expect(text).not.toContain('IV. ĐỀ NGHỊ KHEN THƯỞNG');
  });

  it('writes the number and the date line the administrative way', () => {
    expect(blocCode('Khối thi đua số 6')).toBe('KTĐ6');
    expect(blocCode('Khối thi đua các cơ quan Đảng')).toBe('KTĐ');
    expect(documentDateLine('Sóc Trăng', '2026-11-24')).toBe('Sóc Trăng, ngày 24 tháng 11 năm 2026');
    expect(documentDateLine('Sóc Trăng', '2027-02-05')).toBe('Sóc Trăng, ngày 05 tháng 02 năm 2027');
    expect(documentDateLine('Sóc Trăng', '2027-03-09')).toBe('Sóc Trăng, ngày 09 tháng 3 năm 2027');
  });
});

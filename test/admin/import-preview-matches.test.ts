// Issue 14, item 7: the roster import's preview shows exactly what its confirmation does. Each bad
// case is shown on its row in the preview, the confirm button matches, and the confirmation then
// writes what the preview showed (or, when it refuses, nothing at all).

import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { rosterSnapshot } from '../../src/admin/roster-import/apply.js';
import { planFingerprint } from '../../src/admin/roster-import/plan-fingerprint.js';
import { planRosterImport } from '../../src/core/roster-import.js';
import type { Db } from '../../src/db/connection.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, signIn } from './helpers.js';

const HEADER = 'Đơn vị,Tên viết tắt,Ngày tham gia,Cán bộ đầu mối,Chức vụ,Số điện thoại,Vai trò\r\n';

function upload(c: Client, name: string, content: string | Uint8Array, type = 'text/csv') {
  const form = new FormData();
  form.set('file', new File([content], name, { type }));
  return c.postMultipart('/blocs/1/import/preview', form);
}

function hidden(html: string, name: string): string {
  const v = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!;
  return v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The preview's table row of a file line, as HTML. */
function rowOf(html: string, line: number): string {
  const m = new RegExp(`<tr(?: class="row-error")?><td class="num">${line}</td>(.*?)</tr>`).exec(html);
  if (!m) throw new Error(`no row for line ${line}`);
  return m[1]!;
}

function confirmButton(html: string): string | null {
  return /<button type="submit">(Xác nhận nhập \d+ dòng hợp lệ)<\/button>/.exec(html)?.[1] ?? null;
}

function confirmFrom(c: Client, html: string) {
  return c.post('/blocs/1/import/confirm', {
    rows: hidden(html, 'rows'),
    fileName: hidden(html, 'fileName'),
    expected: hidden(html, 'expected'),
  });
}

const TABLES = ['unit', 'bloc_membership', 'focal_point', 'invite', 'personal_link', 'audit_log'] as const;

/** A digest of every table an import writes, to show a refusal changed nothing. */
async function rosterTables(db: Db): Promise<string> {
  const h = createHash('sha256');
  for (const table of TABLES)
    h.update(JSON.stringify((await sql`select * from ${sql.table(table)} order by rowid`.execute(db)).rows));
  return h.digest('hex');
}

async function peopleOf(db: Db, unitName: string) {
  return db
    .selectFrom('focal_point')
    .innerJoin('unit', 'unit.id', 'focal_point.unit_id')
    .select(['focal_point.full_name', 'focal_point.position', 'focal_point.role'])
    .where('unit.name', '=', unitName)
    .orderBy('focal_point.id')
    .execute();
}

describe('roster import: the preview is what the confirmation does', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup(now?: Date) {
    a = await createAdminTest(now ? { now } : {});
    await createSmallBloc(a.db, { units: 2 });
    return signIn(a, 'bloc_admin', 1);
  }

  it('shows an over-long cell as an error on its row, and the confirmation imports the other rows', async () => {
    const c = await setup();
    const longPosition = 'Chuyên viên Văn phòng '.repeat(70).trim(); // about 1,500 characters
    const longUnit = 'Hội '.repeat(80).trim();
    const csv =
      HEADER +
      'Tỉnh đoàn,,01/02/2026,Lê Minh Khang,Chánh Văn phòng,,\r\n' +
      `Tỉnh đoàn,,,Trần Thị B,${longPosition},,\r\n` +
      `${longUnit},,,,,,\r\n` +
      'Tỉnh đoàn,,,Phạm Văn C,,,\r\n';
    const html = await (await upload(c, 'ds.csv', csv)).text();
    expect(html).toContain('2 dòng hợp lệ, 2 dòng có lỗi (sẽ bị bỏ qua).');
    expect(rowOf(html, 3)).toContain('Chức vụ dài quá 120 ký tự.');
    expect(rowOf(html, 4)).toContain('Tên đơn vị dài quá 200 ký tự.');
    expect(confirmButton(html)).toBe('Xác nhận nhập 2 dòng hợp lệ');

    const res = await confirmFrom(c, html);
    expect(res.status).toBe(303);
    expect(await peopleOf(a.db, 'Tỉnh đoàn')).toEqual([
      { full_name: 'Lê Minh Khang', position: 'Chánh Văn phòng', role: 'focal_point' },
      { full_name: 'Phạm Văn C', position: null, role: 'focal_point' },
    ]);
    const audit = await a.db.selectFrom('audit_log').select('details').where('action', '=', 'roster.import').execute();
    expect(audit.map((r) => JSON.parse(r.details!).skippedLines)).toEqual([[3, 4]]);
  });

  it('confirms a full .xlsx of 500 rows of over-long cells, within the request limit', async () => {
    const c = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Đơn vị', 'Tên viết tắt', 'Ngày tham gia', 'Cán bộ đầu mối', 'Chức vụ', 'Số điện thoại', 'Vai trò']);
    ws.addRow(['Tỉnh đoàn', 'Tỉnh đoàn', '01/02/2026', 'Lê Minh Khang', 'Chánh Văn phòng', '0912 345 678', 'đầu mối']);
    // Quotes and backslashes double when carried as JSON, Vietnamese letters triple when encoded.
    const long = 'Đ"\\ữ'.repeat(260); // over 1,000 characters, the old carried-cell limit
    for (let i = 0; i < 499; i++) ws.addRow([`Đơn vị ${long}`, long, long, long, long, long, long]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const html = await (
      await upload(c, 'ds.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    ).text();
    expect(html).toContain('1 dòng hợp lệ, 499 dòng có lỗi (sẽ bị bỏ qua).');
    expect(rowOf(html, 500)).toContain('Tên đơn vị dài quá 200 ký tự.');
    expect(confirmButton(html)).toBe('Xác nhận nhập 1 dòng hợp lệ');
    const res = await confirmFrom(c, html);
    expect(res.status).toBe(303);
    expect(await peopleOf(a.db, 'Tỉnh đoàn')).toEqual([
      { full_name: 'Lê Minh Khang', position: 'Chánh Văn phòng', role: 'focal_point' },
    ]);
  });

  it('confirms a row far down the file, as the preview showed it', async () => {
    const c = await setup();
    const csv = `${HEADER}Tỉnh đoàn,,,Lê Minh Khang,,,\r\n${',,,,,,\r\n'.repeat(100_050)}Tỉnh đoàn,,,Trần Thị B,,,\r\n`;
    const html = await (await upload(c, 'ds.csv', csv)).text();
    expect(rowOf(html, 100_053)).toContain('Trần Thị B');
    expect(confirmButton(html)).toBe('Xác nhận nhập 2 dòng hợp lệ');
    expect((await confirmFrom(c, html)).status).toBe(303);
    expect((await peopleOf(a.db, 'Tỉnh đoàn')).map((p) => p.full_name)).toEqual(['Lê Minh Khang', 'Trần Thị B']);
  });

  it('shows a date that does not exist as typed, with an error, never as today', async () => {
    const c = await setup();
    const csv =
      HEADER +
      'Tỉnh đoàn,,32/13/2024,Lê Minh Khang,,,\r\n' +
      'Hội Chữ thập đỏ tỉnh,,29/02/2023,,,,\r\n' +
      'Hội Luật gia tỉnh,,29/02/2024,,,,\r\n';
    const before = await rosterTables(a.db);
    const html = await (await upload(c, 'ds.csv', csv)).text();
    const today = '25/11/2026';
    expect(rowOf(html, 2)).toContain('<td class="hide-phone">32/13/2024</td>');
    expect(rowOf(html, 2)).toContain(
      'Ngày tham gia “32/13/2024” không phải một ngày có thật; xin vui lòng ghi theo dạng dd/mm/yyyy, ví dụ 13/03/2024.',
    );
    expect(rowOf(html, 3)).toContain('<td class="hide-phone">29/02/2023</td>');
    expect(rowOf(html, 3)).toContain('Ngày tham gia “29/02/2023” không phải một ngày có thật');
    expect(rowOf(html, 2) + rowOf(html, 3)).not.toContain(today);
    expect(rowOf(html, 4)).toContain('<td class="hide-phone">29/02/2024</td>');
    expect(confirmButton(html)).toBe('Xác nhận nhập 1 dòng hợp lệ');
    expect(await rosterTables(a.db)).toBe(before);

    expect((await confirmFrom(c, html)).status).toBe(303);
    const joined = await a.db
      .selectFrom('bloc_membership')
      .innerJoin('unit', 'unit.id', 'bloc_membership.unit_id')
      .select(['unit.name', 'bloc_membership.joined_on'])
      .where('unit.name', 'in', ['Tỉnh đoàn', 'Hội Chữ thập đỏ tỉnh', 'Hội Luật gia tỉnh'])
      .execute();
    expect(joined).toEqual([{ name: 'Hội Luật gia tỉnh', joined_on: '2024-02-29' }]);
  });

  it('refuses an unknown role with the accepted words, and shows the role each new person gets', async () => {
    const c = await setup();
    const csv =
      HEADER +
      'Tỉnh đoàn,,,Lê Minh Khang,,,lãnh đạo\r\n' +
      'Tỉnh đoàn,,,Trần Thị B,,,Thủ trưởng đơn vị\r\n' +
      'Tỉnh đoàn,,,Phạm Văn C,,,\r\n' +
      'Tỉnh đoàn,,,,,,thủ trưởng\r\n';
    const html = await (await upload(c, 'ds.csv', csv)).text();
    expect(rowOf(html, 2)).toContain(
      'Vai trò “lãnh đạo” không được nhận; chỉ nhận: “đầu mối”, “cán bộ đầu mối”, “thủ trưởng”, “thủ trưởng đơn vị”.',
    );
    expect(rowOf(html, 3)).toContain('<td>Trần Thị B</td><td>Thủ trưởng</td>');
    expect(rowOf(html, 4)).toContain('<td>Phạm Văn C</td><td>Đầu mối</td>');
    expect(rowOf(html, 5)).toContain(
      'Có chức vụ, số điện thoại, thư điện tử hoặc vai trò nhưng thiếu họ và tên cán bộ.',
    );
    expect(confirmButton(html)).toBe('Xác nhận nhập 2 dòng hợp lệ');

    expect((await confirmFrom(c, html)).status).toBe(303);
    expect(await peopleOf(a.db, 'Tỉnh đoàn')).toEqual([
      { full_name: 'Trần Thị B', position: null, role: 'unit_head' },
      { full_name: 'Phạm Văn C', position: null, role: 'focal_point' },
    ]);
  });

  it('offers no confirmation when no row is valid, and a confirmation posted anyway changes nothing', async () => {
    const c = await setup();
    const csv = `${HEADER}Tỉnh đoàn,,32/13/2024,,,,\r\nHội Luật gia tỉnh,,,Nguyễn A,,,lãnh đạo\r\n`;
    const html = await (await upload(c, 'ds.csv', csv)).text();
    expect(html).toContain('Không có dòng hợp lệ nào để nhập.');
    expect(confirmButton(html)).toBeNull();
    const before = await rosterTables(a.db);
    const rows = [
      { line: 2, cells: { unitName: 'Tỉnh đoàn', joinedOn: '32/13/2024' } },
      { line: 3, cells: { unitName: 'Hội Luật gia tỉnh', fullName: 'Nguyễn A', role: 'lãnh đạo' } },
    ];
    // Posted with the digest of the very plan the preview showed, so only "nothing to import" can refuse it.
    const plan = planRosterImport(rows, await rosterSnapshot(a.db, 1, '2026-11-25'));
    expect(plan.map((r) => r.errors)).toEqual([['bad_date'], ['bad_role']]);
    const res = await c.post('/blocs/1/import/confirm', {
      rows: JSON.stringify(rows),
      fileName: 'ds.csv',
      expected: planFingerprint(plan),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Không có dòng hợp lệ nào để nhập.');
    expect(await rosterTables(a.db)).toBe(before);
  });

  it('writes the join date the preview showed: past midnight, it shows the new preview instead', async () => {
    // 23:59 on 25/11/2026 in Hồ Chí Minh City; the confirmation comes two minutes later.
    const c = await setup(new Date('2026-11-25T16:59:00Z'));
    const html = await (await upload(c, 'ds.csv', `${HEADER}Tỉnh đoàn,,,Lê Minh Khang,,,\r\n`)).text();
    expect(rowOf(html, 2)).toContain('<td class="hide-phone">25/11/2026</td>');
    a.clock.now = new Date('2026-11-25T17:01:00Z');
    const before = await rosterTables(a.db);
    const res = await confirmFrom(c, html);
    expect(res.status).toBe(409);
    const again = await res.text();
    expect(again).toContain(
      'Danh sách của Khối hoặc ngày hôm nay đã thay đổi kể từ khi xem trước, nên chưa có gì được lưu.',
    );
    expect(rowOf(again, 2)).toContain('<td class="hide-phone">26/11/2026</td>');
    expect(await rosterTables(a.db)).toBe(before);

    expect((await confirmFrom(c, again)).status).toBe(303);
    const joined = await a.db
      .selectFrom('bloc_membership')
      .innerJoin('unit', 'unit.id', 'bloc_membership.unit_id')
      .select('bloc_membership.joined_on')
      .where('unit.name', '=', 'Tỉnh đoàn')
      .execute();
    expect(joined).toEqual([{ joined_on: '2026-11-26' }]);
  });

  it('names the columns it does not take, so a phone typed under another header is not lost unseen', async () => {
    const c = await setup();
    // ("Email" was the second example until the import took e-mail addresses: a note column stands in.)
    const csv =
      'Đơn vị,Cán bộ đầu mối,Điện thoại di động,Ghi chú,\r\nTỉnh đoàn,Lê Minh Khang,0912 345 678,trưởng ban,\r\n';
    const html = await (await upload(c, 'ds.csv', csv)).text();
    expect(html).toContain('Các cột sau không thuộc mẫu nên không được nhập: “Điện thoại di động”, “Ghi chú”.');
  });

  it('shows no join date for a unit already in the bloc: its membership is left as it is', async () => {
    const c = await setup();
    const html = await (await upload(c, 'ds.csv', `${HEADER}Đơn vị 1,,01/01/2020,Nguyễn Văn D,,,\r\n`)).text();
    expect(rowOf(html, 2)).toContain('<td class="hide-phone"></td>');
    expect(rowOf(html, 2)).toContain('Đã có');
    expect((await confirmFrom(c, html)).status).toBe(303);
    const joined = await a.db
      .selectFrom('bloc_membership')
      .innerJoin('unit', 'unit.id', 'bloc_membership.unit_id')
      .select('bloc_membership.joined_on')
      .where('unit.name', '=', 'Đơn vị 1')
      .execute();
    expect(joined).toEqual([{ joined_on: '2025-01-01' }]);
    expect((await peopleOf(a.db, 'Đơn vị 1')).map((p) => p.full_name)).toEqual(['Cán bộ 1', 'Nguyễn Văn D']);
  });
});

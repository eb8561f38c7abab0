import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, signIn } from './helpers.js';

const CSV =
  '\uFEFFĐơn vị,Tên viết tắt,Ngày tham gia,Cán bộ đầu mối,Chức vụ,Số điện thoại,Vai trò\r\n' +
  'Đơn vị 1,,,Cán bộ 1,,,\r\n' +
  'Tỉnh đoàn,Tỉnh đoàn,13/03/2024,Lê Minh Khang,Chánh Văn phòng,0912 345 678,đầu mối\r\n' +
  'Tỉnh đoàn,,,Trần Thị B,,,thủ trưởng\r\n' +
  'Hội Chữ thập đỏ tỉnh,Hội CTĐ,31/02/2024,Võ Thanh Tùng,,,\r\n';

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

describe('roster import', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  async function setup() {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 2 });
    return signIn(a, 'bloc_admin', 1);
  }

  it('previews a CSV with one bad row and writes nothing until confirmed', async () => {
    const c = await setup();
    const res = await upload(c, 'danh-sach.csv', CSV);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('3 dòng hợp lệ, 1 dòng có lỗi (sẽ bị bỏ qua).');
    expect(html).toContain('Sẽ thêm 1 đơn vị mới, ghi nhận 0 đơn vị tham gia lại và 2 cán bộ đầu mối mới.');
    expect(html).toContain(
      'Ngày tham gia “31/02/2024” không phải một ngày có thật; xin vui lòng ghi theo dạng dd/mm/yyyy, ví dụ 13/03/2024.',
    );
    expect(html).toContain('Đã có, giữ nguyên');
    expect(await a.db.selectFrom('unit').selectAll().execute()).toHaveLength(2);
    expect(await a.db.selectFrom('focal_point').selectAll().execute()).toHaveLength(2);

    const confirm = await c.post('/blocs/1/import/confirm', {
      rows: hidden(html, 'rows'),
      fileName: hidden(html, 'fileName'),
      expected: hidden(html, 'expected'),
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe('/blocs/1/units?ok=imported');
    const unit = await a.db.selectFrom('unit').selectAll().where('name', '=', 'Tỉnh đoàn').executeTakeFirstOrThrow();
    expect(unit.short_name).toBe('Tỉnh đoàn');
    expect(
      await a.db
        .selectFrom('bloc_membership')
        .select(['joined_on', 'display_order'])
        .where('unit_id', '=', unit.id)
        .execute(),
    ).toEqual([{ joined_on: '2024-03-13', display_order: 3 }]);
    const people = await a.db
      .selectFrom('focal_point')
      .select(['full_name', 'role'])
      .where('unit_id', '=', unit.id)
      .orderBy('id')
      .execute();
    expect(people).toEqual([
      { full_name: 'Lê Minh Khang', role: 'focal_point' },
      { full_name: 'Trần Thị B', role: 'unit_head' },
    ]);
    expect(await a.db.selectFrom('invite').selectAll().execute()).toHaveLength(2);
    expect(await a.db.selectFrom('unit').selectAll().where('name', '=', 'Hội Chữ thập đỏ tỉnh').execute()).toHaveLength(
      0,
    );
    const audit = await a.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'roster.import')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({
      fileName: 'danh-sach.csv',
      units: 1,
      focalPoints: 2,
      skippedLines: [5],
    });
  });

  it('reads an .xlsx file, dates typed as Excel dates included', async () => {
    const c = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['DANH SÁCH ĐƠN VỊ THÀNH VIÊN']);
    ws.addRow(['Đơn vị', 'Ngày tham gia', 'Họ và tên', 'Số điện thoại']);
    ws.addRow(['Liên đoàn Lao động tỉnh', new Date(Date.UTC(2024, 2, 13)), 'Phạm Thị Kim Ngân', 912345678]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const html = await (
      await upload(c, 'ds.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    ).text();
    expect(html).toContain('Tất cả 1 dòng đều hợp lệ.');
    expect(html).toContain('13/03/2024');
    expect(html).toContain('Phạm Thị Kim Ngân');
  });

  it('says why a file cannot be used', async () => {
    const c = await setup();
    const pdf = await upload(c, 'ds.pdf', '%PDF-1.4', 'application/pdf');
    expect(pdf.status).toBe(422);
    expect(await pdf.text()).toContain('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
    const noUnit = await upload(c, 'ds.csv', 'Họ và tên\nA\n');
    expect(await noUnit.text()).toContain('Không tìm thấy cột “Đơn vị”');
    const none = await c.postMultipart('/blocs/1/import/preview', new FormData());
    expect(await none.text()).toContain('Vui lòng chọn tệp .xlsx hoặc .csv.');
    const latin1 = await upload(c, 'ds.csv', new Uint8Array([0x44, 0x6f, 0x6e, 0x20, 0xe9, 0x0a]));
    expect(await latin1.text()).toContain('CSV UTF-8');
  });

  it('refuses a confirmation whose roster changed since the preview, and shows the new preview', async () => {
    const c = await setup();
    const html = await (await upload(c, 'ds.csv', CSV)).text();
    await c.post('/blocs/1/units', { name: 'Tỉnh đoàn', joinedOn: '01/01/2026' });
    const res = await c.post('/blocs/1/import/confirm', {
      rows: hidden(html, 'rows'),
      fileName: 'ds.csv',
      expected: hidden(html, 'expected'),
    });
    expect(res.status).toBe(409);
    const again = await res.text();
    expect(again).toContain(
      'Danh sách của Khối hoặc ngày hôm nay đã thay đổi kể từ khi xem trước, nên chưa có gì được lưu.',
    );
    expect(again).toContain('Sẽ thêm 0 đơn vị mới');
    expect(
      await a.db.selectFrom('focal_point').selectAll().where('full_name', '=', 'Lê Minh Khang').execute(),
    ).toHaveLength(0);
  });

  it('treats tampered preview data as unreadable and writes nothing', async () => {
    const c = await setup();
    const res = await c.post('/blocs/1/import/confirm', { rows: '[{"line":"x"}]', expected: '{}' });
    expect(res.status).toBe(422);
    // Altered rows are planned like a file: the admin sees them before anything is written.
    const script = await c.post('/blocs/1/import/confirm', {
      rows: JSON.stringify([{ line: 2, cells: { unitName: '<img src=x onerror=alert(1)>' } }]),
      expected: 'x',
    });
    expect(script.status).toBe(409);
    const shown = await script.text();
    expect(shown).not.toContain('<img src=x');
    expect(await a.db.selectFrom('unit').selectAll().execute()).toHaveLength(2);
    const confirmed = await c.post('/blocs/1/import/confirm', {
      rows: hidden(shown, 'rows'),
      expected: hidden(shown, 'expected'),
    });
    expect(confirmed.status).toBe(303);
    const page = await (await c.get('/blocs/1/units')).text();
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('offers a template file with the expected header', async () => {
    const c = await setup();
    const res = await c.get('/blocs/1/import/template.csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toMatch(/^Đơn vị,Tên viết tắt,Ngày tham gia,Cán bộ đầu mối/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { emailAddressOf, setEmailAddress } from '../../src/db/email-addresses.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, NOW, signIn } from './helpers.js';

// The roster import's "Thư điện tử" column: a new focal point's address is stored with them, and a
// focal point already on the roster gets a new or changed one (shown on the preview); a bad
// address, one already another person's or one twice in the file is a row error in Vietnamese,
// and such a row writes nothing.

function upload(c: Client, content: string) {
  const form = new FormData();
  form.set('file', new File([content], 'ds.csv', { type: 'text/csv' }));
  return c.postMultipart('/blocs/1/import/preview', form);
}

function hidden(html: string, name: string): string {
  return new RegExp(`name="${name}" value="([^"]*)"`)
    .exec(html)![1]!
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('roster import with e-mail addresses', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('stores good addresses and refuses bad, taken and repeated ones with a clear message', async () => {
    a = await createAdminTest({ channels: ['email'] });
    const bloc = await createSmallBloc(a.db, { units: 1 });
    await setEmailAddress(a.db, bloc.focalPointIds[0]!, 'canbo1@soctrang.gov.vn', NOW);
    const c = await signIn(a, 'bloc_admin', 1);
    const csv = [
      'Đơn vị,Cán bộ đầu mối,Thư điện tử',
      'Tỉnh đoàn,Lê Minh Khang,Khang.LM@TinhDoan.SocTrang.gov.vn',
      'Tỉnh đoàn,Trần Thị Hoa,hoa@',
      'Hội Nông dân tỉnh,Nguyễn Văn Tư,canbo1@soctrang.gov.vn',
      'Hội Nông dân tỉnh,Phạm Văn Năm,khang.lm@tinhdoan.soctrang.gov.vn',
      'Đơn vị 1,Cán bộ 1,canbo1@soctrang.gov.vn',
    ].join('\r\n');
    const html = await (await upload(c, csv)).text();
    expect(html).toContain('Địa chỉ thư điện tử “hoa@” không đúng dạng');
    expect(html).toContain('Địa chỉ thư điện tử này đang là của một cán bộ đầu mối khác.');
    expect(html).toContain('Địa chỉ thư điện tử này đã có ở dòng trước.');
    expect(html).toContain('2 dòng hợp lệ, 3 dòng có lỗi (sẽ bị bỏ qua).');
    expect(await a.db.selectFrom('focal_point').select('id').execute()).toHaveLength(1);

    const confirm = await c.post('/blocs/1/import/confirm', {
      rows: hidden(html, 'rows'),
      fileName: hidden(html, 'fileName'),
      expected: hidden(html, 'expected'),
    });
    expect(confirm.status).toBe(303);
    const people = await a.db.selectFrom('focal_point').select(['id', 'full_name']).orderBy('id').execute();
    expect(people.map((p) => p.full_name)).toEqual(['Cán bộ 1', 'Lê Minh Khang']);
    expect((await emailAddressOf(a.db, people[1]!.id))?.address).toBe('khang.lm@tinhdoan.soctrang.gov.vn');
    expect((await emailAddressOf(a.db, people[0]!.id))?.address).toBe('canbo1@soctrang.gov.vn');
  });

  it('gives a leaver’s address to the new focal point of the roster', async () => {
    a = await createAdminTest({ channels: ['email'] });
    const bloc = await createSmallBloc(a.db, { units: 1 });
    const leaver = bloc.focalPointIds[0]!;
    await setEmailAddress(a.db, leaver, 'vanphong@soctrang.gov.vn', NOW);
    // Left before leaving released the address: the import must not count it as held either.
    await a.db
      .updateTable('focal_point')
      .set({ status: 'left', left_at: NOW.toISOString() })
      .where('id', '=', leaver)
      .execute();
    const c = await signIn(a, 'bloc_admin', 1);
    const html = await (
      await upload(c, 'Đơn vị,Cán bộ đầu mối,Thư điện tử\r\nĐơn vị 1,Người kế nhiệm,vanphong@soctrang.gov.vn')
    ).text();
    expect(html).not.toContain('Địa chỉ thư điện tử này đang là của một cán bộ đầu mối khác.');
    expect(html).toContain('Tất cả 1 dòng đều hợp lệ.');
    const confirm = await c.post('/blocs/1/import/confirm', {
      rows: hidden(html, 'rows'),
      fileName: hidden(html, 'fileName'),
      expected: hidden(html, 'expected'),
    });
    expect(confirm.status).toBe(303);
    const successor = await a.db
      .selectFrom('focal_point')
      .select('id')
      .where('full_name', '=', 'Người kế nhiệm')
      .executeTakeFirstOrThrow();
    expect((await emailAddressOf(a.db, successor.id))?.address).toBe('vanphong@soctrang.gov.vn');
    expect(await emailAddressOf(a.db, leaver)).toBeUndefined();
  });

  it('gives focal points already on the roster their new or changed address, shown and audited', async () => {
    a = await createAdminTest({ channels: ['email'] });
    const bloc = await createSmallBloc(a.db, { units: 4 });
    const [p1, p2, p3, p4] = bloc.focalPointIds as [number, number, number, number];
    await setEmailAddress(a.db, p2, 'cu@soctrang.gov.vn', NOW);
    await setEmailAddress(a.db, p3, 'canbo3@soctrang.gov.vn', NOW);
    await setEmailAddress(a.db, p4, 'canbo4@soctrang.gov.vn', NOW);
    const c = await signIn(a, 'bloc_admin', 1);
    const csv = [
      'Đơn vị,Cán bộ đầu mối,Thư điện tử',
      'Đơn vị 1,Cán bộ 1,CanBo1@SocTrang.gov.vn',
      'Đơn vị 2,Cán bộ 2,moi@soctrang.gov.vn',
      'Đơn vị 3,Cán bộ 3,canbo3@soctrang.gov.vn',
      'Đơn vị 4,Cán bộ 4,canbo3@soctrang.gov.vn',
    ].join('\r\n');
    const html = await (await upload(c, csv)).text();
    expect(html).toContain('Đã có, thêm thư điện tử canbo1@soctrang.gov.vn');
    expect(html).toContain('Đã có, đổi thư điện tử cu@soctrang.gov.vn → moi@soctrang.gov.vn');
    expect(html).toContain('Sẽ ghi địa chỉ thư điện tử mới hoặc đã đổi cho 2 cán bộ đầu mối đã có.');
    expect(html).toContain('Địa chỉ thư điện tử này đang là của một cán bộ đầu mối khác.');
    expect(html).toContain('Xác nhận nhập 3 dòng hợp lệ');
    expect(await emailAddressOf(a.db, p1)).toBeUndefined();

    const confirm = await c.post('/blocs/1/import/confirm', {
      rows: hidden(html, 'rows'),
      fileName: hidden(html, 'fileName'),
      expected: hidden(html, 'expected'),
    });
    expect(confirm.status).toBe(303);
    expect((await emailAddressOf(a.db, p1))?.address).toBe('canbo1@soctrang.gov.vn');
    expect((await emailAddressOf(a.db, p2))?.address).toBe('moi@soctrang.gov.vn');
    expect((await emailAddressOf(a.db, p3))?.address).toBe('canbo3@soctrang.gov.vn');
    expect((await emailAddressOf(a.db, p4))?.address).toBe('canbo4@soctrang.gov.vn');
    expect(await a.db.selectFrom('focal_point').select('id').execute()).toHaveLength(4);
    const audit = await a.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'roster.import')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({
      emails: 2,
      emailsSet: [
        { focalPointId: p1, before: null, after: 'canbo1@soctrang.gov.vn' },
        { focalPointId: p2, before: 'cu@soctrang.gov.vn', after: 'moi@soctrang.gov.vn' },
      ],
      skippedLines: [5],
    });
  });
});

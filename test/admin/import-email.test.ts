import { afterEach, describe, expect, it } from 'vitest';
import { emailAddressOf, setEmailAddress } from '../../src/db/email-addresses.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, NOW, signIn } from './helpers.js';

// The roster import's "Thư điện tử" column: a new focal point's address is stored with them; a bad
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
});

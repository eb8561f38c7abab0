// Issue 14, item 4: the command line takes a bloc's id (--bloc), a focal point's (--id) and a
// unit's (--unit); the admin showed them only inside URLs.
import { afterEach, describe, expect, it } from 'vitest';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, signIn } from './helpers.js';

/** The page's text with tags and runs of whitespace collapsed, to read it as a person does. */
const textOf = async (res: Response) =>
  (await res.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('ids for the command line on the admin pages', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('the bloc list shows each bloc’s id in its own column, and the bloc’s info page shows it', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 1 });
    const six = await createSmallBloc(a.db, { name: 'Khối thi đua số 6', units: 2 });
    const c = await signIn(a, 'province_admin');
    const html = await (await c.get('/')).text();
    expect(html).toContain('<th class="num" title="Mã khối, dùng cho --bloc của dòng lệnh (npm run cli)">Mã</th>');
    expect(html).toMatch(
      new RegExp(`<td class="num">${six.blocId}</td><td><a href="/blocs/${six.blocId}">Khối thi đua số 6</a>`),
    );
    expect(await textOf(await c.get(`/blocs/${six.blocId}/edit`))).toContain(
      `Mã khối: ${six.blocId} (dùng cho --bloc của dòng lệnh npm run cli).`,
    );
  });

  it('the focal points page shows the bloc’s id, each unit’s id and each focal point’s id; their page too', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 1 });
    const bloc = await createSmallBloc(a.db, { name: 'Khối thi đua số 6', units: 2 });
    const c = await signIn(a, 'viewer', bloc.blocId);
    const res = await c.get(`/blocs/${bloc.blocId}/focal-points`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = await textOf(new Response(html));
    expect(text).toContain(
      `Mã khối: ${bloc.blocId}. Mã cán bộ (cột Mã) dùng cho --id, mã đơn vị cho --unit của dòng lệnh npm run cli.`,
    );
    expect(text).toContain(`Đơn vị 2 (mã đơn vị ${bloc.unitIds[1]})`);
    expect(html).toMatch(new RegExp(`<td class="num">${bloc.focalPointIds[1]}</td><td>Cán bộ 2 </td>`));
    const fpPage = await textOf(await c.get(`/blocs/${bloc.blocId}/focal-points/${bloc.focalPointIds[1]}`));
    expect(fpPage).toContain(
      `Mã cán bộ: ${bloc.focalPointIds[1]}, mã đơn vị: ${bloc.unitIds[1]} (dùng cho --id và --unit của dòng lệnh npm run cli).`,
    );
  });
});

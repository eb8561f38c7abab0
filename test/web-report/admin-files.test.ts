// Files sent through the web form open in the admin's report page from the database, with the
// same authorisation as Telegram files, and the revision list names each revision's channel.
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAttachments } from '../../src/db/reports.js';
import { createWebReportApp } from '../../src/web-report/app.js';
import { type AdminTest, createAdminTest, LINK_SECRET as ADMIN_LINK_SECRET, signIn } from '../admin/helpers.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { testLogger } from '../helpers/logger.js';
import { issuePersonalLink } from '../../src/db/personal-links.js';
import { file, FormClient, PDF_BYTES, PNG_1PX, TZ } from './helpers.js';

let a: AdminTest;
let blocId: number;
let otherBlocId: number;
let reportId: number;
beforeEach(async () => {
  // The admin's test clock (Wednesday of week 48) drives the form too.
  a = await createAdminTest();
  const bloc = await createSmallBloc(a.db, { units: 2 });
  const other = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
  blocId = bloc.blocId;
  otherBlocId = other.blocId;
  const web = new Hono().route(
    '/r',
    createWebReportApp({
      db: a.db,
      now: () => a.clock.now,
      timeZone: TZ,
      linkSecret: ADMIN_LINK_SECRET,
      logger: testLogger(),
    }),
  );
  const { token } = await issuePersonalLink(a.db, {
    focalPointId: bloc.focalPointIds[0]!,
    secret: ADMIN_LINK_SECRET,
    by: 'test',
    now: a.clock.now,
  });
  const me = new FormClient(web, token);
  await me.open();
  const [c1, c2] = bloc.criterionIds;
  const sent = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '2' }, [
    file(PNG_1PX, 'ảnh "lễ".png'),
    file(PDF_BYTES, 'Kế hoạch.pdf'),
    // An iPhone photo the browser claims is a web page: kept for its content, served as a download.
    file(HEIC_BYTES, 'Ảnh iPhone.heic', 'text/html'),
  ]);
  expect(sent.res.status).toBe(303);
  reportId = (await a.db.selectFrom('progress_report').select('id').executeTakeFirstOrThrow()).id;
});
afterEach(() => a.close());

/** The start of a HEIC file (an ISO media 'ftyp' box of brand heic): what file-type reads. */
const HEIC_BYTES = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mif1heic'),
  Buffer.alloc(64),
]);

describe('web-uploaded files in the admin', () => {
  it('open from the database without a bot: a photo and a PDF inline, a HEIC photo as a download, all nosniff', async () => {
    const admin = await signIn(a, 'bloc_admin', blocId);
    const [photo, pdf, heic] = await listAttachments(a.db, reportId);
    const page = await (await admin.get(`/blocs/${blocId}/reports/${reportId}`)).text();
    expect(page).toContain(`src="/blocs/${blocId}/reports/${reportId}/attachments/${photo!.id}"`);
    expect(page).toContain('Kế hoạch.pdf');
    expect(page).toContain('gửi qua web');
    expect(page).toContain('Đường dẫn web'); // the channel of the report and of its revision
    expect(page).not.toContain('chưa đặt TELEGRAM_BOT_TOKEN');

    const img = await admin.get(`/blocs/${blocId}/reports/${reportId}/attachments/${photo!.id}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    expect(img.headers.get('content-disposition')).toBe(
      `inline; filename="anh le.png"; filename*=UTF-8''${encodeURIComponent('ảnh lễ.png')}`,
    ); // quotes dropped on upload
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG_1PX)).toBe(true);

    const doc = await admin.get(`/blocs/${blocId}/reports/${reportId}/attachments/${pdf!.id}`);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('content-disposition')).toBe(
      `inline; filename="Ke hoach.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch.pdf')}`,
    );
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await doc.arrayBuffer()).equals(PDF_BYTES)).toBe(true);

    // Most browsers cannot draw HEIC: a download under its name, never the type the browser claimed.
    expect(heic!.mimeType).toBe('image/heic');
    const iphone = await admin.get(`/blocs/${blocId}/reports/${reportId}/attachments/${heic!.id}`);
    expect(iphone.headers.get('content-type')).toBe('application/octet-stream');
    expect(iphone.headers.get('content-disposition')).toBe(
      `attachment; filename="Anh iPhone.heic"; filename*=UTF-8''${encodeURIComponent('Ảnh iPhone.heic')}`,
    );
    expect(iphone.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await iphone.arrayBuffer()).equals(HEIC_BYTES)).toBe(true);
  });

  it("another bloc's admin gets the same 404 as for any unknown file", async () => {
    const stranger = await signIn(a, 'bloc_admin', otherBlocId);
    const [photo] = await listAttachments(a.db, reportId);
    expect((await stranger.get(`/blocs/${blocId}/reports/${reportId}/attachments/${photo!.id}`)).status).toBe(404);
    expect((await stranger.get(`/blocs/${otherBlocId}/reports/${reportId}/attachments/${photo!.id}`)).status).toBe(404);
  });
});

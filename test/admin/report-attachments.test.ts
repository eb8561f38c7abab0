// A report's photos and documents, streamed from Telegram through the admin: the real reader of
// src/bot/telegram/telegram-files.ts against the Bot API emulator.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramReportFiles } from '../helpers/report-files.js';
import type { Db } from '../../src/db/connection.js';
import { submitReport } from '../../src/db/reports.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

const PERIOD = { kind: 'week' as const, key: '2026-W47', start: '2026-11-16', end: '2026-11-22' };
const PDF_NAME = 'Báo cáo "quý" IV – Hội Nông dân.pdf';
const MB = 1024 * 1024;

type Attachment = NonNullable<Parameters<typeof submitReport>[1]['attachments']>[number];

/** What a hostile or careless sender's file holds, whatever type it declares. */
const HTML_BYTES = '<html><body><script>alert(document.cookie)</script></body></html>';
/** Declared types and how each must be served: only JPEG, PNG, GIF, WebP and PDF open in the browser. */
const UNUSUAL: { declared: string | null; name: string; served: string; disposition: 'inline' | 'attachment' }[] = [
  { declared: 'text/html', name: 'trang.html', served: 'application/octet-stream', disposition: 'attachment' },
  {
    declared: 'application/xhtml+xml',
    name: 'trang.xhtml',
    served: 'application/octet-stream',
    disposition: 'attachment',
  },
  { declared: 'image/svg+xml', name: 'bieu-do.svg', served: 'application/octet-stream', disposition: 'attachment' },
  { declared: 'text/plain', name: 'ghi-chu.txt', served: 'application/octet-stream', disposition: 'attachment' },
  { declared: 'image/x-icon', name: 'bieu-tuong.ico', served: 'application/octet-stream', disposition: 'attachment' },
  { declared: 'image/bmp', name: 'anh.bmp', served: 'application/octet-stream', disposition: 'attachment' },
  { declared: 'image/heic', name: 'IMG_0001.HEIC', served: 'application/octet-stream', disposition: 'attachment' },
  {
    declared: 'image/jpeg; charset=utf-8',
    name: 'anh.jpg',
    served: 'application/octet-stream',
    disposition: 'attachment',
  },
  {
    declared: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: 'Kế hoạch tháng 12.docx',
    served: 'application/octet-stream',
    disposition: 'attachment',
  },
  { declared: 'IMAGE/PNG', name: 'anh-chup.png', served: 'image/png', disposition: 'inline' },
  { declared: 'image/gif', name: 'dong.gif', served: 'image/gif', disposition: 'inline' },
  { declared: 'image/webp', name: 'anh.webp', served: 'image/webp', disposition: 'inline' },
];

async function report(
  db: Db,
  blocId: number,
  unitId: number,
  attachments: Attachment[],
): Promise<{ reportId: number; ids: number[] }> {
  const { reportId } = await db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId,
      unitId,
      period: PERIOD,
      isNil: true,
      values: [],
      notableResults: null,
      difficulties: null,
      proposals: null,
      attachments,
      submittedBy: { system: 'test' },
      via: 'telegram',
      at: NOW,
    }),
  );
  const rows = await db
    .selectFrom('report_attachment')
    .select('id')
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return { reportId, ids: rows.map((r) => r.id) };
}

describe('report photos and documents', () => {
  let a: AdminTest;
  let emu: BotEmulator | undefined;
  afterEach(async () => {
    await a?.close();
    await emu?.close();
    emu = undefined;
  });

  async function setup(opts: { files?: boolean } = {}) {
    emu = await BotEmulator.start();
    a = await createAdminTest({
      reportFiles: opts.files === false ? undefined : telegramReportFiles({ token: emu.token, apiRoot: emu.apiRoot }),
    });
    const one = await createSmallBloc(a.db, { units: 2 });
    const two = await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const photoBytes = randomBytes(50_000);
    const pdfBytes = Buffer.from('%PDF-1.4 báo cáo');
    const photo = emu.addFile({ bytes: photoBytes });
    const pdf = emu.addFile({ bytes: pdfBytes });
    const svg = emu.addFile({
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    const hugeUnknown = emu.addFile({ bytes: Buffer.from('x'), fileSize: 30 * MB });
    const mine = await report(a.db, one.blocId, one.unitIds[0]!, [
      {
        kind: 'photo',
        telegramFileId: photo.fileId,
        mimeType: 'image/jpeg',
        sizeBytes: photoBytes.length,
        caption: 'Lễ ra quân <tình nguyện>',
      },
      {
        kind: 'document',
        telegramFileId: pdf.fileId,
        fileName: PDF_NAME,
        mimeType: 'application/pdf',
        sizeBytes: 1_300_000,
      },
      { kind: 'document', telegramFileId: svg.fileId, fileName: 'logo.svg', mimeType: 'image/svg+xml', sizeBytes: 80 },
      {
        kind: 'document',
        telegramFileId: 'BIG-KNOWN',
        fileName: 'phim.mp4',
        mimeType: 'video/mp4',
        sizeBytes: 45 * MB,
      },
      {
        kind: 'document',
        telegramFileId: hugeUnknown.fileId,
        fileName: 'ban-scan.pdf',
        mimeType: 'application/pdf',
        sizeBytes: null,
      },
      { kind: 'photo', telegramFileId: 'DA-XOA-TREN-TELEGRAM', mimeType: 'image/jpeg', sizeBytes: 1000 },
      { kind: 'document', telegramFileId: null, fileName: 'khong-co-ma.docx', mimeType: null },
      // Types a sender declared (Telegram passes on what the sender's app said), from index 7.
      ...UNUSUAL.map((u) => ({
        kind: 'document' as const,
        telegramFileId: emu!.addFile({ bytes: Buffer.from(HTML_BYTES) }).fileId,
        fileName: u.name,
        mimeType: u.declared,
        sizeBytes: HTML_BYTES.length,
      })),
    ]);
    const foreignPhoto = emu.addFile({ bytes: Buffer.from('ảnh của khối khác') });
    const theirs = await report(a.db, two.blocId, two.unitIds[0]!, [
      { kind: 'photo', telegramFileId: foreignPhoto.fileId, mimeType: 'image/jpeg' },
    ]);
    return { mine, theirs, photoBytes, pdfBytes };
  }

  it('shows photos as thumbnails and documents as download links, and says which cannot be opened', async () => {
    const { mine } = await setup();
    const c = await signIn(a, 'viewer', 1);
    const html = await (await c.get(`/blocs/1/reports/${mine.reportId}`)).text();
    const url = (i: number) => `/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[i]}`;
    expect(html).toContain(
      `<img class="thumb" src="${url(0)}" alt="Ảnh minh chứng 1: Lễ ra quân &lt;tình nguyện&gt;" loading="lazy"`,
    );
    expect(html).toContain(
      `<a href="${url(1)}" download="${PDF_NAME.replace(/"/g, '&quot;')}">Báo cáo &quot;quý&quot; IV – Hội Nông dân.pdf</a>`,
    );
    expect(html).toContain('1,2 MB');
    expect(html).toContain(`<a href="${url(2)}" download="logo.svg">logo.svg</a>`);
    expect(html).not.toContain(`href="${url(3)}"`);
    expect(html).toContain('Tệp lớn hơn 20 MB: Telegram không cho phép bot tải tệp này về.');
    expect(html).toContain('Không còn mã tệp trên Telegram để tải về.');
    expect(html).not.toContain('chưa kết nối với bot Telegram');
    expect(emu!.callsOf('getFile')).toEqual([]);
  });

  it('streams a photo inline with its type, size and safe headers', async () => {
    const { mine, photoBytes } = await setup();
    const c = await signIn(a, 'viewer', 1);
    const res = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[0]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="anh-bao-cao-${mine.reportId}-${mine.ids[0]}.jpg"; filename*=UTF-8''anh-bao-cao-${mine.reportId}-${mine.ids[0]}.jpg`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-length')).toBe(String(photoBytes.length));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(photoBytes)).toBe(true);
    expect(emu!.violations).toEqual([]);
  });

  it('opens a PDF in the browser under its Vietnamese name (RFC 5987), and never an SVG', async () => {
    const { mine, pdfBytes } = await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[1]}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(
      /^inline; filename="Bao cao _quy_ IV _ Hoi Nong dan\.pdf"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(PDF_NAME);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdfBytes)).toBe(true);
    const svg = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[2]}`);
    expect(svg.headers.get('content-type')).toBe('application/octet-stream');
    expect(svg.headers.get('content-disposition')).toBe(`attachment; filename="logo.svg"; filename*=UTF-8''logo.svg`);
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
    await svg.arrayBuffer();
  });

  it('serves whatever type a sender declared inline only for JPEG, PNG, GIF, WebP and PDF, the rest as a download without its type', async () => {
    const { mine } = await setup();
    const c = await signIn(a, 'viewer', 1);
    for (const [i, u] of UNUSUAL.entries()) {
      const res = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[7 + i]}`);
      expect(res.status, u.name).toBe(200);
      expect(res.headers.get('content-type'), u.name).toBe(u.served);
      expect(res.headers.get('x-content-type-options'), u.name).toBe('nosniff');
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition.startsWith(`${u.disposition}; filename="`), `${u.name}: ${disposition}`).toBe(true);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!), u.name).toBe(u.name);
      expect(await res.text()).toBe(HTML_BYTES);
    }
  });

  it('explains that files over 20 MB stay on Telegram, whether or not their size was known', async () => {
    const { mine } = await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    const known = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[3]}`);
    expect(known.status).toBe(413);
    expect(await known.text()).toContain(
      'Tệp lớn hơn 20 MB: Telegram không cho phép bot tải tệp này về. Xin mở tệp trong Telegram.',
    );
    expect(emu!.callsOf('getFile')).toEqual([]);
    const unknown = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[4]}`);
    expect(unknown.status).toBe(413);
    expect(await unknown.text()).toContain('Tệp lớn hơn 20 MB');
    expect(emu!.downloads).toEqual([]);
  });

  it('says when Telegram no longer has a file', async () => {
    const { mine } = await setup();
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[5]}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Telegram không còn giữ tệp này');
  });

  it("answers 404 and reveals nothing for a forged id or another bloc's report", async () => {
    const { mine, theirs } = await setup();
    const province = await signIn(a, 'province_admin');
    const blocAdmin = await signIn(a, 'bloc_admin', 1);
    const paths = [
      `/blocs/1/reports/${theirs.reportId}/attachments/${theirs.ids[0]}`,
      `/blocs/1/reports/${mine.reportId}/attachments/${theirs.ids[0]}`,
      `/blocs/1/reports/${mine.reportId}/attachments/99999`,
      `/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[6]}`,
      `/blocs/1/reports/${mine.reportId}/attachments/abc`,
      `/blocs/2/reports/${theirs.reportId}/attachments/${mine.ids[0]}`,
    ];
    for (const c of [province, blocAdmin]) {
      for (const path of paths) {
        const res = await c.get(path);
        expect(res.status, path).toBe(404);
        const body = await res.text();
        expect(body).toContain('Không tìm thấy trang');
        expect(body).not.toContain('ảnh của khối khác');
        expect(body).not.toContain('Telegram không còn giữ');
      }
    }
    expect(emu!.callsOf('getFile')).toEqual([]);
    const other = await signIn(a, 'bloc_admin', 2);
    expect((await other.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[0]}`)).status).toBe(404);
    const anonymous = await a.app.request(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[0]}`);
    expect(anonymous.status).toBe(302);
    expect(emu!.downloads).toEqual([]);
  });

  it('without the bot, lists the files and says the bot is not connected', async () => {
    const { mine } = await setup({ files: false });
    const c = await signIn(a, 'viewer', 1);
    const html = await (await c.get(`/blocs/1/reports/${mine.reportId}`)).text();
    expect(html).toContain(
      'Hệ thống chưa kết nối với bot Telegram (chưa đặt TELEGRAM_BOT_TOKEN), nên chưa xem được ảnh và tài liệu tại đây.',
    );
    expect(html).not.toContain('class="thumb"');
    expect(html).not.toContain('/attachments/');
    expect(html).toContain('Báo cáo &quot;quý&quot; IV – Hội Nông dân.pdf');
    const res = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[0]}`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('chưa kết nối với bot Telegram');
  });

  it('says Telegram cannot be reached when it cannot', async () => {
    const { mine } = await setup();
    await emu!.close();
    const c = await signIn(a, 'viewer', 1);
    const res = await c.get(`/blocs/1/reports/${mine.reportId}/attachments/${mine.ids[0]}`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('Chưa tải được tệp từ Telegram. Xin vui lòng thử lại sau ít phút.');
    emu = undefined;
  });
});

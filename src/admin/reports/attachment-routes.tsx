import { Hono } from 'hono';
import { getAttachmentOfBloc } from '../../db/report-browser.js';
import { attachmentContent } from '../../db/web-uploads.js';
import { notFound } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { contentDisposition } from '../http/content-disposition.js';
import { messagePage } from '../http/errors.js';
import { reportsText as t } from '../messages.js';
import { fileNameOf, isTooBigToFetch, servingOf } from './attachment-file.js';

const idParam = (v: string | undefined): number => (v && /^\d{1,9}$/.test(v) ? Number(v) : 0);

/**
 * /blocs/:blocId/reports/:reportId/attachments/:attachmentId: the photo or document, from the
 * database (sent through the web form) or streamed from Telegram. The attachment is looked up within the report and the report within the bloc, so
 * a forged or foreign id is the same 404 as any unknown page.
 */
export function attachmentRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/:attachmentId', async (c) => {
    const { db, reportFiles, logger } = c.get('deps');
    const bloc = c.get('bloc');
    const reportId = idParam(c.req.param('reportId'));
    const attachmentId = idParam(c.req.param('attachmentId'));
    const attachment =
      reportId && attachmentId ? await getAttachmentOfBloc(db, bloc.id, reportId, attachmentId) : undefined;
    if (!attachment) notFound();
    const { contentType, disposition } = servingOf(attachment);
    const headers = new Headers({
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(disposition, fileNameOf(attachment)),
      'X-Content-Type-Options': 'nosniff',
    });
    // Sent through the personal web form: the bytes are in the database.
    const stored = await attachmentContent(db, attachment.id);
    if (stored) {
      headers.set('Content-Length', String(stored.length));
      return new Response(new Uint8Array(stored), { status: 200, headers });
    }
    if (!attachment.telegramFileId) notFound();
    if (!reportFiles) return messagePage(c, 503, t.fileTitle, t.filesBotNotConnected);
    if (isTooBigToFetch(attachment, reportFiles.maxBytes)) return messagePage(c, 413, t.fileTitle, t.fileTooBig);

    const file = await reportFiles.fetchFile(attachment.telegramFileId);
    if (!file.ok) {
      if (file.reason === 'too_big') return messagePage(c, 413, t.fileTitle, t.fileTooBig);
      if (file.reason === 'not_found') return messagePage(c, 404, t.fileTitle, t.fileNotFound);
      logger?.warn(
        { attachmentId: attachment.id, detail: file.detail },
        'could not fetch a report attachment from Telegram',
      );
      return messagePage(c, 502, t.fileTitle, t.fileUnavailable);
    }
    if (file.size !== null) headers.set('Content-Length', String(file.size));
    return new Response(file.body, { status: 200, headers });
  });

  return app;
}

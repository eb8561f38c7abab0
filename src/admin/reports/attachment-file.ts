// How a report's photo or document is served back: the type it is served under, its name, and
// whether the browser may show it in the page. The type a file carries was declared by whoever
// sent it (a Telegram document's sender, or our own sniffing for the web form): only a fixed list
// of raster images and PDF is shown inline under its own type; everything else, SVG and HTML
// included, is a download of application/octet-stream, so no declared type can make the admin's
// origin render a sender's markup (decision 0083).

import type { ReportAttachment } from '../../db/web-uploads.js';

const MIME_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** Images every browser draws, in the page as thumbnails and opened on their own. */
const PAGE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
/** Opened in the browser (`inline`) under their own type: those images and PDF (the browser's viewer). */
const INLINE_TYPES = new Set([...PAGE_IMAGES, 'application/pdf']);

/** Extensions for files stored without a name, by their declared type. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

type Attachment = Pick<
  ReportAttachment,
  'id' | 'reportId' | 'kind' | 'mimeType' | 'fileName' | 'sizeBytes' | 'telegramFileId'
>;

/** The stored type if it is a well-formed media type; Telegram photos are always JPEG. */
export function contentTypeOf(a: Attachment): string {
  const stored = a.mimeType?.trim().toLowerCase() ?? '';
  if (MIME_RE.test(stored)) return stored;
  return a.kind === 'photo' ? 'image/jpeg' : 'application/octet-stream';
}

/** How the file goes out: its own type and `inline` for the fixed list, else a typeless download. */
export function servingOf(a: Attachment): { contentType: string; disposition: 'inline' | 'attachment' } {
  const declared = contentTypeOf(a);
  return INLINE_TYPES.has(declared)
    ? { contentType: declared, disposition: 'inline' }
    : { contentType: 'application/octet-stream', disposition: 'attachment' };
}

/** Images every browser can draw as a thumbnail (HEIC from iPhones is offered as a download). */
export function isShownInPage(contentType: string): boolean {
  return PAGE_IMAGES.has(contentType);
}

/** The name the file is saved under: the document's own name, or one made for a photo. */
export function fileNameOf(a: Attachment): string {
  if (a.fileName) return a.fileName;
  const ext = EXTENSIONS[contentTypeOf(a)] ?? (a.kind === 'photo' ? 'jpg' : 'bin');
  return `${a.kind === 'photo' ? 'anh' : 'tai-lieu'}-bao-cao-${a.reportId}-${a.id}.${ext}`;
}

/** Whether the file's known size is over what the report file source can fetch (Telegram: 20 MB). */
export function isTooBigToFetch(a: Attachment, maxBytes: number): boolean {
  return a.sizeBytes !== null && a.sizeBytes > maxBytes;
}

/** The admin URL that streams the attachment. */
export function attachmentUrl(blocId: number, a: Attachment): string {
  return `/blocs/${blocId}/reports/${a.reportId}/attachments/${a.id}`;
}

// How a report's photo or document is served back: its type, its name, and whether the browser
// may show it in the page. Only raster images are shown inline; anything else (SVG included,
// which can carry script) is a download.

import type { ReportAttachment } from '../../db/schema.js';
import { TELEGRAM_DOWNLOAD_LIMIT_BYTES } from '../../bot/telegram-files.js';

const MIME_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
};

type Attachment = Pick<
  ReportAttachment,
  'id' | 'report_id' | 'kind' | 'mime_type' | 'file_name' | 'size_bytes' | 'telegram_file_id'
>;

/** The stored type if it is a well-formed media type; Telegram photos are always JPEG. */
export function contentTypeOf(a: Attachment): string {
  const stored = a.mime_type?.trim().toLowerCase() ?? '';
  if (MIME_RE.test(stored)) return stored;
  return a.kind === 'photo' ? 'image/jpeg' : 'application/octet-stream';
}

/** A raster image the browser may show in the page. */
export function isInlineImage(contentType: string): boolean {
  return contentType.startsWith('image/') && !contentType.startsWith('image/svg');
}

/** Images every browser can draw as a thumbnail (HEIC from iPhones is offered as a download). */
export function isShownInPage(contentType: string): boolean {
  return ['image/jpeg', 'image/png', 'image/webp', 'image/gif'].includes(contentType);
}

/** The name the file is saved under: the document's own name, or one made for a photo. */
export function fileNameOf(a: Attachment): string {
  if (a.file_name) return a.file_name;
  const ext = EXTENSIONS[contentTypeOf(a)] ?? (a.kind === 'photo' ? 'jpg' : 'bin');
  return `${a.kind === 'photo' ? 'anh' : 'tai-lieu'}-bao-cao-${a.report_id}-${a.id}.${ext}`;
}

/** Telegram gives bots files up to 20 MB only. */
export function isTooBigForBots(a: Attachment): boolean {
  return a.size_bytes !== null && a.size_bytes > TELEGRAM_DOWNLOAD_LIMIT_BYTES;
}

/** The admin URL that streams the attachment. */
export function attachmentUrl(blocId: number, a: Attachment): string {
  return `/blocs/${blocId}/reports/${a.report_id}/attachments/${a.id}`;
}

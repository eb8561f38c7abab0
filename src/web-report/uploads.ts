// Files chosen in the web form: their type is found from their content (file-type), never from
// their name or the type the browser claims; only photos and office documents are kept.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { normalizeText } from '../core/normalize.js';
import type { UploadedFile } from '../db/web-uploads.js';

/** Largest file accepted (phone photos are 2–6 MB; a scanned PDF rarely passes 10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Largest request body: refused before it is read (decision 0052). */
export const MAX_REQUEST_BYTES = 40 * 1024 * 1024;

/** Most bytes of files of unsent forms kept per link: one form's worth of files (10 of 10 MB). */
export const MAX_PENDING_BYTES_PER_LINK = 10 * MAX_FILE_BYTES;

const PHOTOS: Record<string, string> = { jpg: 'jpg', png: 'png', webp: 'webp', heic: 'heic' };
const DOCUMENTS = new Set(['pdf', 'docx', 'xlsx', 'odt', 'ods']);

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
// Old Word and Excel files are OLE compound files (as are .msi installers): tell them apart by
// the streams their directory names.
const WORD_STREAM = utf16('WordDocument');
const EXCEL_STREAMS = [utf16('Workbook'), utf16('Book\u0000')];

/** What a file's content says it is, if it is a kind of evidence we keep. */
export async function sniffEvidence(
  content: Buffer,
): Promise<{ kind: 'photo' | 'document'; ext: string; mime: string } | null> {
  const type = await fileTypeFromBuffer(content);
  if (!type) return null;
  if (type.ext in PHOTOS) return { kind: 'photo', ext: PHOTOS[type.ext]!, mime: type.mime };
  if (DOCUMENTS.has(type.ext)) return { kind: 'document', ext: type.ext, mime: type.mime };
  if (type.ext === 'cfb') {
    if (content.includes(WORD_STREAM)) return { kind: 'document', ext: 'doc', mime: 'application/msword' };
    if (EXCEL_STREAMS.some((s) => content.includes(s)))
      return { kind: 'document', ext: 'xls', mime: 'application/vnd.ms-excel' };
  }
  return null;
}

/** The browser's name for a file, made safe to show: last path segment, NFC, no control or bidi characters. */
export function shownName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const name = normalizeText(last)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"<>|:*?]/g, '')
    .trim();
  return [...name].slice(0, 120).join('') || 'tệp';
}

/**
 * The name a kept file is saved under: its shown name, at most 120 characters, ending with the
 * extension its content was found to have (whatever extension it came with).
 */
export function cleanFileName(raw: string, ext: string): string {
  const name = shownName(raw);
  const dot = name.lastIndexOf('.');
  const stem = [...(dot > 0 ? name.slice(0, dot) : name)].slice(0, 110).join('').trim().replace(/^\.+/, '');
  return `${stem === '' ? 'tep' : stem}.${ext}`;
}

export type FileCheck =
  | { ok: true; file: UploadedFile }
  | { ok: false; reason: 'too_big' | 'bad_type' | 'empty'; name: string };

/** Checks one chosen file by its size and its content. */
export async function checkUpload(file: File): Promise<FileCheck> {
  const name = shownName(file.name);
  if (file.size === 0) return { ok: false, reason: 'empty', name };
  if (file.size > MAX_FILE_BYTES) return { ok: false, reason: 'too_big', name };
  const content = Buffer.from(await file.arrayBuffer());
  const type = await sniffEvidence(content);
  if (!type) return { ok: false, reason: 'bad_type', name };
  return {
    ok: true,
    file: {
      kind: type.kind,
      fileName: cleanFileName(file.name, type.ext),
      mimeType: type.mime,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    },
  };
}

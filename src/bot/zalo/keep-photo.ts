// A photo sent to the Zalo bot is fetched at once and its bytes kept (decision 0094): Zalo gives a
// URL on its CDN with no documented lifetime (docs/zalo.md). Only photos are taken, recognised by
// their content, never by the URL or the type the server claims, and no larger than the web form's
// limit; the draft then holds a reference to the kept bytes (src/reporting/received-evidence.ts).
import { fileTypeFromBuffer } from 'file-type';
import type { DraftAttachment } from '../../core/report-flow/types.js';
import type { Db } from '../../db/connection.js';
import { countReceivedFiles, keepReceivedFile } from '../../db/received-files.js';
import type { Logger } from '../../logger.js';
import { receivedAttachment } from '../../reporting/received-evidence.js';

/** Largest photo taken, as the web form's files (phone photos are 2–6 MB). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);

export type KeepPhoto = (focalPointId: number, url: string, caption: string | null) => Promise<DraftAttachment | null>;

export function createPhotoKeeper(deps: {
  db: Db;
  now: () => Date;
  logger: Pick<Logger, 'warn'>;
  timeoutMs?: number;
  maxBytes?: number;
}): KeepPhoto {
  const maxBytes = deps.maxBytes ?? MAX_PHOTO_BYTES;
  return async (focalPointId, url, caption) => {
    const content = await download(url, maxBytes, deps.timeoutMs ?? 20_000).catch((error: Error) => {
      deps.logger.warn({ err: error.message, focalPointId }, 'zalo photo not fetched');
      return null;
    });
    if (!content) return null;
    const type = await fileTypeFromBuffer(content);
    if (!type || !PHOTO_TYPES.has(type.mime)) {
      deps.logger.warn({ focalPointId, type: type?.mime ?? 'unknown' }, 'zalo photo refused: not a photo');
      return null;
    }
    const file = await keepReceivedFile(deps.db, {
      focalPointId,
      channel: 'zalo',
      content,
      mimeType: type.mime,
      at: deps.now(),
    });
    const held = await countReceivedFiles(deps.db, focalPointId);
    return receivedAttachment(file, caption, held);
  };
}

/** The bytes at an http(s) URL, refused past `maxBytes` (counted as they come, whatever the length header says). */
async function download(url: string, maxBytes: number, timeoutMs: number): Promise<Buffer | null> {
  if (!/^https?:\/\//i.test(url)) throw new Error('not an http(s) URL');
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) throw new Error('too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('too large');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

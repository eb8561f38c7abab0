// Reading back a file a focal point sent to the bot (a report's photo or document), for the admin:
// the Bot API's getFile gives the file's path, then <apiRoot>/file/bot<token>/<path> serves its
// bytes, which are streamed on without being held in memory. Telegram serves bots files up to
// 20 MB only. Through the product's one Bot API client (bot-api-client.ts), so IPv4 can be forced.

import type http from 'node:http';
import { Readable } from 'node:stream';
import { createBotApiClient } from './bot-api-client.js';

/** Telegram's getFile limit for bots. */
export const TELEGRAM_DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

export type TelegramFileResult =
  | { ok: true; body: ReadableStream<Uint8Array>; size: number | null }
  /** not_found: Telegram does not know the file (any more); too_big: over 20 MB; unavailable: Telegram could not be reached or failed. */
  | { ok: false; reason: 'not_found' | 'too_big' | 'unavailable'; detail: string };

export interface TelegramFiles {
  fetchFile(fileId: string): Promise<TelegramFileResult>;
}

export interface TelegramFilesOptions {
  token: string;
  /** The Bot API root, e.g. https://api.telegram.org (TELEGRAM_API_ROOT). */
  apiRoot: string;
  forceIpv4?: boolean;
  /** Longest silence allowed while waiting for Telegram (headers or the next bytes). */
  idleTimeoutMs?: number;
}

// A path as Telegram gives it ('photos/file_12.jpg'): nothing that could climb out of /file/.
const FILE_PATH_RE = /^(?!.*\.\.)[A-Za-z0-9_.\-/]{1,512}$/;

/** The admin's reader of Telegram files, for one bot token. */
export function createTelegramFiles(o: TelegramFilesOptions): TelegramFiles {
  const idle = o.idleTimeoutMs ?? 20_000;
  const client = createBotApiClient({
    token: o.token,
    apiRoot: o.apiRoot,
    timeoutMs: idle,
    maxSockets: 8,
    forceIpv4: o.forceIpv4,
  });

  async function readJson(res: http.IncomingMessage): Promise<Record<string, unknown> | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res) {
      size += (chunk as Buffer).length;
      if (size > 65_536) {
        res.destroy();
        return null;
      }
      chunks.push(chunk as Buffer);
    }
    try {
      const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  async function filePath(fileId: string): Promise<TelegramFileResult | { path: string; size: number | null }> {
    const res = await client.open({ method: 'getFile', body: { file_id: fileId } }, idle);
    const answer = await readJson(res);
    const description = typeof answer?.description === 'string' ? answer.description : `HTTP ${res.statusCode}`;
    if (res.statusCode === 400) {
      return { ok: false, reason: /too big/i.test(description) ? 'too_big' : 'not_found', detail: description };
    }
    const result = answer?.ok === true ? (answer.result as Record<string, unknown> | undefined) : undefined;
    const path = result?.file_path;
    if (res.statusCode !== 200 || typeof path !== 'string')
      return { ok: false, reason: 'unavailable', detail: `getFile: ${description}` };
    if (!FILE_PATH_RE.test(path))
      return { ok: false, reason: 'unavailable', detail: `getFile gave an unexpected path ${JSON.stringify(path)}` };
    const size = typeof result?.file_size === 'number' ? result.file_size : null;
    return { path, size };
  }

  return {
    async fetchFile(fileId) {
      try {
        const found = await filePath(fileId);
        if ('ok' in found) return found;
        if (found.size !== null && found.size > TELEGRAM_DOWNLOAD_LIMIT_BYTES)
          return { ok: false, reason: 'too_big', detail: `${found.size} bytes` };
        const res = await client.open({ file: found.path }, idle);
        if (res.statusCode !== 200) {
          res.resume();
          return {
            ok: false,
            reason: res.statusCode === 404 ? 'not_found' : 'unavailable',
            detail: `download: HTTP ${res.statusCode}`,
          };
        }
        // Only the download's own length: announcing getFile's file_size for a body that turned
        // out different would cut the response short or leave it hanging.
        const length = Number(res.headers['content-length']);
        return {
          ok: true,
          body: Readable.toWeb(res) as ReadableStream<Uint8Array>,
          size: Number.isSafeInteger(length) ? length : null,
        };
      } catch (error) {
        // The token is in every URL: it must never reach a log line or a page.
        return { ok: false, reason: 'unavailable', detail: client.scrub((error as Error).message) };
      }
    },
  };
}

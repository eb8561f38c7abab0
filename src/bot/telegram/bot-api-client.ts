// The product's own Bot API client (telegraf keeps the bot's replies): sendMessage for the outbox,
// and opening a method or a file's download for the admin's file reader (telegram-files.ts), over
// node:http(s) with keep-alive connections and IPv4 on request. sendMessage never throws: every
// result, network failures included, comes back as data for send-classification.ts.

import http from 'node:http';
import https from 'node:https';

export type RawSendResult =
  | { kind: 'response'; status: number; body: unknown }
  | { kind: 'network_error'; error: string }
  | { kind: 'timeout' };

export interface BotApiClient {
  sendMessage(chatId: string, payload: Record<string, unknown>): Promise<RawSendResult>;
  /**
   * Opens a call of a method (with a JSON body) or the download of a file (its path from getFile),
   * resolving with the response as it starts; rejects on a network error or `idleMs` of silence.
   * The token is in the URL: callers must keep it out of what they show (see scrub).
   */
  open(target: { method: string; body: unknown } | { file: string }, idleMs: number): Promise<http.IncomingMessage>;
  /** The text with the bot token replaced, for errors that may quote a URL. */
  scrub(text: string): string;
  close(): void;
}

export function createBotApiClient(o: {
  token: string;
  apiRoot: string;
  timeoutMs: number;
  maxSockets: number;
  forceIpv4?: boolean;
}): BotApiClient {
  const base = new URL(o.apiRoot.endsWith('/') ? o.apiRoot : `${o.apiRoot}/`);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: o.maxSockets })
    : new http.Agent({ keepAlive: true, maxSockets: o.maxSockets });
  // './' keeps 'bot123:abc' from being read as a URL scheme.
  const url = new URL(`./bot${o.token}/sendMessage`, base);

  function sendMessage(chatId: string, payload: Record<string, unknown>): Promise<RawSendResult> {
    const body = Buffer.from(JSON.stringify({ ...payload, chat_id: chatId }));
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: RawSendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      let req: http.ClientRequest;
      try {
        req = (secure ? https : http).request(
          url,
          {
            method: 'POST',
            agent,
            family: o.forceIpv4 ? 4 : undefined,
            headers: { 'content-type': 'application/json', 'content-length': body.length },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', (e) => done({ kind: 'network_error', error: e.message }));
            res.on('end', () => {
              let parsed: unknown = null;
              try {
                parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              } catch {
                parsed = null; // a proxy's HTML error page: classified by status
              }
              done({ kind: 'response', status: res.statusCode ?? 0, body: parsed });
            });
          },
        );
      } catch (error) {
        resolve({ kind: 'network_error', error: (error as Error).message });
        return;
      }
      const timer = setTimeout(() => {
        done({ kind: 'timeout' });
        req.destroy();
      }, o.timeoutMs);
      req.on('error', (e) => done({ kind: 'network_error', error: e.message }));
      req.end(body);
    });
  }

  function open(
    target: { method: string; body: unknown } | { file: string },
    idleMs: number,
  ): Promise<http.IncomingMessage> {
    const body = 'method' in target ? Buffer.from(JSON.stringify(target.body)) : undefined;
    const path =
      'method' in target
        ? `./bot${o.token}/${target.method}`
        : `./file/bot${o.token}/${target.file.split('/').map(encodeURIComponent).join('/')}`;
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(new URL(path, base), {
        method: body ? 'POST' : 'GET',
        agent,
        family: o.forceIpv4 ? 4 : undefined,
        headers: body ? { 'content-type': 'application/json', 'content-length': body.length } : {},
      });
      req.setTimeout(idleMs, () => req.destroy(new Error(`no answer from Telegram within ${idleMs} ms`)));
      req.on('error', reject);
      req.on('response', resolve);
      req.end(body);
    });
  }

  return {
    sendMessage,
    open,
    scrub: (text) => text.split(o.token).join('<token>'),
    close: () => agent.destroy(),
  };
}

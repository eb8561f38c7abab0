// The one Bot API call the delivery worker makes (sendMessage), over node:http(s) with keep-alive
// connections, an overall timeout, and IPv4 on request. It never throws: every result, network
// failures included, comes back as data for send-classification.ts.

import http from 'node:http';
import https from 'node:https';

export type RawSendResult =
  | { kind: 'response'; status: number; body: unknown }
  | { kind: 'network_error'; error: string }
  | { kind: 'timeout' };

export interface BotApiClient {
  sendMessage(chatId: string, payload: Record<string, unknown>): Promise<RawSendResult>;
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

  return { sendMessage, close: () => agent.destroy() };
}

// An emulator of the Zalo Bot Platform's HTTP API for end-to-end tests, written from docs/zalo.md
// (every behaviour here is a line there): getMe; getUpdates handing over one update per call and
// answering 408 when a long poll found nothing; setWebhook / deleteWebhook / getWebhookInfo, the
// webhook posting each update with the secret in X-Bot-Api-Secret-Token and sending it again
// while not answered 200; sendMessage (1–2,000 characters), sendPhoto, sendChatAction; error
// answers whose HTTP status is their error_code. Tests put in what a person sends (`userSends`),
// read what the bot sent (`sentTo`, `waitForSent`), block the bot for a person, and inject errors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZALO_EMULATOR_TOKEN } from './secrets.js';

export { ZALO_EMULATOR_TOKEN };

export interface ZaloSent {
  method: 'sendMessage' | 'sendPhoto';
  chatId: string;
  text: string;
  photo?: string;
  messageId: string;
  /** When it was accepted (ms, the emulator's clock). */
  at: number;
}

export interface ZaloInbound {
  text?: string;
  /** A photo's URL as Zalo gives it (the emulator serves bytes put in with `addFile`). */
  photo?: string;
  caption?: string;
  sticker?: string;
  /** Display name of the sender (default 'Người dùng <id>'). */
  name?: string;
  chatType?: 'PRIVATE' | 'GROUP';
  /** Overrides the chat id (a group); default the user's id. */
  chatId?: string;
}

type Update = Record<string, unknown>;
type ErrorAnswer = { error_code: number; description: string; parameters?: Record<string, unknown> };

export class ZaloEmulator {
  readonly token: string;
  apiRoot = '';
  readonly botId: string;
  /** Every API call, in order (method and body). */
  readonly calls: { method: string; body: Record<string, unknown> }[] = [];
  readonly sent: ZaloSent[] = [];
  /** Protocol mistakes the bot made (a text too long, a method that does not exist…): tests expect none. */
  readonly violations: string[] = [];
  webhook: { url: string; secretToken: string; updatedAt: number } | null = null;
  /** Where webhook requests really go (a test server on http://127.0.0.1 stands for the https URL set). */
  webhookTarget: string | undefined;
  /** How long a getUpdates waits at most, whatever timeout it asked, so tests stay fast. */
  longPollCapMs = 1000;
  private readonly http: Server;
  private queue: Update[] = [];
  private waiters: (() => void)[] = [];
  private sentWaiters: (() => void)[] = [];
  private readonly blocked = new Set<string>();
  private readonly knownChats = new Set<string>();
  private readonly files = new Map<string, { bytes: Buffer; type: string }>();
  private readonly injected = new Map<string, ErrorAnswer[]>();
  private nextMessageId = 1;
  /** Updates handed out (by getUpdates or the webhook), for a test that replays one. */
  readonly delivered: Update[] = [];
  private now: () => number;
  /** Sends answered 429 because they went over `perSecond` (docs/zalo.md: "too many requests"). */
  http429 = 0;
  private perSecond: number | undefined;
  private latencyMs = 0;
  private readonly acceptedAt: number[] = [];

  private constructor(token: string, now: () => number) {
    this.token = token;
    this.botId = token.split(':')[0]!;
    this.now = now;
    this.http = createServer((req, res) => void this.serve(req, res));
  }

  /**
   * `perSecond`: sends accepted in any second, beyond which Zalo answers 429 (its limits are not
   * published: the benchmark sets one); `latencyMs`: how long each API call takes.
   */
  static async start(
    opts: { token?: string; now?: () => number; perSecond?: number; latencyMs?: number } = {},
  ): Promise<ZaloEmulator> {
    const emu = new ZaloEmulator(opts.token ?? ZALO_EMULATOR_TOKEN, opts.now ?? (() => Date.now()));
    emu.perSecond = opts.perSecond;
    emu.latencyMs = opts.latencyMs ?? 0;
    await new Promise<void>((resolve) => emu.http.listen(0, '127.0.0.1', resolve));
    emu.apiRoot = `http://127.0.0.1:${(emu.http.address() as AddressInfo).port}`;
    return emu;
  }

  async close(): Promise<void> {
    for (const wake of this.waiters.splice(0)) wake();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** A person sends the bot a message: queued for getUpdates, or posted to the webhook when one is set. */
  async userSends(userId: string, m: ZaloInbound): Promise<Update> {
    const chatId = m.chatId ?? userId;
    if ((m.chatType ?? 'PRIVATE') === 'PRIVATE') this.knownChats.add(chatId);
    this.blocked.delete(userId);
    const message: Record<string, unknown> = {
      message_id: `m${this.nextMessageId++}`,
      date: this.now(),
      chat: { id: chatId, chat_type: m.chatType ?? 'PRIVATE' },
      from: { id: userId, display_name: m.name ?? `Người dùng ${userId}`, is_bot: false },
    };
    let event = 'message.text.received';
    if (m.text !== undefined) message.text = m.text;
    if (m.photo !== undefined) {
      message.photo = m.photo;
      if (m.caption !== undefined) message.caption = m.caption;
      event = 'message.image.received';
    }
    if (m.sticker !== undefined) {
      message.sticker = m.sticker;
      event = 'message.sticker.received';
    }
    const update = { event_name: event, message };
    await this.deliver(update);
    return update;
  }

  /** Hands an update over again, as a webhook retry or a replay would. */
  async replay(update: Update): Promise<void> {
    await this.deliver(update);
  }

  /** The person blocks the bot: sends to them fail with 403 until they write again. */
  block(userId: string): void {
    this.blocked.add(userId);
  }

  /** The next calls of `method` answer these errors, in order. */
  failNext(method: string, ...errors: ErrorAnswer[]): void {
    this.injected.set(method, [...(this.injected.get(method) ?? []), ...errors]);
  }

  /** Bytes served at the returned URL, as a photo a person sends is on Zalo's CDN. */
  addFile(name: string, bytes: Buffer, type = 'image/jpeg'): string {
    this.files.set(name, { bytes, type });
    return `${this.apiRoot}/files/${name}`;
  }

  sentTo(chatId: string): ZaloSent[] {
    return this.sent.filter((s) => s.chatId === chatId);
  }

  /** Waits until `chatId` has received at least `count` messages in all; returns them. */
  async waitForSent(chatId: string, count: number, timeoutMs = 10_000): Promise<ZaloSent[]> {
    const until = Date.now() + timeoutMs;
    while (this.sentTo(chatId).length < count) {
      const left = until - Date.now();
      if (left <= 0)
        throw new Error(
          `${chatId} received ${this.sentTo(chatId).length} of ${count} messages:\n${this.sentTo(chatId)
            .map((s) => s.text)
            .join('\n---\n')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.sentWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.sentTo(chatId);
  }

  /** Waits until the queue is empty (every injected update handed to the bot). */
  async drained(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.queue.length > 0) {
      if (Date.now() > until) throw new Error(`${this.queue.length} updates never fetched`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async deliver(update: Update): Promise<void> {
    if (!this.webhook) {
      this.queue.push(update);
      for (const wake of this.waiters.splice(0)) wake();
      return;
    }
    const target = this.webhookTarget ?? this.webhook.url;
    // Sent again while not answered 200, as a webhook platform does.
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Bot-Api-Secret-Token': this.webhook.secretToken },
          body: JSON.stringify(update),
        });
        await res.arrayBuffer();
        if (res.status === 200) {
          this.delivered.push(update);
          return;
        }
      } catch {
        // not reachable: try again
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = /^\/files\/(.+)$/.exec(url.pathname);
    if (file) {
      const f = this.files.get(decodeURIComponent(file[1]!));
      if (!f) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': f.type, 'content-length': f.bytes.length }).end(f.bytes);
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return this.answer(res, { error_code: 404, description: 'Not Found' });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> = {};
    const raw = Buffer.concat(chunks).toString('utf8');
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return this.answer(res, { error_code: 400, description: 'Bad Request: invalid JSON' });
      }
    }
    for (const [k, v] of url.searchParams) body[k] ??= v;
    const method = m[2]!;
    this.calls.push({ method, body });
    if (m[1] !== this.token) return this.answer(res, { error_code: 401, description: 'Unauthorized' });
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const injected = this.injected.get(method)?.shift();
    if (injected) return this.answer(res, injected);
    const result = await this.call(method, body);
    if ('error_code' in (result as object)) return this.answer(res, result as ErrorAnswer);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
  }

  private answer(res: ServerResponse, e: ErrorAnswer): void {
    res.writeHead(e.error_code, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, ...e }));
  }

  private async call(method: string, body: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return { id: this.botId, account_name: 'khoithidua_bot', account_type: 'BASIC', can_join_groups: false };
      case 'getUpdates':
        return this.getUpdates(body);
      case 'setWebhook': {
        const url = String(body.url ?? '');
        const secret = String(body.secret_token ?? '');
        if (!url.startsWith('https://')) return this.violation('setWebhook', 'url must be https');
        if (secret.length < 8 || secret.length > 256)
          return this.violation('setWebhook', 'secret_token must have 8-256 characters');
        this.webhook = { url, secretToken: secret, updatedAt: this.now() };
        return { url, updated_at: this.webhook.updatedAt };
      }
      case 'deleteWebhook': {
        const was = this.webhook;
        this.webhook = null;
        return { url: was?.url ?? '', updated_at: this.now() };
      }
      case 'getWebhookInfo':
        return { url: this.webhook?.url ?? '', updated_at: this.webhook?.updatedAt ?? 0 };
      case 'sendMessage':
      case 'sendPhoto':
        return this.send(method, body);
      case 'sendChatAction':
        return {};
      default:
        return this.violation(method, 'no such method', 404);
    }
  }

  private async getUpdates(body: Record<string, unknown>): Promise<unknown> {
    if (this.webhook) return { error_code: 409, description: 'Conflict: a webhook is set' };
    const timeoutS = body.timeout === undefined ? 30 : Number(body.timeout);
    const waitMs = Math.min(timeoutS * 1000, this.longPollCapMs);
    if (this.queue.length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const update = this.queue.shift();
    if (!update) return { error_code: 408, description: 'Request timeout' };
    this.delivered.push(update);
    return update;
  }

  private send(method: 'sendMessage' | 'sendPhoto', body: Record<string, unknown>): unknown {
    const chatId = typeof body.chat_id === 'string' ? body.chat_id : undefined;
    if (!chatId) return this.violation(method, 'chat_id must be a string');
    const text = String((method === 'sendMessage' ? body.text : body.caption) ?? '');
    if (method === 'sendMessage' && (text.length < 1 || text.length > 2000))
      return this.violation(method, `text must have 1-2000 characters, has ${text.length}`);
    if (method === 'sendPhoto' && (typeof body.photo !== 'string' || text.length > 2000))
      return this.violation(method, 'photo must be a URL and caption at most 2000 characters');
    if (this.blocked.has(chatId)) return { error_code: 403, description: 'Forbidden: user blocked the bot' };
    if (!this.knownChats.has(chatId)) return { error_code: 400, description: 'Bad Request: chat not found' };
    if (this.perSecond !== undefined) {
      const at = this.now();
      while (this.acceptedAt.length > 0 && this.acceptedAt[0]! <= at - 1000) this.acceptedAt.shift();
      if (this.acceptedAt.length >= this.perSecond) {
        this.http429++;
        return { error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 1 } };
      }
      this.acceptedAt.push(at);
    }
    const messageId = `b${this.nextMessageId++}`;
    this.sent.push({
      method,
      chatId,
      text,
      photo: method === 'sendPhoto' ? String(body.photo) : undefined,
      messageId,
      at: this.now(),
    });
    for (const wake of this.sentWaiters.splice(0)) wake();
    return { message_id: messageId, date: this.now() };
  }

  private violation(method: string, what: string, code = 400): ErrorAnswer {
    this.violations.push(`${method}: ${what}`);
    return { error_code: code, description: `Bad Request: ${what}` };
  }

  /** A chat the bot may write to without the person having written first (a fixture's linked person). */
  knowChat(chatId: string): void {
    this.knownChats.add(chatId);
  }
}

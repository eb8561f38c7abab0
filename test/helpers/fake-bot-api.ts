// A Bot API emulator for delivery tests and the delivery benchmark. Unlike telegram-test-api it
// enforces Telegram's limits (answering 429 with retry_after), and it can inject the failures the
// worker must survive: 5xx, timeouts, dropped connections, blocked users, unknown chats, migrated
// groups. It can also hold requests unanswered, for the crash test.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_BOT_API_TOKEN } from './secrets.js';

export interface FakeBotApiOptions {
  token?: string;
  /** Accepted messages per second in total (sliding one-second window). */
  perSecond?: number;
  /** One message per this many ms in a private chat. */
  privateChatWindowMs?: number;
  /** Messages per group window to one group (Telegram: 20 a minute). */
  perGroupWindow?: number;
  groupWindowMs?: number;
  /** Delay before each answer. */
  latencyMs?: number;
}

export interface ReceivedMessage {
  messageId: number;
  chatId: string;
  text: string;
  replyMarkup: unknown;
  /** performance.now() when accepted. */
  at: number;
}

type Fault =
  | { kind: 'status'; status: number; description: string; parameters?: Record<string, unknown> }
  | { kind: 'hang' }
  | { kind: 'reset' };

interface Held {
  res: http.ServerResponse;
  req: http.IncomingMessage;
  body: Record<string, unknown>;
}

export class FakeBotApi {
  readonly messages: ReceivedMessage[] = [];
  http429 = 0;
  requests = 0;
  /** Called after a message is accepted and before it is answered; 'no_answer' leaves it unanswered. */
  onAccepted: ((m: ReceivedMessage) => 'no_answer' | undefined) | null = null;
  private readonly faults = new Map<string, Fault[]>();
  private readonly permanent = new Map<string, Fault>();
  private readonly accepted: number[] = [];
  private readonly chatTimes = new Map<string, number[]>();
  private held: Held[] | null = null;
  private readonly hanging = new Set<http.ServerResponse>();
  private nextMessageId = 1;

  private constructor(
    private readonly server: http.Server,
    readonly token: string,
    private readonly o: Required<Omit<FakeBotApiOptions, 'token'>>,
  ) {}

  static async start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const o = {
      perSecond: opts.perSecond ?? 30,
      privateChatWindowMs: opts.privateChatWindowMs ?? 1000,
      perGroupWindow: opts.perGroupWindow ?? 20,
      groupWindowMs: opts.groupWindowMs ?? 60_000,
      latencyMs: opts.latencyMs ?? 0,
    };
    let api: FakeBotApi | undefined;
    const server = http.createServer((req, res) => api!.handle(req, res));
    server.keepAliveTimeout = 60_000;
    api = new FakeBotApi(server, opts.token ?? FAKE_BOT_API_TOKEN, o);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  messagesTo(chatId: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.chatId === chatId);
  }

  /** Messages per chat id. */
  countsByChat(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
    return counts;
  }

  /** The next `times` requests to the chat fail this way (then it behaves again). */
  failNext(chatId: string, fault: Fault, times = 1): void {
    this.faults.set(chatId, [...(this.faults.get(chatId) ?? []), ...Array(times).fill(fault)]);
  }
  serverError(chatId: string, times = 1, status = 502): void {
    this.failNext(chatId, { kind: 'status', status, description: 'Bad Gateway' }, times);
  }
  hangNext(chatId: string, times = 1): void {
    this.failNext(chatId, { kind: 'hang' }, times);
  }
  resetNext(chatId: string, times = 1): void {
    this.failNext(chatId, { kind: 'reset' }, times);
  }
  rateLimitNext(chatId: string, retryAfterS: number, times = 1): void {
    this.failNext(chatId, tooManyRequests(retryAfterS), times);
  }
  /** Every request to the chat fails this way. */
  blockBot(chatId: string): void {
    this.permanent.set(chatId, { kind: 'status', status: 403, description: 'Forbidden: bot was blocked by the user' });
  }
  neverStarted(chatId: string): void {
    this.permanent.set(chatId, {
      kind: 'status',
      status: 403,
      description: "Forbidden: bot can't initiate conversation with a user",
    });
  }
  unknownChat(chatId: string): void {
    this.permanent.set(chatId, { kind: 'status', status: 400, description: 'Bad Request: chat not found' });
  }
  migrateGroup(chatId: string, newChatId: string): void {
    this.permanent.set(chatId, {
      kind: 'status',
      status: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: Number(newChatId) },
    });
  }

  /** From now on, requests are held unanswered and not accepted (a stalled network). */
  hold(): void {
    this.held ??= [];
  }
  heldCount(): number {
    return this.held?.length ?? 0;
  }
  /** Drops held requests (their connections close without an answer) and stops holding. */
  dropHeld(): void {
    for (const h of this.held ?? []) h.req.socket.destroy();
    this.held = null;
  }

  async close(): Promise<void> {
    this.dropHeld();
    for (const res of this.hanging) res.socket?.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.requests++;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return this.answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (!m || m[1] !== this.token)
        return this.answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      if (m[2] === 'getMe')
        return this.answer(res, 200, {
          ok: true,
          result: { id: 1, is_bot: true, first_name: 'Fake', username: 'fake_bot' },
        });
      if (m[2] !== 'sendMessage')
        return this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      if (this.held) {
        this.held.push({ req, res, body });
        return;
      }
      this.sendMessage(req, res, body);
    });
  }

  private sendMessage(req: http.IncomingMessage, res: http.ServerResponse, body: Record<string, unknown>): void {
    const chatId = String(body.chat_id ?? '');
    const text = typeof body.text === 'string' ? body.text : '';
    if (!chatId || text.length === 0 || text.length > 4096) {
      this.answer(res, 400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: message text is empty or too long',
      });
      return;
    }
    const fault = this.faults.get(chatId)?.shift() ?? this.permanent.get(chatId);
    if (fault?.kind === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault) {
      if (fault.status === 429) this.http429++;
      this.answer(res, fault.status, {
        ok: false,
        error_code: fault.status,
        description: fault.description,
        ...(fault.parameters ? { parameters: fault.parameters } : {}),
      });
      return;
    }
    const t = performance.now();
    const isGroup = chatId.startsWith('-');
    const retryAfter = this.limitExceeded(chatId, isGroup, t);
    if (retryAfter !== null) {
      this.http429++;
      const f = tooManyRequests(retryAfter);
      this.answer(res, 429, { ok: false, error_code: 429, description: f.description, parameters: f.parameters });
      return;
    }
    this.accepted.push(t);
    this.chatTimes.set(chatId, [...(this.chatTimes.get(chatId) ?? []), t]);
    const message: ReceivedMessage = {
      messageId: this.nextMessageId++,
      chatId,
      text,
      replyMarkup: body.reply_markup ?? null,
      at: t,
    };
    this.messages.push(message);
    if (this.onAccepted?.(message) === 'no_answer') {
      this.hanging.add(res);
      return;
    }
    this.answer(res, 200, {
      ok: true,
      result: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(chatId) },
        text,
      },
    });
  }

  /** Seconds to wait if accepting one more message now would break a limit; null if allowed. */
  private limitExceeded(chatId: string, isGroup: boolean, t: number): number | null {
    while (this.accepted.length > 0 && this.accepted[0]! <= t - 1000) this.accepted.shift();
    if (this.accepted.length >= this.o.perSecond) return Math.max(1, Math.ceil((this.accepted[0]! + 1000 - t) / 1000));
    const windowMs = isGroup ? this.o.groupWindowMs : this.o.privateChatWindowMs;
    const limit = isGroup ? this.o.perGroupWindow : 1;
    const times = (this.chatTimes.get(chatId) ?? []).filter((x) => x > t - windowMs);
    this.chatTimes.set(chatId, times);
    if (times.length >= limit) return Math.max(1, Math.ceil((times[times.length - limit]! + windowMs - t) / 1000));
    return null;
  }

  private answer(res: http.ServerResponse, status: number, body: unknown): void {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.o.latencyMs > 0) setTimeout(send, this.o.latencyMs);
    else send();
  }

  /** Answers every held request as if the network had recovered. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const h of held) this.sendMessage(h.req, h.res, h.body);
  }
}

function tooManyRequests(retryAfterS: number): Fault & { kind: 'status' } {
  return {
    kind: 'status',
    status: 429,
    description: `Too Many Requests: retry after ${retryAfterS}`,
    parameters: { retry_after: retryAfterS },
  };
}

// A Bot API emulator for end-to-end bot tests: telegram-test-api's TelegramServer keeps the
// chats (user updates, bot messages and their edits) and this wrapper serves the HTTP Bot API in
// front of it, adding what the package lacks: validation of every call against the Bot API spec,
// real long polling with offsets, getMe, setMyCommands, setWebhook with its secret header,
// getFile (refusing files over Telegram's 20 MB limit for bots) with the /file/bot<token>/<path>
// download, sending a received photo or document back by file_id, getChatMember with the member
// statuses a test sets per chat, and a way to know when the bot has finished with an update.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { validateBotApiCall, validateBotApiObject } from './bot-api-validator.js';
import { EMULATOR_BOT_TOKEN } from './secrets.js';
import {
  BOT_ID,
  type BotMessage,
  type ChatMemberStatus,
  type ChatOptions,
  EmulatedChat,
  type EmulatorPort,
} from './bot-emulator-chat.js';

export type { BotMessage, Button, ChatMemberStatus, ChatOptions, EmulatedChat } from './bot-emulator-chat.js';

export interface ApiCall {
  method: string;
  params: Record<string, any>;
}

interface Pending {
  updateId: number;
  update: Record<string, any>;
  handedOut: boolean;
  replay: boolean;
  confirmed: () => void;
  done: Promise<void>;
}

export class BotEmulator implements EmulatorPort {
  readonly token: string;
  readonly botUsername: string;
  readonly calls: ApiCall[] = [];
  readonly violations: string[] = [];
  readonly commands = new Map<string, { command: string; description: string }[]>();
  webhook: { url: string; secretToken: string | undefined } | null = null;
  apiRoot = '';
  private readonly tg = new TelegramServer({});
  private readonly http: Server;
  private pending: Pending[] = [];
  private wakeUp: (() => void)[] = [];
  /** Files users sent, by file_id, so getFile and sending them back by file_id work. */
  private files = new Map<string, { file_id: string; file_unique_id: string; file_size?: number }>();
  /** Bytes of files put in with addFile, by file_unique_id (others download as a placeholder). */
  private contents = new Map<string, Buffer>();
  /** Paths downloaded through /file/bot<token>/<path>, oldest first. */
  readonly downloads: string[] = [];
  private delivered = new Map<number, Record<string, any>>();
  /** What getChatMember answers, by `<chat id>:<user id>`: a status, or an error Telegram would give. */
  private members = new Map<string, ChatMemberStatus | { error: string }>();

  private constructor(botUsername: string, token: string) {
    this.botUsername = botUsername;
    this.token = token;
    this.http = createServer((req, res) => void this.serve(req, res));
  }

  static async start(opts: { botUsername?: string; port?: number; token?: string } = {}): Promise<BotEmulator> {
    const emu = new BotEmulator(opts.botUsername ?? 'khoithidua_test_bot', opts.token ?? EMULATOR_BOT_TOKEN);
    await new Promise<void>((resolve) => emu.http.listen(opts.port ?? 0, '127.0.0.1', resolve));
    emu.apiRoot = `http://127.0.0.1:${(emu.http.address() as AddressInfo).port}/`;
    return emu;
  }

  async close(): Promise<void> {
    for (const wake of this.wakeUp) wake();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /**
   * A person talking to the bot in a private chat (chat id = user id) or in a group; in a group,
   * `memberStatus` is what getChatMember answers for them (a plain 'member' when not given).
   */
  chat(o: Partial<ChatOptions> & { userId: number }): EmulatedChat {
    const chat = new EmulatedChat(this, {
      chatId: o.chatId ?? o.userId,
      type: o.type ?? 'private',
      firstName: 'Lan',
      ...o,
    });
    if (o.memberStatus) this.setChatMember(chat.o.chatId, o.userId, o.memberStatus);
    return chat;
  }

  /**
   * What getChatMember answers for this user in this chat from now on: a status (promoting or
   * demoting a person), or `{ error }` for a call Telegram refuses (e.g. 'Bad Request: chat not found').
   */
  setChatMember(chatId: number | string, userId: number, status: ChatMemberStatus | { error: string }): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  /**
   * A file as if a user had sent it earlier (Telegram keeps it), with its bytes for the download;
   * `fileSize` may claim more than the bytes given, to test Telegram's 20 MB limit cheaply.
   */
  addFile(o: { bytes: Uint8Array; fileId?: string; fileUniqueId?: string; fileSize?: number }): {
    fileId: string;
    fileUniqueId: string;
  } {
    const fileUniqueId = o.fileUniqueId ?? `AQAD${randomBytes(6).toString('base64url')}`;
    const fileId = o.fileId ?? `AgACAgUAAxkBAAI${randomBytes(12).toString('base64url')}`;
    this.files.set(fileId, {
      file_id: fileId,
      file_unique_id: fileUniqueId,
      file_size: o.fileSize ?? o.bytes.byteLength,
    });
    this.contents.set(fileUniqueId, Buffer.from(o.bytes));
    return { fileId, fileUniqueId };
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Every message the bot sent to a chat, with edits applied, oldest first. */
  messagesIn(chatId: number | string): BotMessage[] {
    return this.tg.storage.botMessages
      .filter((m) => m.botToken === this.token && String(m.message.chat_id) === String(chatId))
      .map((m) => ({
        messageId: m.messageId,
        chatId: String(m.message.chat_id),
        text: String(m.message.text ?? ''),
        buttons: ((m.message.reply_markup as any)?.inline_keyboard ?? []).map((row: any[]) =>
          row.map((b) => ({ text: b.text, data: b.callback_data, url: b.url })),
        ),
      }));
  }

  /** Hands an update to the bot (by webhook if one is set, else to getUpdates) and waits until it is done. */
  async deliver(update: Record<string, any>): Promise<void> {
    this.delivered.set(update.update_id, update);
    if (this.webhook) {
      const status = await this.push(update);
      if (status !== 200) throw new Error(`webhook answered ${status} for update ${update.update_id}`);
      return;
    }
    await this.enqueue(update, false);
  }

  /** Delivers an already delivered update again, as Telegram does when it did not see it confirmed. */
  async redeliver(updateId: number): Promise<void> {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`update ${updateId} was never delivered`);
    if (this.webhook) {
      const status = await this.push(update);
      if (status !== 200) throw new Error(`webhook answered ${status} for redelivered update ${updateId}`);
      return;
    }
    await this.enqueue(update, true);
  }

  /** Posts an update to the bot's webhook as Telegram does, with the secret header it was given. */
  async push(update: Record<string, any>, secret = this.webhook?.secretToken): Promise<number> {
    if (!this.webhook) throw new Error('no webhook set');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
    const res = await fetch(this.webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
    await res.arrayBuffer();
    return res.status;
  }

  /** Stores a user's message or callback in telegram-test-api and returns it as a Bot API update. */
  async addUserUpdate(kind: 'message' | 'callback', body: Record<string, any>): Promise<Record<string, any>> {
    if (kind === 'message') await this.tg.addUserMessage({ ...body, botToken: this.token } as any);
    else await this.tg.addUserCallback({ ...body, botToken: this.token } as any);
    const stored = this.tg.storage.userMessages.at(-1)!;
    stored.isRead = true;
    const update = (TelegramServer as any).formatUpdate(stored) as Record<string, any>;
    if (update.message) delete update.message.botToken;
    for (const f of [...(body.photo ?? []), ...(body.document ? [body.document] : [])]) this.files.set(f.file_id, f);
    if (update.callback_query) update.callback_query.chat_instance = String(body.message?.chat?.id ?? 0);
    return update;
  }

  /** An update id for an update telegram-test-api cannot build (e.g. my_chat_member). */
  reserveUpdateId(): number {
    const tg = this.tg as unknown as { updateId: number };
    tg.updateId += 1;
    return tg.updateId - 1;
  }

  private enqueue(update: Record<string, any>, replay: boolean): Promise<void> {
    let confirmed!: () => void;
    const done = new Promise<void>((resolve) => {
      confirmed = resolve;
    });
    this.pending.push({ updateId: update.update_id, update, handedOut: false, replay, confirmed, done });
    for (const wake of this.wakeUp.splice(0)) wake();
    return withTimeout(done, 10_000, `the bot did not confirm update ${update.update_id}`);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url?.split('?')[0] ?? '');
    if (download) return this.serveFile(download[1]!, decodeURIComponent(download[2]!), req, res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url?.split('?')[0] ?? '');
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== this.token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const raw = await readBody(req);
    if (req.headers['content-type']?.startsWith('multipart/')) {
      this.violations.push(`${method}: multipart upload is not emulated`);
      return send(res, 400, { ok: false, error_code: 400, description: 'multipart not emulated' });
    }
    const params = raw.length ? (JSON.parse(raw) as Record<string, any>) : {};
    this.calls.push({ method, params });
    const problems = validateBotApiCall(method, params);
    if (problems.length > 0) {
      this.violations.push(...problems);
      return send(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${problems.join('; ')}` });
    }
    const result = await this.answer(method, params, res);
    if (result === undefined) {
      this.violations.push(`${method}: not emulated`);
      return send(res, 400, { ok: false, error_code: 400, description: `${method} is not emulated` });
    }
    // A well-formed call Telegram would still refuse (e.g. an unknown file_id).
    if (typeof result === 'object' && result !== null && 'error' in result) {
      return send(res, 400, { ok: false, error_code: 400, description: String((result as { error: string }).error) });
    }
    send(res, 200, { ok: true, result });
  }

  private async answer(method: string, p: Record<string, any>, res: ServerResponse): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return {
          id: BOT_ID,
          is_bot: true,
          first_name: 'Khối thi đua',
          username: this.botUsername,
          can_join_groups: true,
        };
      case 'getUpdates':
        return this.getUpdates(p, res);
      case 'sendMessage': {
        const sent = this.tg.addBotMessage({ ...p } as any, this.token) as any;
        return {
          ...sent,
          from: { id: BOT_ID, is_bot: true, first_name: 'Khối thi đua' },
          date: Math.floor(Date.now() / 1000),
        };
      }
      case 'editMessageText':
        // As on Telegram, an edit without reply_markup removes the inline keyboard.
        this.tg.editMessageText({ ...p } as any);
        if (!p.reply_markup) this.removeKeyboard(p.chat_id, p.message_id);
        return true;
      case 'editMessageReplyMarkup':
        // telegram-test-api only applies edits that keep a keyboard; removing it must work too.
        this.tg.editMessageReplyMarkup({ ...p } as any);
        if (!p.reply_markup) this.removeKeyboard(p.chat_id, p.message_id);
        return true;
      case 'answerCallbackQuery':
        return true;
      case 'setMyCommands':
        this.commands.set(p.scope?.type ?? 'default', p.commands);
        return true;
      case 'deleteWebhook':
        this.webhook = null;
        return true;
      case 'setWebhook':
        this.webhook = { url: p.url, secretToken: p.secret_token };
        return true;
      case 'sendPhoto':
      case 'sendDocument': {
        const fileId = String(method === 'sendPhoto' ? p.photo : p.document);
        if (!this.files.has(fileId)) return { error: `Bad Request: wrong file identifier ${fileId}` };
        const sent = this.tg.addBotMessage(
          { chat_id: p.chat_id, text: p.caption ?? '', reply_markup: p.reply_markup } as any,
          this.token,
        ) as any;
        return {
          ...sent,
          text: undefined,
          caption: p.caption,
          [method === 'sendPhoto' ? 'photo' : 'document']: this.files.get(fileId),
        };
      }
      case 'getFile': {
        const file = this.files.get(String(p.file_id));
        if (!file) return { error: 'Bad Request: invalid file_id' };
        if ((file.file_size ?? 0) > 20 * 1024 * 1024) return { error: 'Bad Request: file is too big' };
        return { ...file, file_path: `files/${file.file_unique_id}` };
      }
      case 'getChatMember':
        return this.chatMember(p.chat_id, p.user_id);
      case 'getWebhookInfo':
        return {
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.pending.length,
        };
      default:
        return undefined;
    }
  }

  // A ChatMember as the Bot API returns it; anyone a test did not set is a plain member, as the
  // sender of a group message at least is. The answer itself is checked against the spec too.
  private chatMember(chatId: unknown, userId: unknown): unknown {
    const set = this.members.get(`${chatId}:${userId}`) ?? 'member';
    if (typeof set === 'object') return set;
    const user = { id: Number(userId), is_bot: false, first_name: 'Thành viên' };
    const member =
      set === 'creator'
        ? { status: set, user, is_anonymous: false }
        : set === 'administrator'
          ? {
              status: set,
              user,
              can_be_edited: false,
              is_anonymous: false,
              can_manage_chat: true,
              can_delete_messages: true,
              can_manage_video_chats: true,
              can_restrict_members: true,
              can_promote_members: false,
              can_change_info: true,
              can_invite_users: true,
              can_post_stories: false,
              can_edit_stories: false,
              can_delete_stories: false,
            }
          : { status: set, user };
    this.violations.push(...validateBotApiObject('ChatMember', member).map((p) => `getChatMember answer: ${p}`));
    return member;
  }

  // The download Telegram serves at /file/bot<token>/<file_path> (a GET, outside the method API).
  private serveFile(token: string, path: string, req: IncomingMessage, res: ServerResponse): void {
    if (token !== this.token) {
      send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const uniqueId = /^files\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
    const known = uniqueId !== undefined && [...this.files.values()].some((f) => f.file_unique_id === uniqueId);
    if (req.method !== 'GET' || !known) {
      send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    this.downloads.push(path);
    const bytes = this.contents.get(uniqueId) ?? Buffer.from(`emulated file ${uniqueId}`);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    res.end(bytes);
  }

  private removeKeyboard(chatId: unknown, messageId: unknown): void {
    const m = this.tg.storage.botMessages.find(
      (x) => String(x.message.chat_id) === String(chatId) && x.messageId === messageId,
    );
    if (m) delete (m.message as any).reply_markup;
  }

  // Long polling with Telegram's offset rule: an update is confirmed by a later call whose offset
  // is above its id; unconfirmed updates are handed out again.
  private async getUpdates(p: Record<string, any>, res: ServerResponse): Promise<unknown[]> {
    const offset = Number(p.offset ?? 0);
    for (const u of this.pending.filter((x) => x.handedOut && x.updateId < offset)) u.confirmed();
    this.pending = this.pending.filter((x) => !(x.handedOut && x.updateId < offset));
    const ready = () => this.pending.filter((x) => x.updateId >= offset || (x.replay && !x.handedOut));
    if (ready().length === 0 && Number(p.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        // Woken by a new update, by the client going away (telegraf's stop aborts the request), or by the timeout.
        const wake = () => {
          clearTimeout(timer);
          res.off('close', wake);
          resolve();
        };
        const timer = setTimeout(wake, Number(p.timeout) * 1000);
        this.wakeUp.push(wake);
        res.once('close', wake);
      });
    }
    const batch = ready().slice(0, Number(p.limit ?? 100));
    for (const u of batch) u.handedOut = true;
    return batch.map((u) => u.update);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}

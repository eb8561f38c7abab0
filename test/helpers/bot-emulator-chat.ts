// The user side of the Bot API emulator: one person in one chat sending messages, photos,
// documents and button taps, and reading what the bot showed them.

export const BOT_ID = 7_000_000_001;

export interface Button {
  text: string;
  data?: string;
  url?: string;
}

export interface BotMessage {
  messageId: number;
  chatId: string;
  text: string;
  buttons: Button[][];
}

/** A person's standing in a group, as getChatMember reports it. */
export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'left';

/** Telegram's sender of messages posted as the group itself (an anonymous group administrator). */
export const GROUP_ANONYMOUS_BOT = {
  id: 1_087_968_824,
  is_bot: true,
  first_name: 'Group',
  username: 'GroupAnonymousBot',
};
/** Telegram's sender of messages posted in a group on behalf of a channel. */
export const CHANNEL_BOT = { id: 136_817_688, is_bot: true, first_name: 'Channel', username: 'Channel_Bot' };

export interface ChatOptions {
  chatId: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  userId: number;
  firstName?: string;
  username?: string;
  /** In a group: what getChatMember answers for this person (a plain 'member' when not given). */
  memberStatus?: ChatMemberStatus;
}

/** What a chat needs from the emulator. */
export interface EmulatorPort {
  addUserUpdate(kind: 'message' | 'callback', body: Record<string, any>): Promise<Record<string, any>>;
  deliver(update: Record<string, any>): Promise<void>;
  reserveUpdateId(): number;
  messagesIn(chatId: number | string): BotMessage[];
  callsOf(method: string): { method: string; params: Record<string, any> }[];
}

/** One person in one chat: what they send and what the bot showed them. */
export class EmulatedChat {
  private messageDate = Math.floor(Date.now() / 1000);
  constructor(
    private readonly emu: EmulatorPort,
    readonly o: ChatOptions,
  ) {}

  get from() {
    return { id: this.o.userId, is_bot: false, first_name: this.o.firstName ?? 'Lan', username: this.o.username };
  }

  get chatObject() {
    return this.o.type === 'private'
      ? { id: this.o.chatId, type: 'private', first_name: this.o.firstName ?? 'Lan' }
      : { id: this.o.chatId, type: this.o.type, title: this.o.title ?? 'Nhóm Khối thi đua' };
  }

  /** Builds a user update without delivering it (for webhook tests through app.request). */
  async build(body: Record<string, any>): Promise<Record<string, any>> {
    return this.emu.addUserUpdate('message', {
      from: this.from,
      chat: this.chatObject,
      date: this.messageDate++,
      ...body,
    });
  }

  /** Sends text; a leading /command gets its bot_command entity as Telegram sets it. */
  async send(text: string): Promise<number> {
    return this.deliver(await this.build({ text, entities: commandEntities(text) }));
  }

  async sendPhoto(photo: {
    fileId: string;
    fileUniqueId: string;
    fileSize?: number;
    caption?: string;
  }): Promise<number> {
    const sizes = [90, 320, 1280].map((w, i) => ({
      file_id: `${photo.fileId}_${i}`,
      file_unique_id: `${photo.fileUniqueId}_${i}`,
      width: w,
      height: Math.round(w * 0.75),
      file_size: Math.round((photo.fileSize ?? 120_000) / (3 - i) / (3 - i)),
    }));
    sizes[2] = {
      ...sizes[2]!,
      file_id: photo.fileId,
      file_unique_id: photo.fileUniqueId,
      file_size: photo.fileSize ?? 120_000,
    };
    return this.deliver(await this.build({ photo: sizes, caption: photo.caption }));
  }

  async sendDocument(doc: {
    fileId: string;
    fileUniqueId: string;
    fileName: string;
    mimeType: string;
    fileSize: number;
  }): Promise<number> {
    const document = {
      file_id: doc.fileId,
      file_unique_id: doc.fileUniqueId,
      file_name: doc.fileName,
      mime_type: doc.mimeType,
      file_size: doc.fileSize,
    };
    return this.deliver(await this.build({ document }));
  }

  /** The bot's own membership in this chat changed (added, removed, banned). */
  async botStatusChanged(from: 'member' | 'left' | 'kicked', to: 'member' | 'left' | 'kicked'): Promise<number> {
    const bot = { id: BOT_ID, is_bot: true, first_name: 'Khối thi đua' };
    const member = (status: string) =>
      status === 'kicked' ? { status, until_date: 0, user: bot } : { status, user: bot };
    return this.deliver({
      update_id: this.emu.reserveUpdateId(),
      my_chat_member: {
        chat: this.chatObject,
        from: this.from,
        date: this.messageDate++,
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    });
  }

  /**
   * Sends text in this group on behalf of a chat, as Telegram shows it: the group itself (an
   * anonymous administrator) or a channel (a person posting as their channel, or the linked
   * channel's automatic forward).
   */
  async sendAs(text: string, as: 'group' | { channelId: number; title: string }): Promise<number> {
    const senderChat = as === 'group' ? this.chatObject : { id: as.channelId, type: 'channel', title: as.title };
    const update = await this.emu.addUserUpdate('message', {
      from: as === 'group' ? GROUP_ANONYMOUS_BOT : CHANNEL_BOT,
      sender_chat: senderChat,
      chat: this.chatObject,
      date: this.messageDate++,
      text,
      entities: commandEntities(text),
    });
    return this.deliver(update);
  }

  /** Sends any other message (a sticker, a location, a service message). */
  async sendRaw(body: Record<string, any>): Promise<number> {
    return this.deliver(await this.build(body));
  }

  /** Taps the button with this label on the newest bot message that shows it. */
  async tap(label: string | RegExp, onMessage?: BotMessage): Promise<number> {
    const candidates = onMessage ? [onMessage] : [...this.messages()].reverse();
    for (const m of candidates) {
      const button = m.buttons.flat().find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
      if (button?.data) return this.tapData(button.data, m);
    }
    throw new Error(
      `no button "${String(label)}" in chat ${this.o.chatId}; buttons: ${JSON.stringify(this.lastMessage().buttons)}`,
    );
  }

  /** Sends a callback query with this data from the given bot message. */
  async tapData(data: string, m: BotMessage): Promise<number> {
    const message = {
      message_id: m.messageId,
      from: { id: BOT_ID, is_bot: true, first_name: 'Khối thi đua' },
      chat: this.chatObject,
      date: this.messageDate,
      text: m.text,
    };
    return this.deliver(await this.emu.addUserUpdate('callback', { from: this.from, message, data }));
  }

  async deliver(update: Record<string, any>): Promise<number> {
    await this.emu.deliver(update);
    return update.update_id;
  }

  messages(): BotMessage[] {
    return this.emu.messagesIn(this.o.chatId);
  }

  lastMessage(): BotMessage {
    const m = this.messages().at(-1);
    if (!m) throw new Error(`the bot sent nothing to chat ${this.o.chatId}`);
    return m;
  }

  lastText(): string {
    return this.lastMessage().text;
  }

  /** Texts of the messages the bot sent since `mark` (a count from messages().length). */
  textsSince(mark: number): string[] {
    return this.messages()
      .slice(mark)
      .map((m) => m.text);
  }

  /** Texts of the callback answers (toasts) the bot gave this user. */
  callbackAnswers(): string[] {
    return this.emu.callsOf('answerCallbackQuery').map((c) => String(c.params.text ?? ''));
  }
}

/** The bot_command entity Telegram sets on a text that starts with /command. */
function commandEntities(text: string): { type: string; offset: number; length: number }[] | undefined {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
}

// A Zalo update as the bot reads it (docs/zalo.md): one message, in either shape the sources show
// ({ event_name, message } or { ok, result: { … } }); ids are strings, date in milliseconds.

export interface ZaloMessage {
  messageId: string;
  date: number;
  chatId: string;
  chatType: 'PRIVATE' | 'GROUP';
  userId: string;
  name: string | null;
  text: string | null;
  /** The URL of a photo the person sent. */
  photo: string | null;
  caption: string | null;
  /** Anything else: a sticker, a file the bot does not take. */
  other: boolean;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;

/** The message an update carries, or null when it carries none the bot can read. */
export function parseZaloUpdate(body: unknown): ZaloMessage | null {
  if (!body || typeof body !== 'object') return null;
  const outer = body as Record<string, unknown>;
  const inner = (outer.result && typeof outer.result === 'object' ? outer.result : outer) as Record<string, unknown>;
  const m = inner.message as Record<string, unknown> | undefined;
  if (!m || typeof m !== 'object') return null;
  const chat = (m.chat ?? {}) as Record<string, unknown>;
  const from = (m.from ?? {}) as Record<string, unknown>;
  const messageId = str(m.message_id);
  const chatId = str(chat.id) ?? str(from.id);
  const userId = str(from.id) ?? chatId;
  if (!messageId || !chatId || !userId) return null;
  const photo = str(m.photo) ?? str(m.photo_url);
  const text = str(m.text);
  return {
    messageId,
    date: typeof m.date === 'number' ? m.date : Number(m.date ?? 0),
    chatId,
    chatType: String(chat.chat_type ?? 'PRIVATE').toUpperCase() === 'GROUP' ? 'GROUP' : 'PRIVATE',
    userId,
    name: str(from.display_name) ?? str(from.first_name),
    text: text === null ? null : text.normalize('NFC'),
    photo,
    caption: str(m.caption)?.normalize('NFC') ?? null,
    other: text === null && photo === null,
  };
}

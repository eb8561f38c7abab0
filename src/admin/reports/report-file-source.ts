// Where the admin reads back a report's photo or document that came through a chat channel: the
// attachment keeps the channel's reference to the file, and the source fetches it by that. The
// admin depends on this interface, not on a channel; main.ts gives it Telegram's
// (src/bot/telegram/telegram-files.ts).

export type ReportFileResult =
  | { ok: true; body: ReadableStream<Uint8Array>; size: number | null }
  /** not_found: the channel does not know the file (any more); too_big: over maxBytes; unavailable: the channel could not be reached or failed. */
  | { ok: false; reason: 'not_found' | 'too_big' | 'unavailable'; detail: string };

export interface ReportFileSource {
  /** The largest file the source can fetch (Telegram gives bots 20 MB): a bigger one is not asked for. */
  maxBytes: number;
  /** The file's bytes, streamed, by the channel's reference to it. */
  fetchFile(fileRef: string): Promise<ReportFileResult>;
}

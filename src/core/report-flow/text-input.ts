import { normalizeText } from '../normalize.js';
import type { FlowError } from './types.js';

/**
 * Longest free text kept per field (results, difficulties, proposals). Telegram allows 4096
 * characters per message; 2000 keeps a report readable in digests and documents.
 */
export const MAX_TEXT_LENGTH = 2000;

/** Longest caption kept for a piece of evidence (Telegram's own caption limit). */
export const MAX_CAPTION_LENGTH = 1024;

export type TextParse = { ok: true; text: string } | { ok: false; error: FlowError };

/** Normalises typed free text to NFC and checks its length in characters (code points). */
export function parseFreeText(input: string): TextParse {
  const text = normalizeText(input);
  if (text === '') return { ok: false, error: { code: 'empty_text' } };
  const length = [...text].length;
  if (length > MAX_TEXT_LENGTH) return { ok: false, error: { code: 'text_too_long', max: MAX_TEXT_LENGTH, length } };
  return { ok: true, text };
}

/** A caption normalised and cut to MAX_CAPTION_LENGTH characters, or null when empty. */
export function normalizeCaption(input: string | undefined | null): string | null {
  if (!input) return null;
  const text = normalizeText(input);
  if (text === '') return null;
  return [...text].slice(0, MAX_CAPTION_LENGTH).join('');
}

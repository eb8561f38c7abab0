// Normalisation of free text typed by users before it is stored or compared.

// Zero-width and invisible format characters (ZWSP, ZWNJ, LRM/RLM, bidi embeddings and
// isolates, word joiner, invisible operators, BOM, soft hyphen). ZWJ is handled separately.
const INVISIBLE_RE = /[\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// A zero-width joiner is kept only inside an emoji sequence (e.g. 👨‍👩‍👧), where it is meaningful.
const STRAY_ZWJ_RE = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
// C0 and C1 control characters other than tab and newline (tab becomes a space below).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Spaces and tabs, including no-break and typographic spaces.
const SPACE_RUN_RE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * NFC text with invisible and control characters removed, runs of spaces/tabs collapsed to
 * one space, spaces around line breaks removed, line breaks (\r\n, \r, U+2028/9) made '\n',
 * and the whole trimmed. Line breaks themselves are kept.
 */
export function normalizeText(s: string): string {
  // NFC last, so that removing an invisible character between a letter and its combining
  // mark still yields the composed letter.
  return s
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE_RE, '')
    .replace(STRAY_ZWJ_RE, '')
    .replace(CONTROL_RE, '')
    .replace(SPACE_RUN_RE, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim()
    .normalize('NFC');
}

// What a person typed to the Zalo bot, read as a command or a choice. Zalo has no buttons, so
// every choice is typed: a command with or without its slash, a word with or without its accents,
// or a number from the list the bot showed. Pure.
import { COMMANDS } from '../typed-commands.js';

/** Lower case, accents and đ removed, spaces squeezed: 'Bỏ  qua' → 'bo qua'. */
export function plainWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export type Command = { name: keyof typeof COMMANDS; argument: string };

const BY_WORD = new Map<string, keyof typeof COMMANDS>(
  Object.entries(COMMANDS).map(([name, word]) => [word, name as keyof typeof COMMANDS]),
);

/**
 * A command, or null for anything else. A message starting with '/' is a command ('/baocao',
 * '/khongmoi 2026-W48', '/start CODE', '/chuyen ky'). Without its slash, only a message that is
 * exactly a command word ('baocao', 'báo cáo', 'hủy') is one, and never while a free answer (a
 * figure or a text) is expected: then plain text is the answer, so "Huy động được 500 triệu đồng"
 * or "Start-up..." is never taken for /huy or /start (the words the step offers, such as 'hủy',
 * are read by the step's own choices).
 */
export function readCommand(text: string, freeAnswerExpected = false): Command | null {
  const plain = plainWords(text);
  if (!plain.startsWith('/')) {
    if (freeAnswerExpected) return null;
    const bare = BY_WORD.get(plain.replace(/ /g, ''));
    return bare ? { name: bare, argument: '' } : null;
  }
  // A command typed as the words it is made of ('/chuyển kỳ') is that command.
  const whole = BY_WORD.get(plain.slice(1).replace(/ /g, ''));
  if (whole) return { name: whole, argument: '' };
  const m = /^\/([a-z]+)(?:\s+(\S.*))?$/.exec(plain);
  if (!m) return null;
  const name = BY_WORD.get(m[1]!);
  if (!name) return null;
  // The argument keeps its case (an invite code, a period key).
  const argument = text.trim().replace(/^\/\S+\s*/, '');
  return { name, argument };
}

/** A typed word standing for a choice: 'giữ nguyên' → 'giunguyen'. */
export function choiceWord(text: string): string {
  return plainWords(text).replace(/^\//, '').replace(/ /g, '');
}

/** The number typed, when the whole answer is one small number ('2', '2.'). */
export function choiceNumber(text: string): number | null {
  const m = /^(\d{1,2})\.?$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

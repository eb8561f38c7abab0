// E-mail addresses as the product stores and compares them, and the sender's "Name <address>".
// Deliberately stricter than RFC 5322: an official address (ten@donvi.soctrang.gov.vn) passes;
// quoted local parts, comments, IP literals and anything with a line break or an angle bracket do
// not, so an address can never carry a header of its own into a message. Pure.

import { normalizeText } from './normalize.js';

export type EmailAddressProblem = 'empty' | 'shape' | 'tooLong' | 'domain';

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The address in its stored form (trimmed, lower case), or why it is not one. */
export function parseEmailAddress(
  input: string,
): { ok: true; address: string } | { ok: false; problem: EmailAddressProblem } {
  const s = normalizeText(input).trim();
  if (s === '') return { ok: false, problem: 'empty' };
  if (s.length > 254) return { ok: false, problem: 'tooLong' };
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return { ok: false, problem: 'shape' };
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return { ok: false, problem: 'shape' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,63}$/.test(labels.at(-1)!))
    return { ok: false, problem: 'domain' };
  return { ok: true, address: `${local.toLowerCase()}@${domain}` };
}

/** A mailbox with a display name, as MAIL_FROM gives it: '"Văn phòng Khối thi đua số 6" <khoi6@soctrang.gov.vn>'. */
export interface Mailbox {
  name: string;
  address: string;
}

/** 'Name <address>' (the name may be in double quotes) or a bare address; null when it is neither. */
export function parseMailbox(input: string): Mailbox | null {
  const s = normalizeText(input).trim();
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(s);
  const name = m ? m[1]!.replace(/^"(.*)"$/, '$1').trim() : '';
  const address = parseEmailAddress(m ? m[2]! : s);
  // A display name goes into a header: no line breaks, control characters, quotes or brackets.
  if (!address.ok || /[\p{Cc}"<>\\]/u.test(name)) return null;
  return { name, address: address.address };
}

// `--bloc` of every command: a bloc's id (as `bloc list` and the admin show it) or its exact name.
// Digits always mean the id: "6" in "Khối thi đua số 6" is the bloc's number in the province, not
// its id, and reading it both ways would pick a different bloc depending on the data.

import type { Db } from '../db/connection.js';
import { type Bloc, listBlocsById } from '../db/blocs.js';
import { CliError } from './context.js';
import { blocOptionText as m } from './messages.js';

function normalizeName(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** The bloc `--bloc` names, or a CliError saying how to find the right value. */
export async function resolveBlocOption(db: Db, value: string | undefined): Promise<Bloc> {
  if (value === undefined || value === 'true' || value.trim() === '') throw new CliError(m.missing);
  const blocs = await listBlocsById(db);
  const given = value.trim();
  if (/^\d+$/.test(given)) {
    const id = Number(given);
    const bloc = blocs.find((b) => b.id === id);
    if (bloc) return bloc;
    // The README once said `--bloc 6` for "Khối thi đua số 6": point from its number to its id.
    const numbered = blocs.filter((b) => new RegExp(`\\bsố\\s+0*${id}$`, 'iu').test(b.name.normalize('NFC').trim()));
    throw new CliError(m.noId(id, numbered));
  }
  const matches = blocs.filter((b) => normalizeName(b.name) === normalizeName(given));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new CliError(m.ambiguous(given, matches));
  throw new CliError(m.noName(given));
}

// Splitting a text message under a messenger's length limit (Telegram's 4096, Zalo's 2,000
// characters): between sections where possible, else between lines, inside a line only when the
// line alone is too long; several parts are numbered '(Phần 1/3)' (decision 0032). Deterministic,
// as the outbox's parts require (decision 0090).

/** Breaks one over-long line at spaces (or anywhere, if it has none) into pieces of at most `limit`. */
function breakLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf(' ', limit);
    const at = cut > limit / 2 ? cut : limit;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/** Packs pieces greedily, joining with `sep`, into chunks of at most `limit` characters. */
function pack(pieces: string[], sep: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const p of pieces) {
    const next = current === '' ? p : `${current}${sep}${p}`;
    if (next.length <= limit) current = next;
    else {
      if (current !== '') chunks.push(current);
      current = p;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitWithin(sections: string[], limit: number): string[] {
  const pieces = sections.flatMap((section) => {
    if (section.length <= limit) return [section];
    const lines = section.split('\n').flatMap((l) => breakLine(l, limit));
    return pack(lines, '\n', limit);
  });
  return pack(pieces, '\n\n', limit);
}

/**
 * The texts to send for sections meant to be joined by a blank line: the whole text when it fits
 * `limit`, else numbered parts each within it.
 */
export function splitSections(sections: string[], limit: number): string[] {
  const whole = sections.join('\n\n');
  if (whole.length <= limit) return [whole];
  const header = (i: number, n: number) => `(Phần ${i}/${n})\n`;
  // Room for the longest header this split could need.
  const room = limit - header(999, 999).length;
  const parts = splitWithin(sections, room);
  return parts.map((p, i) => `${header(i + 1, parts.length)}${p}`);
}

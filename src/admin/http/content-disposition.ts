// Content-Disposition with a file's real (Vietnamese) name: an ASCII fallback for old clients
// and the UTF-8 name encoded as RFC 5987 / RFC 6266 describe.

/** RFC 5987 ext-value characters: encodeURIComponent leaves ' ( ) * unencoded, they must be too. */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The name without diacritics, quotes, slashes or control characters, for `filename="…"`. */
function asciiFallback(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ -]+/g, '_')
    .trim();
  return plain === '' || /^[._]+$/.test(plain) ? 'tep' : plain.slice(0, 150);
}

/** `inline` or `attachment`, with the file name in both forms. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  // A stored name could hold a path or line breaks: keep only its last segment, on one line.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const name = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'tep';
  return `${kind}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

// A plain-text table for the terminal: columns padded to their widest cell.

/** Width as a terminal shows it: one column per character (Vietnamese letters are precomposed in NFC). */
function width(s: string): number {
  return [...s.normalize('NFC')].length;
}

/** The table's lines: header, a rule, then one line per row; trailing spaces trimmed. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.normalize('NFC') + ' '.repeat(widths[i]! - width(c)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

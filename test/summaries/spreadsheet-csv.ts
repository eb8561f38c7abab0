// Reads CSV text the way a spreadsheet opening it does, with the list separator it is set to
// (',' or, in Vietnamese Excel, ';'): a quote is honoured only where it opens a cell, a quoted
// cell may go on after its closing quote (lenient, as Excel and LibreOffice are), and a line
// break outside quotes ends the row. Used to check exports against formula injection.

export function readAsSpreadsheet(text: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let atCellStart = true;
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === separator) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** A cell a spreadsheet would run as a formula, also after dropping leading spaces and quotes. */
export function looksLikeFormula(cell: string): boolean {
  if (/^-?\d+(\.\d+)?$/.test(cell)) return false; // a plain number is read as a number
  return /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);
}

// Formula injection ("CSV injection", OWASP): a spreadsheet runs a cell starting with = + - @ (or
// their fullwidth forms, which Excel folds to them), and may drop a leading tab or CR first.
// Quoting alone does not protect a CSV: a spreadsheet that splits on another separator than the
// one the file was written with (Vietnamese Excel splits a comma file on ';') ignores quotes that
// do not open its cell, so any text after a ',', ';', tab or line break inside a field can start a
// cell of its own. Every such place gets an apostrophe before the formula character, so no
// reading of the file can make a formula of user text (docs/decisions/0034-csv-export.md).

/**
 * A formula character at the start of the text or of any piece a spreadsheet could split off
 * (after a separator or a line break), past the spaces and quotes a lenient reader skips. The
 * spaces exclude tab, CR and LF: those are separators, and the piece after them is checked itself.
 */
const FORMULA_START = /(^|[,;\t\r\n])((?:[^\S\t\r\n]|")*)([=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * The text with an apostrophe opening every piece that could start a formula, so that piece
 * reads as text in any spreadsheet, whichever separator it splits on.
 */
export function defuseFormulas(text: string): string {
  const defused = text.replace(FORMULA_START, "$1'$2$3");
  // A leading tab or CR is dropped by some readers before they look for a formula (OWASP).
  return /^[\t\r]/.test(defused) ? `'${defused}` : defused;
}

// Small builders over the `docx` package for a Vietnamese administrative document:
// Times New Roman, 13 pt body, A4 with the margins of Nghị định 30/2020/NĐ-CP.

import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

export const FONT = 'Times New Roman';
/** Half-points: 13 pt body text. */
export const BODY_SIZE = 26;
/** A4 in twips, and margins: top/bottom 2 cm, left 3 cm, right 1.5 cm. */
export const PAGE = { width: 11906, height: 16838, margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } };
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** Half-points. */
  size?: number;
}

export function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? {} : undefined,
    size: s.size,
  });
}

export interface ParaStyle extends RunStyle {
  align?: Align;
  /** First-line indent in twips (body paragraphs are indented 1 cm). */
  indent?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

/** A paragraph of one run (or of the given runs). */
export function para(content: string | ParagraphChild[], s: ParaStyle = {}): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? [run(content, s)] : content,
    alignment: s.align ?? AlignmentType.JUSTIFIED,
    indent: s.indent ? { firstLine: s.indent } : undefined,
    spacing: { before: s.before ?? 0, after: s.after ?? 60, line: 276 },
    keepNext: s.keepNext,
  });
}

/** A body paragraph: justified, first line indented 1 cm. */
export function body(content: string | ParagraphChild[], s: ParaStyle = {}): Paragraph {
  return para(content, { indent: 567, ...s });
}

/** A numbered section heading ('I. Kết quả …'): bold, kept with what follows. */
export function heading(text: string): Paragraph {
  return para(text, { bold: true, before: 160, after: 80, keepNext: true, indent: 567 });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THIN_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

export interface CellSpec {
  lines: (string | { text: string; style?: RunStyle })[];
  align?: Align;
  style?: RunStyle;
  span?: number;
}

type CellAlign = (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];

function cell(spec: CellSpec, width: number, defaults: RunStyle, valign: CellAlign): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.span,
    verticalAlign: valign,
    margins: { top: 30, bottom: 30, left: 50, right: 50 },
    children: spec.lines.map((l) => {
      const line = typeof l === 'string' ? { text: l, style: {} } : l;
      return new Paragraph({
        alignment: spec.align ?? AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: [run(line.text, { ...defaults, ...spec.style, ...line.style })],
      });
    }),
  });
}

/** A table with fixed column widths (twips); `bordered` for data tables, borderless for layout. */
export function table(
  rows: CellSpec[][],
  widths: number[],
  opts: { bordered: boolean; size?: number; headerRows?: number; top?: boolean; indent?: number },
): Table {
  const defaults: RunStyle = { size: opts.size };
  const valign = opts.top ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER;
  return new Table({
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    indent: opts.indent ? { size: opts.indent, type: WidthType.DXA } : undefined,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: opts.bordered ? THIN_BORDERS : NO_BORDERS,
    rows: rows.map((cells, r) => {
      let col = 0;
      return new TableRow({
        tableHeader: r < (opts.headerRows ?? 0),
        cantSplit: true,
        children: cells.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(col, col + span).reduce((a, w) => a + w, 0);
          col += span;
          return cell(c, width, defaults, valign);
        }),
      });
    }),
  });
}

// The frame of the report: the two-column header (issuing bloc | national motto), number, place
// and date, title, and the chair unit's signature block with the recipients list.

import { AlignmentType, type Paragraph, type Table } from 'docx';
import type { BlocSummary } from '../bloc-summary.js';
import { summaryTitles } from '../../core/summary-text.js';
import { documentDateLine, documentText as t } from '../messages.js';
import { para, table, TEXT_WIDTH } from './primitives.js';

// The header spans 1 cm into the 3 cm left margin, as printed reports usually do, so that the
// national name fits on one line.
const OUTDENT = 567;
const LEFT = 3700;
const RIGHT = TEXT_WIDTH + OUTDENT - LEFT;

/** 'KTĐ6' for 'Khối thi đua số 6', as used in the document number. */
export function blocCode(blocName: string): string {
  const n = /số\s*(\d+)/i.exec(blocName)?.[1];
  return `KTĐ${n ?? ''}`;
}

export function header(s: BlocSummary, date: string): (Paragraph | Table)[] {
  const chairName = s.chair?.name ?? '';
  const grid = table(
    [
      [
        { lines: [{ text: s.bloc.name.toUpperCase(), style: { bold: true } }, ...(chairName ? [chairName] : [])] },
        {
          lines: [
            { text: t.nation, style: { bold: true, size: 24 } },
            { text: t.motto, style: { bold: true, underline: true } },
          ],
        },
      ],
      [{ lines: [' ', t.number(blocCode(s.bloc.name))] }, { lines: [' '] }],
    ],
    [LEFT, RIGHT],
    { bordered: false, top: true, indent: -OUTDENT },
  );
  return [
    grid,
    para(documentDateLine(s.bloc.province, date), {
      italics: true,
      align: AlignmentType.RIGHT,
      before: 120,
      after: 240,
    }),
    para(t.reportWord, { bold: true, align: AlignmentType.CENTER, after: 0 }),
    para(summaryTitles[s.kind](s.year), { bold: true, align: AlignmentType.CENTER, after: 360 }),
  ];
}

export function signature(s: BlocSummary): (Paragraph | Table)[] {
  const [title, ...items] = t.recipients;
  return [
    para(' ', { after: 120 }),
    table(
      [
        [
          {
            align: AlignmentType.LEFT,
            lines: [
              { text: title!, style: { bold: true, italics: true, size: 24 } },
              ...items.map((i) => ({ text: i, style: { size: 22 } })),
            ],
          },
          {
            lines: [
              { text: t.signFor(s.bloc.name), style: { bold: true } },
              { text: t.chairTitle, style: { bold: true } },
              ' ',
              ' ',
              ' ',
              { text: s.chair?.name ?? '', style: { bold: true } },
            ],
          },
        ],
      ],
      [LEFT + 500, RIGHT - 500],
      { bordered: false, top: true, indent: -OUTDENT },
    ),
  ];
}

// The mid-year or annual summary as a Word document in the layout of a Vietnamese administrative
// report (Nghị định 30/2020/NĐ-CP): Times New Roman 13 pt on A4.

import { Document, Packer } from 'docx';
import type { BlocSummary } from '../bloc-summary.js';
import { summaryTitles } from '../../core/summary-text.js';
import { header, signature } from './frame.js';
import { BODY_SIZE, FONT, PAGE } from './primitives.js';
import { proposalSection, ratesSection, resultsSection, scoresSection } from './sections.js';

export interface ReportDocxOptions {
  /** Date printed in the place-and-date line, 'YYYY-MM-DD'. */
  date: string;
  /** How many units after the leader(s) to propose for a certificate of merit (annual only). */
  meritCount?: number;
}

/** Renders the summary as a .docx file. */
export async function summaryReportDocx(s: BlocSummary, opts: ReportDocxOptions): Promise<Buffer> {
  const doc = new Document({
    creator: s.chair?.name ?? s.bloc.name,
    title: `${summaryTitles[s.kind](s.year)} - ${s.bloc.name}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        children: [
          ...header(s, opts.date),
          ...resultsSection(s),
          ...ratesSection(s),
          ...scoresSection(s),
          ...(s.kind === 'annual' ? proposalSection(s, opts.meritCount ?? 2) : []),
          ...signature(s),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

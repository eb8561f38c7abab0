import { type Context, Hono } from 'hono';
import { localDateOf } from '../../core/time.js';
import { reportsOfYear } from '../../db/figures.js';
import type { SummaryKind } from '../../core/digest-schedule.js';
import { type BlocSummary, computeBlocSummary, SummaryError } from '../../summaries/bloc-summary.js';
import { reportsCsv } from '../../summaries/csv/reports-csv.js';
import { summaryReportDocx } from '../../summaries/docx/summary-report.js';
import { summaryWorkbook } from '../../summaries/xlsx/summary-workbook.js';
import type { AdminEnv } from '../env.js';
import { downloadsText as t } from '../messages.js';
import { SummaryTabs } from '../scoring/summary-tabs.js';
import { Busy } from '../ui/forms.js';

const FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

function thisYear(c: Context<AdminEnv>): number {
  const { now, timeZone } = c.get('deps');
  return Number(localDateOf(now(), timeZone).slice(0, 4));
}

function DownloadsPage(props: { blocId: number; year: number; error?: string }) {
  const years = [props.year, props.year - 1, props.year - 2];
  return (
    <>
      <SummaryTabs blocId={props.blocId} current="downloads" />
      <h1>{t.title}</h1>
      <section class="card">
        <p>{t.intro}</p>
        {props.error ? (
          <div class="alert error" role="alert">
            {props.error}
          </div>
        ) : null}
        <form
          method="get"
          action={`/blocs/${props.blocId}/downloads/file`}
          data-download=""
          data-busy-text={t.preparing}
        >
          <div class="inline-fields">
            <div class="field">
              <label for="d-kind">{t.kind}</label>
              <select id="d-kind" name="kind">
                <option value="annual">{t.kinds.annual}</option>
                <option value="mid_year">{t.kinds.mid_year}</option>
              </select>
            </div>
            <div class="field">
              <label for="d-year">{t.year}</label>
              <select id="d-year" name="year">
                {years.map((y) => (
                  <option value={String(y)}>{y}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="d-format">{t.format}</label>
              <select id="d-format" name="format">
                {(Object.keys(FORMATS) as Format[]).map((f) => (
                  <option value={f}>{t.formats[f]}</option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit">{t.download}</button>
          <Busy text={t.preparing} />
        </form>
      </section>
    </>
  );
}

/** An ASCII file name: "tong-ket-2026-khoi-6.docx". */
function fileName(blocId: number, kind: SummaryKind, year: number, format: Format): string {
  return `${kind === 'annual' ? 'tong-ket' : 'so-ket-6-thang'}-${year}-khoi-${blocId}.${format}`;
}

/** /blocs/:blocId/downloads: the mid-year and annual summaries as .docx, .xlsx and .csv (src/summaries). */
export function downloadRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', (c) =>
    c.render(<DownloadsPage blocId={c.get('bloc').id} year={thisYear(c)} />, {
      title: `${t.title} · ${c.get('bloc').name}`,
    }),
  );

  app.get('/file', async (c) => {
    const bloc = c.get('bloc');
    const { db, now, timeZone } = c.get('deps');
    const kind: SummaryKind = c.req.query('kind') === 'mid_year' ? 'mid_year' : 'annual';
    const q = Number(c.req.query('year'));
    const year = Number.isInteger(q) && q >= 2000 && q <= 2100 ? q : thisYear(c);
    const fq = c.req.query('format');
    const format: Format = fq === 'xlsx' || fq === 'csv' ? fq : 'docx';
    const at = now();
    let summary: BlocSummary;
    try {
      summary = await computeBlocSummary(db, bloc.id, { kind, year, asOf: at, timeZone });
    } catch (error) {
      if (!(error instanceof SummaryError)) throw error;
      c.status(422);
      return c.render(<DownloadsPage blocId={bloc.id} year={thisYear(c)} error={error.message} />, { title: t.failed });
    }
    let body: Uint8Array | string;
    if (format === 'docx') body = new Uint8Array(await summaryReportDocx(summary, { date: localDateOf(at, timeZone) }));
    else if (format === 'xlsx')
      body = new Uint8Array(await summaryWorkbook(summary, await reportsOfYear(db, bloc, year, timeZone), timeZone));
    else body = reportsCsv(summary, await reportsOfYear(db, bloc, year, timeZone), timeZone);
    const name = fileName(bloc.id, kind, year, format);
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    c.header('Content-Type', FORMATS[format]);
    c.header('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${name}`);
    c.header('Content-Length', String(bytes.byteLength));
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });

  return app;
}

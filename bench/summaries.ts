// npm run bench:summaries — on a generated province of 20 blocs, 150 units and 10 years of weekly
// reports: time to compute one weekly digest, one annual summary and one .docx, and the database
// size. Targets on the reference machine: under 100 ms, 500 ms and 2 s. The last line is JSON.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { periodFromKey } from '../src/core/periods.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { computeBlocSummary } from '../src/summaries/bloc-summary.js';
import { summaryReportDocx } from '../src/summaries/docx/summary-report.js';
import { summaryWorkbook } from '../src/summaries/xlsx/summary-workbook.js';
import { getBloc } from '../src/db/blocs.js';
import { reportsOfYear } from '../src/db/figures.js';
import { computePeriodDigest } from '../src/summaries/period-digest.js';
import { generateProvince } from './generate-province.js';

const TZ = 'Asia/Ho_Chi_Minh';
const now = new Date('2026-01-12T01:00:00Z');

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

const round = (x: number) => Math.round(x * 10) / 10;

const dir = mkdtempSync(join(tmpdir(), 'ktd-bench-summaries-'));
const path = join(dir, 'province.sqlite');
const { db } = openDatabase(path);
try {
  await migrateToLatest(db);
  const [genMs, province] = await time(() =>
    generateProvince(db, { blocs: 20, units: 150, years: 10, lastYear: 2025 }),
  );
  console.log(
    `generated ${province.blocIds.length} blocs, ${province.unitIds.length} units, ${province.reports} weekly reports (${province.firstYear}–${province.lastYear}), ${province.values} values in ${round(genMs / 1000)} s`,
  );
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  const dbMb = statSync(path).size / 1024 / 1024;

  const week = periodFromKey('2025-W47');
  const digestMs: number[] = [];
  const summaryMs: number[] = [];
  // One warm-up each, so the figures are of a running server, not of module loading.
  await computePeriodDigest(db, province.blocIds[0]!, week, { timeZone: TZ, now });
  for (const blocId of province.blocIds) {
    digestMs.push((await time(() => computePeriodDigest(db, blocId, week, { timeZone: TZ, now })))[0]);
  }
  await computeBlocSummary(db, province.blocIds[0]!, { kind: 'annual', year: 2025, asOf: now, timeZone: TZ });
  let summary = await computeBlocSummary(db, province.blocIds[0]!, {
    kind: 'annual',
    year: 2025,
    asOf: now,
    timeZone: TZ,
  });
  for (const blocId of province.blocIds) {
    const [ms, s] = await time(() =>
      computeBlocSummary(db, blocId, { kind: 'annual', year: 2025, asOf: now, timeZone: TZ }),
    );
    summaryMs.push(ms);
    summary = s;
  }
  await summaryReportDocx(summary, { date: '2026-01-12' });
  const docxMs: number[] = [];
  for (let i = 0; i < 5; i++) docxMs.push((await time(() => summaryReportDocx(summary, { date: '2026-01-12' })))[0]);

  const lastBloc = (await getBloc(db, province.blocIds.at(-1)!))!;
  const [xlsxMs] = await time(async () => summaryWorkbook(summary, await reportsOfYear(db, lastBloc, 2025, TZ), TZ));

  const d = stats(digestMs);
  const a = stats(summaryMs);
  const x = stats(docxMs);
  console.log(
    `weekly digest (2025-W47, ${digestMs.length} blocs): median ${round(d.median)} ms, p95 ${round(d.p95)} ms, max ${round(d.max)} ms (target < 100 ms)`,
  );
  console.log(
    `annual summary 2025 (${summaryMs.length} blocs): median ${round(a.median)} ms, p95 ${round(a.p95)} ms, max ${round(a.max)} ms (target < 500 ms)`,
  );
  console.log(
    `.docx of one annual summary (${docxMs.length} runs): median ${round(x.median)} ms, max ${round(x.max)} ms (target < 2000 ms)`,
  );
  console.log(`.xlsx of the same summary with its ${summary.rates.bloc.received} reports: ${round(xlsxMs)} ms`);
  console.log(`database: ${round(dbMb)} MB`);
  console.log(
    JSON.stringify({
      weekly_digest_ms: round(d.median),
      annual_summary_ms: round(a.median),
      docx_ms: round(x.median),
      db_mb: round(dbMb),
    }),
  );
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}

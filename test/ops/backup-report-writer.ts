// A separate process that keeps submitting reports, the way the server's bot does, and prints the
// id of each report after its commit. Used by the backup-while-writing test.
// Usage: node --import tsx test/ops/backup-report-writer.ts DB BLOC_ID UNIT_IDS CRITERION_ID MAX
// Stops by itself after MAX reports (the test also ends it with SIGTERM).

import { openDatabase } from '../../src/db/connection.js';
import { submitReport } from '../../src/db/reports.js';

const [path, blocArg, unitsArg, criterionArg, maxArg] = process.argv.slice(2);
const blocId = Number(blocArg);
const unitIds = unitsArg!.split(',').map(Number);
const criterionId = Number(criterionArg);
const max = Number(maxArg);
const { db } = openDatabase(path!);

let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});

// Ten reports per transaction, as a busy morning would bring them; ids are printed after the commit.
const PER_COMMIT = 10;
for (let first = 0; first < max && !stopping; first += PER_COMMIT) {
  const ids = await db.transaction().execute(async (trx) => {
    const out: number[] = [];
    for (let i = first; i < Math.min(first + PER_COMMIT, max); i++) {
      // A distinct (unit, period) each time, so every submission is a new report.
      const unitId = unitIds[i % unitIds.length]!;
      const n = Math.floor(i / unitIds.length);
      const year = 2000 + Math.floor(n / 52);
      const week = String((n % 52) + 1).padStart(2, '0');
      const { reportId } = await submitReport(trx, {
        blocId,
        unitId,
        period: { kind: 'week', key: `${year}-W${week}`, start: `${year}-01-01`, end: `${year}-01-07` },
        isNil: false,
        values: [{ criterionId, value: i % 7 }],
        notableResults: `Báo cáo thử số ${i}`,
        difficulties: null,
        proposals: null,
        submittedBy: { system: 'backup-test-writer' },
        via: 'admin',
        at: new Date(Date.UTC(2026, 0, 1) + i * 1000),
      });
      out.push(reportId);
    }
    return out;
  });
  process.stdout.write(ids.map((id) => `${id}\n`).join(''));
  // Let the event loop run: SQLite calls are synchronous, and SIGTERM is only seen between turns.
  await new Promise((resolve) => setImmediate(resolve));
}
await db.destroy();

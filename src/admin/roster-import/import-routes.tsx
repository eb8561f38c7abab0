import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { normalizeText } from '../../core/normalize.js';
import {
  MAX_ROSTER_ROWS,
  planRosterImport,
  ROSTER_FIELD_MAX,
  ROSTER_TEMPLATE_HEADER,
  type RosterInputRow,
  readRosterTable,
  rosterCells,
} from '../../core/roster-import.js';
import { canEditBloc, currentAdmin, forbidden } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { applyChange } from '../http/change.js';
import { importText as t } from '../messages.js';
import { csvLine } from '../../summaries/csv/reports-csv.js';
import { applyRosterImport, changesAnything, countChanges, rosterSnapshot } from './apply.js';
import { PreviewPage, UploadPage } from './import-pages.js';
import { planFingerprint } from './plan-fingerprint.js';
import { readRosterFile } from './read-file.js';
import { today } from '../http/today.js';

const FIELDS = ['unitName', 'shortName', 'joinedOn', 'fullName', 'position', 'phone', 'role', 'email'] as const;

/**
 * The rows carried from the preview to the confirmation, read again like a new upload (each cell
 * through rosterCells, as readRosterTable reads the file). No limit here may be stricter than what
 * the preview can produce: a line number is any file line, and a cell is cut by rosterCell.
 */
const carriedRows = z
  .array(
    z.object({
      line: z.number().int().min(1),
      cells: z.partialRecord(z.enum(FIELDS), z.string()),
    }),
  )
  .min(1)
  .max(MAX_ROSTER_ROWS);

/**
 * The largest rows field a preview can produce: every cell at its cut length, each character
 * escaped by JSON at worst as \uXXXX, plus the keys. About 2 MB, so the form stays within the
 * admin's 5 MB request limit even percent-encoded.
 */
const MAX_CARRIED_CHARS =
  MAX_ROSTER_ROWS * (Object.values(ROSTER_FIELD_MAX).reduce((sum, max) => sum + (max + 1) * 6, 0) + 200);

const confirmForm = z.object({
  rows: z.string().max(MAX_CARRIED_CHARS),
  fileName: z.string().optional(),
  expected: z.string().max(200).optional(),
});

/** The file's name as the pages show it and the audit log keeps it, read the same way twice. */
function importFileName(raw: string): string {
  return normalizeText(raw).slice(0, 255) || 'tệp';
}

async function preview(
  c: Context<AdminEnv>,
  fileName: string,
  rows: RosterInputRow[],
  opts: { stale?: boolean; ignoredColumns?: string[] } = {},
) {
  const bloc = c.get('bloc');
  const plan = planRosterImport(rows, await rosterSnapshot(c.get('deps').db, bloc.id, today(c)));
  return c.render(
    <PreviewPage
      blocId={bloc.id}
      fileName={fileName}
      rows={rows}
      plan={plan}
      counts={countChanges(plan)}
      fingerprint={planFingerprint(plan)}
      ignoredColumns={opts.ignoredColumns}
      stale={opts.stale}
    />,
    {
      title: t.previewTitle(fileName),
    },
  );
}

function upload(c: Context<AdminEnv>, error?: string) {
  if (error) c.status(422);
  return c.render(<UploadPage blocId={c.get('bloc').id} error={error} />, { title: t.title });
}

/** /blocs/:blocId/import: roster import from .xlsx or .csv with a preview; nothing is written until confirmed. */
export function importRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', async (c, next) => {
    if (!canEditBloc(currentAdmin(c), c.get('bloc').id)) forbidden();
    await next();
  });

  app.get('/', (c) => upload(c));

  app.get('/template.csv', (c) => {
    const lines = [
      ROSTER_TEMPLATE_HEADER,
      [
        'Hội Nông dân tỉnh',
        'Hội Nông dân',
        '01/01/2024',
        'Nguyễn Văn A',
        'Chuyên viên Văn phòng',
        '0912 345 678',
        'đầu mối',
      ],
      [
        'Hội Nông dân tỉnh',
        'Hội Nông dân',
        '01/01/2024',
        'Trần Thị B',
        'Chánh Văn phòng',
        '0987 654 321',
        'thủ trưởng',
      ],
    ];
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="danh-sach-mau.csv"; filename*=UTF-8''danh-sach-mau.csv`);
    return c.body(`\uFEFF${lines.map(csvLine).join('\r\n')}\r\n`);
  });

  app.post('/preview', async (c) => {
    const body = await c.req.parseBody();
    const read = await readRosterFile(body.file);
    if (!read.ok) return upload(c, t[read.error]);
    const table = readRosterTable(read.table);
    if (!table.ok) return upload(c, t.fileErrors[table.error]);
    const file = body.file as File;
    return preview(c, importFileName(file.name), table.rows, { ignoredColumns: table.ignoredColumns });
  });

  app.post('/confirm', async (c) => {
    const form = confirmForm.safeParse(await c.req.parseBody());
    let rows: RosterInputRow[] | null = null;
    if (form.success) {
      try {
        const parsed = carriedRows.safeParse(JSON.parse(form.data.rows));
        if (parsed.success) rows = parsed.data.map((r) => ({ line: r.line, cells: rosterCells(r.cells) }));
      } catch {
        rows = null;
      }
    }
    if (!form.success || !rows) return upload(c, t.unreadable);
    const fileName = importFileName(form.data.fileName ?? '');
    const bloc = c.get('bloc');
    const admin = currentAdmin(c);
    const now = c.get('deps').now();
    const outcome = await applyChange(c, async (trx, audit) => {
      // Planned again inside the transaction, by the same function as the preview: written only
      // if it is the very plan the preview showed (the roster or the date may have changed).
      const plan = planRosterImport(rows, await rosterSnapshot(trx, bloc.id, today(c)));
      if (planFingerprint(plan) !== form.data.expected) return 'stale' as const;
      const counts = countChanges(plan);
      // The preview offers no confirmation then; a post anyway writes nothing, not even the log.
      if (!changesAnything(counts)) return 'nothing' as const;
      const written = await applyRosterImport(trx, plan, {
        blocId: bloc.id,
        createdBy: admin.username,
        now,
        linkSecret: c.get('deps').personalLinkSecret,
      });
      await audit({
        action: 'roster.import',
        entity: 'bloc',
        entityId: bloc.id,
        blocId: bloc.id,
        details: {
          fileName,
          ...counts,
          skippedLines: plan.filter((r) => r.errors.length > 0).map((r) => r.line),
          ...written,
        },
      });
      return 'written' as const;
    });
    if (outcome === 'stale') {
      c.status(409);
      return preview(c, fileName, rows, { stale: true });
    }
    if (outcome === 'nothing') {
      c.status(422);
      return preview(c, fileName, rows);
    }
    return c.redirect(`/blocs/${bloc.id}/units?ok=imported`, 303);
  });

  return app;
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Rows become domain types at the edge of src/db (issue 12, docs/decisions/0092): a converted db
// module exports its domain type and a toX(row) mapper, and nothing outside src/db and src/ops
// imports that module's row types (or table interfaces) from src/db/schema.ts. The sweep goes
// module by module; extend CONVERTED as each module is converted, so it cannot regress.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaFile = join(root, 'src/db/schema.ts');
/** Folders that may see rows: the database edge and the operator's tools. */
const ALLOWED = ['src/db', 'src/ops'];
/** Folders scanned: the code and its tests. */
const SCANNED = ['src', 'test'];

/** Each converted module of src/db (without '.ts'), with the names in schema.ts it owns. */
const CONVERTED: Record<string, readonly string[]> = {
  'admin-users': ['AdminUserRow', 'AdminUserTable'],
  'admin-sessions': ['AdminSessionTable'],
  'login-attempts': ['LoginAttemptTable'],
  'audit-log': ['AuditLogRow', 'AuditLogTable'],
  holidays: ['PublicHolidayRow', 'PublicHolidayTable'],
  'score-adjustments': ['ScoreAdjustmentRow', 'ScoreAdjustmentTable'],
  blocs: ['BlocRow', 'BlocTable'],
  units: ['UnitRow', 'UnitTable', 'BlocMembershipRow', 'BlocMembershipTable'],
  'bloc-years': ['BlocYearRow', 'BlocYearTable', 'RotationSlotTable'],
  covenant: ['CovenantCriterionRow', 'CovenantCriterionTable', 'CovenantTargetTable', 'CovenantSignatureTable'],
  'bloc-chats': ['BlocChatRow', 'BlocChatTable'],
  broadcasts: ['BroadcastRow', 'BroadcastTable'],
  'broadcast-audience': [],
  'job-runs': ['JobRunRow', 'JobRunTable'],
  'reminder-policies': ['ReminderPolicyRow', 'ReminderPolicyTable'],
  digests: ['DigestRow', 'DigestTable', 'DigestScheduleRow', 'DigestScheduleTable'],
  figures: [],
  'ops-facts': [],
  'focal-points': ['FocalPointRow', 'FocalPointTable'],
  'focal-point-admin': [],
  reports: ['ProgressReportRow', 'ProgressReportTable', 'ReportValueTable'],
  'report-revisions': ['ReportRevisionRow', 'ReportRevisionTable'],
  'report-browser': [],
  'web-uploads': [
    'ReportAttachmentRow',
    'ReportAttachmentTable',
    'AttachmentContentTable',
    'WebPendingUploadRow',
    'WebPendingUploadTable',
    'WebFormSubmissionTable',
  ],
  outbox: ['OutboxMessageRow', 'OutboxMessageTable'],
  'outbox-admin': [],
  'outbox-enqueue': [],
  'outbox-message-json': [],
  invites: ['InviteRow', 'InviteTable'],
  'personal-links': ['PersonalLinkRow', 'PersonalLinkTable'],
  'personal-link-admin': [],
  'contact-addresses': ['ContactAddressRow', 'ContactAddressTable'],
  conversations: ['BotConversationRow', 'BotConversationTable'],
  'processed-updates': ['BotProcessedUpdateTable'],
  'telegram-failures': [],
  'reminder-recipients': [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isSchema = (file: string, specifier: string) =>
  specifier.startsWith('.') && resolve(dirname(file), specifier).replace(/\.js$/, '.ts') === schemaFile;

// import { A, type B as C } from '…' and export { … } from '…' (type-only too).
const namedPattern = /\b(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g;
// import * as S from '…' (then S.Name) and import('…').Name in type positions.
const namespacePattern = /\bimport\s+(?:type\s+)?\*\s+as\s+(\w+)\s+from\s*['"]([^'"]+)['"]/g;
const inlinePattern = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)\s*\.\s*(\w+)/g;

/** The names a file takes from src/db/schema.ts. */
function schemaNamesImported(file: string, text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(namedPattern)) {
    if (!isSchema(file, m[2]!)) continue;
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!
        .trim();
      if (name) names.push(name);
    }
  }
  for (const m of text.matchAll(namespacePattern)) {
    if (!isSchema(file, m[2]!)) continue;
    for (const use of text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, 'g'))) names.push(use[1]!);
  }
  for (const m of text.matchAll(inlinePattern)) if (isSchema(file, m[1]!)) names.push(m[2]!);
  return names;
}

const forbidden = new Map(Object.entries(CONVERTED).flatMap(([mod, names]) => names.map((n) => [n, mod] as const)));

function violations(): string[] {
  return SCANNED.flatMap((dir) => sourceFiles(join(root, dir))).flatMap((file) => {
    const rel = relative(root, file).split(sep).join('/');
    if (ALLOWED.some((folder) => rel.startsWith(`${folder}/`))) return [];
    return schemaNamesImported(file, readFileSync(file, 'utf8'))
      .filter((name) => forbidden.has(name))
      .map((name) => `${rel} imports ${name} (converted: src/db/${forbidden.get(name)}.ts)`);
  });
}

describe('rows become domain types at the edge of src/db', () => {
  it('no file outside src/db and src/ops imports a converted module’s row types from schema.ts', () => {
    expect(violations()).toEqual([]);
  });

  it('every name in CONVERTED is exported by schema.ts, and every module exists', () => {
    const schema = readFileSync(schemaFile, 'utf8');
    for (const [mod, names] of Object.entries(CONVERTED)) {
      expect(readdirSync(join(root, 'src/db'))).toContain(`${mod}.ts`);
      for (const name of names) expect(schema).toMatch(new RegExp(`export (?:type|interface) ${name}\\b`));
    }
  });

  it('the check sees real imports (it is not vacuous)', () => {
    const holidays = join(root, 'src/db/holidays.ts');
    expect(schemaNamesImported(holidays, readFileSync(holidays, 'utf8'))).toContain('PublicHolidayRow');
    const outside = join(root, 'src/admin/x.tsx');
    expect(
      schemaNamesImported(
        outside,
        "import type {\n  Bloc,\n  type AdminUserRow as U,\n} from '../db/schema.js';\nimport * as S from '../db/schema.js';\nlet a: S.AuditLogRow;\nlet b: import('../db/schema.js').PublicHolidayRow;",
      ),
    ).toEqual(['Bloc', 'AdminUserRow', 'AuditLogRow', 'PublicHolidayRow']);
  });
});

// Reading a bloc's roster (units and focal points) from a spreadsheet's rows, and checking each
// row against the bloc as it is, before anything is written. Pure.

import { parseDateVi } from './date-input.js';
import { parseEmailAddress } from './email-address.js';
import { normalizeText } from './normalize.js';

/** The columns of a roster file. */
export type RosterField = 'unitName' | 'shortName' | 'joinedOn' | 'fullName' | 'position' | 'phone' | 'role' | 'email';

/** Accepted header texts per column, without diacritics, lower case. */
const HEADERS: Record<RosterField, string[]> = {
  unitName: ['don vi', 'ten don vi', 'don vi thanh vien'],
  shortName: ['ten viet tat', 'viet tat'],
  joinedOn: ['ngay tham gia', 'ngay tham gia khoi', 'ngay vao khoi'],
  fullName: ['can bo dau moi', 'ho va ten', 'ho ten', 'ho ten can bo dau moi'],
  position: ['chuc vu'],
  phone: ['so dien thoai', 'dien thoai', 'sdt'],
  role: ['vai tro'],
  email: ['thu dien tu', 'dia chi thu dien tu', 'email', 'e-mail', 'dia chi email', 'dia chi e-mail'],
};

/** The header line of the template file, in column order. */
export const ROSTER_TEMPLATE_HEADER = [
  'Đơn vị',
  'Tên viết tắt',
  'Ngày tham gia',
  'Cán bộ đầu mối',
  'Chức vụ',
  'Số điện thoại',
  'Vai trò',
  'Thư điện tử',
];

export const MAX_ROSTER_ROWS = 500;

/**
 * The most characters a cell may hold, per column. Longer is a row error: a too-long name or
 * position, or a date, phone or role that cannot be one.
 */
export const ROSTER_FIELD_MAX: Record<RosterField, number> = {
  unitName: 200,
  shortName: 60,
  joinedOn: 20,
  fullName: 120,
  position: 120,
  phone: 20,
  role: 40,
  email: 254,
};

/**
 * A cell as the import reads it, from the file and again from the rows the preview carries to the
 * confirmation: normalised, and a too-long cell cut one character past its column's limit, the
 * cut marked '…'. The cut keeps it too long (the same row error), while 500 carried rows stay
 * well within the admin's request size limit (docs/decisions/0079-roster-preview-is-the-import.md).
 */
export function rosterCell(field: RosterField, raw: string): string {
  const text = normalizeText(raw);
  const max = ROSTER_FIELD_MAX[field];
  if (text.length <= max) return text;
  // Never leave half of a surrogate pair (an emoji) at the cut.
  const cut = text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}

/** A row's cells read by rosterCell, empty ones left out, as readRosterTable does. */
export function rosterCells(raw: Partial<Record<RosterField, string>>): Partial<Record<RosterField, string>> {
  const cells: Partial<Record<RosterField, string>> = {};
  for (const [field, value] of Object.entries(raw) as [RosterField, string][]) {
    const v = rosterCell(field, value);
    if (v !== '') cells[field] = v;
  }
  return cells;
}

/** One data line of the file, text as typed (normalised), with its line number in the file. */
export interface RosterInputRow {
  line: number;
  cells: Partial<Record<RosterField, string>>;
}

export type RosterFileResult =
  /** ignoredColumns: the header texts of columns the import does not take, shown in the preview. */
  | { ok: true; rows: RosterInputRow[]; ignoredColumns: string[] }
  | { ok: false; error: 'empty' | 'no_unit_column' | 'too_many_rows' };

/** Lower case without diacritics (đ as d), for matching header texts and names loosely. */
export function foldText(s: string): string {
  return normalizeText(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function fieldOfHeader(header: string): RosterField | null {
  const h = foldText(header)
    .replace(/[*:().]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [field, names] of Object.entries(HEADERS) as [RosterField, string[]][])
    if (names.includes(h)) return field;
  return null;
}

/** Finds the header line among the first lines, maps its columns, and reads the data lines below it. */
export function readRosterTable(table: string[][]): RosterFileResult {
  const headerIndex = table.slice(0, 10).findIndex((r) => r.some((cell) => fieldOfHeader(cell) === 'unitName'));
  if (table.every((r) => r.every((cell) => normalizeText(cell) === ''))) return { ok: false, error: 'empty' };
  if (headerIndex < 0) return { ok: false, error: 'no_unit_column' };
  const columns = table[headerIndex]!.map(fieldOfHeader);
  const rows: RosterInputRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells: Partial<Record<RosterField, string>> = {};
    columns.forEach((field, col) => {
      if (!field || cells[field] !== undefined) return;
      const v = rosterCell(field, table[i]![col] ?? '');
      if (v !== '') cells[field] = v;
    });
    if (Object.keys(cells).length > 0) rows.push({ line: i + 1, cells });
  }
  if (rows.length === 0) return { ok: false, error: 'empty' };
  if (rows.length > MAX_ROSTER_ROWS) return { ok: false, error: 'too_many_rows' };
  const ignoredColumns = table[headerIndex]!.map((h, col) => (columns[col] ? '' : normalizeText(h))).filter(Boolean);
  return { ok: true, rows, ignoredColumns };
}

/** Splits CSV text (RFC 4180 quoting; comma or, as Excel writes in some locales, semicolon). */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const firstLine = s.slice(0, s.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The bloc as it is now, for matching the file against. */
export interface RosterSnapshot {
  /** Current member units. */
  members: {
    unitId: number;
    name: string;
    focalPointNames: string[];
    /** The active focal points with their e-mail address, to see whether a row gives one a new address. */
    focalPoints?: { id: number; fullName: string; email: string | null }[];
  }[];
  /** Units that belonged to the bloc and left. */
  former: { unitId: number; name: string; leftOn: string }[];
  /** Default join date for new units ('YYYY-MM-DD'). */
  today: string;
  /** Every e-mail address already someone's, with whose (their unit and name). */
  emailHolders?: ReadonlyMap<string, { unitName: string; fullName: string }>;
}

export type RosterRowError =
  | 'unit_missing'
  | 'unit_too_long'
  | 'short_too_long'
  | 'bad_date'
  | 'rejoin_before_left'
  | 'name_too_long'
  | 'position_too_long'
  | 'bad_phone'
  | 'bad_email'
  /** The address is another focal point's (one address, one person: it carries their personal link). */
  | 'email_taken'
  | 'duplicate_email'
  | 'details_without_name'
  | 'bad_role'
  | 'conflicting_unit'
  | 'duplicate_focal_point';

/** What the import will do with one row. */
export interface RosterRowPlan {
  line: number;
  /** The cells as read, for showing what was typed where it is refused. */
  cells: Partial<Record<RosterField, string>>;
  unitName: string;
  shortName: string | null;
  /** The join date a new or rejoining unit gets; null when the typed date is not a real date. */
  joinedOn: string | null;
  unit: { kind: 'existing' | 'rejoin'; unitId: number } | { kind: 'new' };
  focalPoint: {
    fullName: string;
    position: string | null;
    phone: string | null;
    /** Stored form of the e-mail address. */
    email: string | null;
    role: 'focal_point' | 'unit_head';
    exists: boolean;
    /** A focal point already on the roster gets this row's address, new or changed from `before`. */
    emailChange: { focalPointId: number; before: string | null } | null;
  } | null;
  errors: RosterRowError[];
}

const PHONE_RE = /^\+?[\d .-]{8,20}$/;
/**
 * The words the "Vai trò" column takes, matched without case or diacritics. Only these: a word
 * such as "lãnh đạo" also names deputies, who are not the unit's head, so it is refused with this
 * list rather than guessed.
 */
export const ROSTER_ROLE_WORDS: readonly { word: string; role: 'focal_point' | 'unit_head' }[] = [
  { word: 'đầu mối', role: 'focal_point' },
  { word: 'cán bộ đầu mối', role: 'focal_point' },
  { word: 'thủ trưởng', role: 'unit_head' },
  { word: 'thủ trưởng đơn vị', role: 'unit_head' },
];

function roleOf(typed: string): 'focal_point' | 'unit_head' | null {
  const folded = foldText(typed);
  return ROSTER_ROLE_WORDS.find((w) => foldText(w.word) === folded)?.role ?? null;
}

const sameName = (a: string, b: string) => foldText(a) === foldText(b);

/** Checks every row against the snapshot and the rows before it; a row with errors is never imported. */
export function planRosterImport(rows: RosterInputRow[], snapshot: RosterSnapshot): RosterRowPlan[] {
  const seenUnits = new Map<string, { shortName: string | null; joinedOn: string | null }>();
  const seenPeople = new Set<string>();
  const seenEmails = new Set<string>();
  return rows.map((row) => {
    const c = row.cells;
    const errors: RosterRowError[] = [];
    const unitName = c.unitName ?? '';
    if (unitName === '') errors.push('unit_missing');
    else if (unitName.length > ROSTER_FIELD_MAX.unitName) errors.push('unit_too_long');
    const shortName = c.shortName ?? null;
    if (shortName && shortName.length > ROSTER_FIELD_MAX.shortName) errors.push('short_too_long');
    let joinedOn: string | null = snapshot.today;
    if (c.joinedOn !== undefined) {
      joinedOn = parseDateVi(c.joinedOn);
      if (joinedOn === null) errors.push('bad_date');
    }
    const member = snapshot.members.find((m) => sameName(m.name, unitName));
    const former = member ? undefined : snapshot.former.find((m) => sameName(m.name, unitName));
    const unit: RosterRowPlan['unit'] = member
      ? { kind: 'existing', unitId: member.unitId }
      : former
        ? { kind: 'rejoin', unitId: former.unitId }
        : { kind: 'new' };
    if (former && joinedOn !== null && joinedOn <= former.leftOn) errors.push('rejoin_before_left');
    const key = foldText(unitName);
    const earlier = seenUnits.get(key);
    if (
      earlier &&
      ((shortName !== null && earlier.shortName !== null && shortName !== earlier.shortName) ||
        (c.joinedOn !== undefined && joinedOn !== earlier.joinedOn))
    )
      errors.push('conflicting_unit');

    let focalPoint: RosterRowPlan['focalPoint'] = null;
    const fullName = c.fullName ?? '';
    if (fullName === '') {
      if (c.phone || c.position || c.role || c.email) errors.push('details_without_name');
    } else {
      if (fullName.length > ROSTER_FIELD_MAX.fullName) errors.push('name_too_long');
      const position = c.position ?? null;
      if (position && position.length > ROSTER_FIELD_MAX.position) errors.push('position_too_long');
      const phone = c.phone ?? null;
      const digits = phone?.replace(/\D/g, '').length ?? 0;
      if (phone && (!PHONE_RE.test(phone) || digits < 8 || digits > 15)) errors.push('bad_phone');
      let email: string | null = null;
      if (c.email !== undefined) {
        const parsed = parseEmailAddress(c.email);
        if (!parsed.ok) errors.push('bad_email');
        else {
          email = parsed.address;
          const holder = snapshot.emailHolders?.get(email);
          if (holder && !(sameName(holder.unitName, unitName) && sameName(holder.fullName, fullName)))
            errors.push('email_taken');
          if (seenEmails.has(email)) errors.push('duplicate_email');
        }
      }
      let role: 'focal_point' | 'unit_head' = 'focal_point';
      if (c.role !== undefined) {
        const r = roleOf(c.role);
        if (r) role = r;
        else errors.push('bad_role');
      }
      const person = `${key}|${foldText(fullName)}`;
      if (seenPeople.has(person)) errors.push('duplicate_focal_point');
      const exists = member?.focalPointNames.some((n) => sameName(n, fullName)) ?? false;
      let emailChange: { focalPointId: number; before: string | null } | null = null;
      if (exists && email) {
        const current = member?.focalPoints?.find((p) => sameName(p.fullName, fullName));
        if (current && current.email !== email) emailChange = { focalPointId: current.id, before: current.email };
      }
      focalPoint = { fullName, position, phone, email, role, exists, emailChange };
      if (errors.length === 0) {
        seenPeople.add(person);
        if (email) seenEmails.add(email);
      }
    }
    if (errors.length === 0 && unitName !== '' && !earlier) seenUnits.set(key, { shortName, joinedOn });
    return { line: row.line, cells: c, unitName, shortName, joinedOn, unit, focalPoint, errors };
  });
}

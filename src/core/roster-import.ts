// Reading a bloc's roster (units and focal points) from a spreadsheet's rows, and checking each
// row against the bloc as it is, before anything is written. Pure.

import { parseDateVi } from './date-input.js';
import { normalizeText } from './normalize.js';

/** The columns of a roster file. */
export type RosterField = 'unitName' | 'shortName' | 'joinedOn' | 'fullName' | 'position' | 'phone' | 'role';

/** Accepted header texts per column, without diacritics, lower case. */
const HEADERS: Record<RosterField, string[]> = {
  unitName: ['don vi', 'ten don vi', 'don vi thanh vien'],
  shortName: ['ten viet tat', 'viet tat'],
  joinedOn: ['ngay tham gia', 'ngay tham gia khoi', 'ngay vao khoi'],
  fullName: ['can bo dau moi', 'ho va ten', 'ho ten', 'ho ten can bo dau moi'],
  position: ['chuc vu'],
  phone: ['so dien thoai', 'dien thoai', 'sdt'],
  role: ['vai tro'],
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
];

export const MAX_ROSTER_ROWS = 500;

/** One data line of the file, text as typed (normalised), with its line number in the file. */
export interface RosterInputRow {
  line: number;
  cells: Partial<Record<RosterField, string>>;
}

export type RosterFileResult =
  | { ok: true; rows: RosterInputRow[] }
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
      const v = normalizeText(table[i]![col] ?? '');
      if (field && v !== '' && cells[field] === undefined) cells[field] = v;
    });
    if (Object.keys(cells).length > 0) rows.push({ line: i + 1, cells });
  }
  if (rows.length === 0) return { ok: false, error: 'empty' };
  if (rows.length > MAX_ROSTER_ROWS) return { ok: false, error: 'too_many_rows' };
  return { ok: true, rows };
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
  members: { unitId: number; name: string; focalPointNames: string[] }[];
  /** Units that belonged to the bloc and left. */
  former: { unitId: number; name: string; leftOn: string }[];
  /** Default join date for new units ('YYYY-MM-DD'). */
  today: string;
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
  | 'phone_without_name'
  | 'bad_role'
  | 'conflicting_unit'
  | 'duplicate_focal_point';

/** What the import will do with one row. */
export interface RosterRowPlan {
  line: number;
  unitName: string;
  shortName: string | null;
  joinedOn: string;
  unit: { kind: 'existing' | 'rejoin'; unitId: number } | { kind: 'new' };
  focalPoint: {
    fullName: string;
    position: string | null;
    phone: string | null;
    role: 'focal_point' | 'unit_head';
    exists: boolean;
  } | null;
  errors: RosterRowError[];
}

const PHONE_RE = /^\+?[\d .-]{8,20}$/;
const ROLE_WORDS: Record<string, 'focal_point' | 'unit_head'> = {
  'dau moi': 'focal_point',
  'can bo dau moi': 'focal_point',
  'thu truong': 'unit_head',
  'thu truong don vi': 'unit_head',
  'lanh dao': 'unit_head',
};

const sameName = (a: string, b: string) => foldText(a) === foldText(b);

/** Checks every row against the snapshot and the rows before it; a row with errors is never imported. */
export function planRosterImport(rows: RosterInputRow[], snapshot: RosterSnapshot): RosterRowPlan[] {
  const seenUnits = new Map<string, { shortName: string | null; joinedOn: string }>();
  const seenPeople = new Set<string>();
  return rows.map((row) => {
    const c = row.cells;
    const errors: RosterRowError[] = [];
    const unitName = c.unitName ?? '';
    if (unitName === '') errors.push('unit_missing');
    else if (unitName.length > 200) errors.push('unit_too_long');
    const shortName = c.shortName ?? null;
    if (shortName && shortName.length > 60) errors.push('short_too_long');
    let joinedOn = snapshot.today;
    if (c.joinedOn !== undefined) {
      const d = parseDateVi(c.joinedOn);
      if (d) joinedOn = d;
      else errors.push('bad_date');
    }
    const member = snapshot.members.find((m) => sameName(m.name, unitName));
    const former = member ? undefined : snapshot.former.find((m) => sameName(m.name, unitName));
    const unit: RosterRowPlan['unit'] = member
      ? { kind: 'existing', unitId: member.unitId }
      : former
        ? { kind: 'rejoin', unitId: former.unitId }
        : { kind: 'new' };
    if (former && joinedOn <= former.leftOn) errors.push('rejoin_before_left');
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
      if (c.phone || c.position) errors.push('phone_without_name');
    } else {
      if (fullName.length > 120) errors.push('name_too_long');
      const position = c.position ?? null;
      if (position && position.length > 120) errors.push('position_too_long');
      const phone = c.phone ?? null;
      const digits = phone?.replace(/\D/g, '').length ?? 0;
      if (phone && (!PHONE_RE.test(phone) || digits < 8 || digits > 15)) errors.push('bad_phone');
      let role: 'focal_point' | 'unit_head' = 'focal_point';
      if (c.role !== undefined) {
        const r = ROLE_WORDS[foldText(c.role)];
        if (r) role = r;
        else errors.push('bad_role');
      }
      const person = `${key}|${foldText(fullName)}`;
      if (seenPeople.has(person)) errors.push('duplicate_focal_point');
      const exists = member?.focalPointNames.some((n) => sameName(n, fullName)) ?? false;
      focalPoint = { fullName, position, phone, role, exists };
      if (errors.length === 0) seenPeople.add(person);
    }
    if (errors.length === 0 && unitName !== '' && !earlier) seenUnits.set(key, { shortName, joinedOn });
    return { line: row.line, unitName, shortName, joinedOn, unit, focalPoint, errors };
  });
}

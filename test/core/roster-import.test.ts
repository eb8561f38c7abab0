import { describe, expect, it } from 'vitest';
import {
  parseCsv,
  planRosterImport,
  ROSTER_FIELD_MAX,
  type RosterField,
  type RosterInputRow,
  readRosterTable,
  rosterCell,
  rosterCells,
  type RosterSnapshot,
} from '../../src/core/roster-import.js';

const snapshot: RosterSnapshot = {
  members: [{ unitId: 1, name: 'Hội Nông dân tỉnh', focalPointNames: ['Lâm Văn Phúc'] }],
  former: [{ unitId: 2, name: 'Hội Chữ thập đỏ tỉnh', leftOn: '2025-12-31' }],
  today: '2026-11-25',
};

function plan(csv: string) {
  const table = readRosterTable(parseCsv(csv));
  if (!table.ok) throw new Error(table.error);
  return planRosterImport(table.rows, snapshot);
}

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and drops the BOM', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n"x\ny",2\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['x\ny', '2'],
    ]);
  });

  it('reads semicolon-separated files as Excel writes them in some locales', () => {
    expect(parseCsv('Đơn vị;Cán bộ đầu mối\nTỉnh đoàn;Lê Minh Khang')).toEqual([
      ['Đơn vị', 'Cán bộ đầu mối'],
      ['Tỉnh đoàn', 'Lê Minh Khang'],
    ]);
  });
});

describe('readRosterTable', () => {
  it('finds the header below a title line and maps headers with or without diacritics', () => {
    const r = readRosterTable([
      ['DANH SÁCH CÁN BỘ ĐẦU MỐI'],
      ['STT', 'Ten don vi', 'Họ và tên', 'SĐT'],
      ['1', ' Tỉnh  đoàn ', 'Lê Minh Khang', '0912345678'],
      ['', '', '', ''],
    ]);
    expect(r).toEqual({
      ok: true,
      rows: [{ line: 3, cells: { unitName: 'Tỉnh đoàn', fullName: 'Lê Minh Khang', phone: '0912345678' } }],
      ignoredColumns: ['STT'],
    });
  });

  it('says why a file cannot be read', () => {
    expect(readRosterTable([])).toEqual({ ok: false, error: 'empty' });
    expect(readRosterTable([['Họ và tên'], ['A']])).toEqual({ ok: false, error: 'no_unit_column' });
    expect(readRosterTable([['Đơn vị']])).toEqual({ ok: false, error: 'empty' });
    const many = [['Đơn vị'], ...Array.from({ length: 501 }, (_, i) => [`Đơn vị ${i}`])];
    expect(readRosterTable(many)).toEqual({ ok: false, error: 'too_many_rows' });
  });
});

describe('planRosterImport', () => {
  it('matches existing units and focal points loosely, and plans new ones', () => {
    const p = plan(
      'Đơn vị,Tên viết tắt,Ngày tham gia,Cán bộ đầu mối,Số điện thoại,Vai trò\n' +
        'HỘI NÔNG DÂN TỈNH,,,Lâm Văn Phúc,,\n' +
        'Tỉnh đoàn,Tỉnh đoàn,01/02/2026,Lê Minh Khang,0912 345 678,đầu mối\n' +
        'Tỉnh đoàn,,,Trần Thị B,,Thủ trưởng\n' +
        'Hội Chữ thập đỏ tỉnh,,15/01/2026,,,\n',
    );
    expect(p.map((r) => r.errors)).toEqual([[], [], [], []]);
    expect(p[0]!.unit).toEqual({ kind: 'existing', unitId: 1 });
    expect(p[0]!.focalPoint?.exists).toBe(true);
    expect(p[1]!).toMatchObject({ unit: { kind: 'new' }, joinedOn: '2026-02-01', shortName: 'Tỉnh đoàn' });
    expect(p[2]!.focalPoint).toMatchObject({ fullName: 'Trần Thị B', role: 'unit_head', exists: false });
    expect(p[3]!).toMatchObject({ unit: { kind: 'rejoin', unitId: 2 }, joinedOn: '2026-01-15', focalPoint: null });
  });

  it('marks each bad row with its reasons and leaves the good rows alone', () => {
    const p = plan(
      'Đơn vị,Ngày tham gia,Cán bộ đầu mối,Số điện thoại,Vai trò,Chức vụ\n' +
        ',,Nguyễn A,,,\n' +
        'Tỉnh đoàn,31/02/2026,Nguyễn B,12ab,trưởng phòng,\n' +
        'Tỉnh đoàn,,Nguyễn C,,,\n' +
        'Tỉnh đoàn,,Nguyễn C,,,\n' +
        'Tỉnh đoàn,,,0912345678,,Chuyên viên\n' +
        'Hội Chữ thập đỏ tỉnh,01/12/2025,,,,\n',
    );
    expect(p.map((r) => r.errors)).toEqual([
      ['unit_missing'],
      ['bad_date', 'bad_phone', 'bad_role'],
      [],
      ['duplicate_focal_point'],
      ['details_without_name'],
      ['rejoin_before_left'],
    ]);
  });

  it('refuses a unit whose rows disagree on its join date', () => {
    const p = plan('Đơn vị,Ngày tham gia\nTỉnh đoàn,01/01/2026\nTỉnh đoàn,02/01/2026\n');
    expect(p.map((r) => r.errors)).toEqual([[], ['conflicting_unit']]);
  });
});

describe('a row as the preview reads it and as the confirmation reads it again', () => {
  it('cuts a too-long cell just past its limit, so it stays too long', () => {
    const fields = Object.keys(ROSTER_FIELD_MAX) as RosterField[];
    for (const field of fields) {
      const cut = rosterCell(field, 'x'.repeat(5000));
      expect(cut).toHaveLength(ROSTER_FIELD_MAX[field] + 1);
      expect(cut.endsWith('…')).toBe(true);
      expect(rosterCell(field, cut)).toBe(cut);
    }
    expect(rosterCell('unitName', `  ${'Hội '.repeat(50)}  `)).toBe('Hội '.repeat(50).trim());
    // An emoji is never cut in half.
    expect(rosterCell('shortName', `${'a'.repeat(59)}😀xyz`)).toBe(`${'a'.repeat(59)}…`);
  });

  it('plans the carried rows exactly as it planned the file', () => {
    const long = 'Chuyên viên "Văn phòng" '.repeat(80);
    const table = readRosterTable([
      ['Đơn vị', 'Tên viết tắt', 'Ngày tham gia', 'Cán bộ đầu mối', 'Chức vụ', 'Số điện thoại', 'Vai trò'],
      ['Tỉnh đoàn', long, '01/02/2026 và sau đó nữa', long, long, `0912${'3'.repeat(40)}`, long],
      ['Tỉnh đoàn', '', '', 'Lê Minh Khang', '', '', 'đầu mối'],
      ['Hội Luật gia tỉnh', '', '32/13/2024', '', '', '', ''],
    ]);
    if (!table.ok) throw new Error(table.error);
    const carried: RosterInputRow[] = (JSON.parse(JSON.stringify(table.rows)) as RosterInputRow[]).map((r) => ({
      line: r.line,
      cells: rosterCells(r.cells),
    }));
    const fromFile = planRosterImport(table.rows, snapshot);
    expect(planRosterImport(carried, snapshot)).toEqual(fromFile);
    expect(fromFile.map((r) => r.errors)).toEqual([
      ['short_too_long', 'bad_date', 'name_too_long', 'position_too_long', 'bad_phone', 'bad_role'],
      [],
      ['bad_date'],
    ]);
  });

  it('never makes a date up: a date that does not exist leaves the row without one', () => {
    const p = plan(
      'Đơn vị,Ngày tham gia\nTỉnh đoàn,32/13/2024\nHội Luật gia tỉnh,29/02/2023\nHội Cựu chiến binh tỉnh,29/02/2024\n',
    );
    expect(p.map((r) => [r.joinedOn, r.errors])).toEqual([
      [null, ['bad_date']],
      [null, ['bad_date']],
      ['2024-02-29', []],
    ]);
  });

  it('takes only the role words it lists, and no role without a person', () => {
    const p = plan(
      'Đơn vị,Cán bộ đầu mối,Vai trò\n' +
        'Tỉnh đoàn,Nguyễn A,lãnh đạo\n' +
        'Tỉnh đoàn,Nguyễn B,THỦ TRƯỞNG ĐƠN VỊ\n' +
        'Tỉnh đoàn,Nguyễn C,Can bo dau moi\n' +
        'Tỉnh đoàn,,thủ trưởng\n',
    );
    expect(p.map((r) => [r.focalPoint?.role ?? null, r.errors])).toEqual([
      ['focal_point', ['bad_role']],
      ['unit_head', []],
      ['focal_point', []],
      [null, ['details_without_name']],
    ]);
  });
});

// A generated province for benchmarks: blocs of member units with a covenant each year and weekly
// reports (values, revisions, notable results) over several years. Deterministic (seeded PRNG),
// written in large batches inside one transaction so that 10 years take seconds, not minutes.

import { seededRandom } from '../src/core/seeded-random.js';
import { sql } from 'kysely';
import { periodDeadlines, periodsOfYear } from '../src/core/periods.js';
import { addDays, zonedInstant } from '../src/core/time.js';
import type { Db } from '../src/db/connection.js';
import type { Database } from '../src/db/schema.js';

export interface ProvinceOptions {
  blocs: number;
  units: number;
  years: number;
  /** Last year with reports (all its ISO weeks); default 2025. */
  lastYear?: number;
  seed?: number;
  timeZone?: string;
}

export interface GeneratedProvince {
  blocIds: number[];
  unitIds: number[];
  firstYear: number;
  lastYear: number;
  reports: number;
  values: number;
}

const AGENCIES = [
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Hội Nông dân',
  'Hội Cựu chiến binh',
  'Hội Liên hiệp Phụ nữ',
  'Tỉnh đoàn',
  'Liên đoàn Lao động',
];
const CRITERIA = [
  { code: '1', title: 'Tuyên truyền gương điển hình tiên tiến', unit: 'gương', target: 10, mean: 0.25, points: 20 },
  { code: '2', title: 'Mô hình, sáng kiến được nhân rộng', unit: 'mô hình', target: 30, mean: 0.7, points: 20 },
  { code: '3', title: 'Hoạt động tuyên truyền phong trào thi đua', unit: 'hoạt động', target: 40, mean: 1, points: 15 },
  { code: '4', title: 'Khen thưởng người lao động trực tiếp', unit: 'lượt', target: 15, mean: 0.35, points: 15 },
];
const NOTABLE = [
  'Tổ chức hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt ở cơ sở.',
  'Phát động đợt thi đua cao điểm chào mừng các ngày lễ lớn của đất nước.',
  'Nhân rộng mô hình "Dân vận khéo" tại các huyện, thị xã, thành phố.',
];

async function insertBatched(
  db: Db,
  table: keyof Database,
  rows: Record<string, unknown>[],
  size = 400,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

async function nextId(db: Db, table: 'progress_report' | 'unit' | 'bloc' | 'covenant_criterion'): Promise<number> {
  const r = await sql<{ id: number | null }>`select max(id) as id from ${sql.table(table)}`.execute(db);
  return (r.rows[0]?.id ?? 0) + 1;
}

/** Fills the database with a province of `blocs` blocs and `units` units reporting weekly for `years` years. */
export async function generateProvince(db: Db, opts: ProvinceOptions): Promise<GeneratedProvince> {
  const lastYear = opts.lastYear ?? 2025;
  const firstYear = lastYear - opts.years + 1;
  const tz = opts.timeZone ?? 'Asia/Ho_Chi_Minh';
  const rnd = seededRandom(opts.seed ?? 6);
  return db.transaction().execute(async (trx) => {
    let blocId = await nextId(trx, 'bloc');
    let unitId = await nextId(trx, 'unit');
    let criterionId = await nextId(trx, 'covenant_criterion');
    let reportId = await nextId(trx, 'progress_report');
    const blocIds: number[] = [];
    const unitIds: number[] = [];
    const members: { blocId: number; unitIds: number[]; joinedOn: string[] }[] = [];
    for (let i = 0; i < opts.blocs; i++) {
      const id = blocId++;
      blocIds.push(id);
      await trx
        .insertInto('bloc')
        .values({
          id,
          name: `Khối thi đua số ${id} (mẫu)`,
          province: 'Tỉnh mẫu',
          description: 'Dữ liệu sinh cho đo hiệu năng',
        } as never)
        .execute();
      const count = Math.floor(opts.units / opts.blocs) + (i < opts.units % opts.blocs ? 1 : 0);
      const ids: number[] = [];
      const joined: string[] = [];
      for (let k = 0; k < count; k++) {
        const uid = unitId++;
        ids.push(uid);
        // The last unit of each bloc joins in the middle of the third year: expected only from then on.
        joined.push(k === count - 1 ? `${firstYear + 2}-07-01` : `${firstYear - 1}-01-01`);
        await trx
          .insertInto('unit')
          .values({
            id: uid,
            name: `${AGENCIES[(uid - 1) % AGENCIES.length]} (đơn vị ${uid})`,
            short_name: `ĐV${uid}`,
          } as never)
          .execute();
      }
      unitIds.push(...ids);
      members.push({ blocId: id, unitIds: ids, joinedOn: joined });
      await insertBatched(
        trx,
        'bloc_membership',
        ids.map((u, k) => ({ bloc_id: id, unit_id: u, joined_on: joined[k], display_order: k + 1 })),
      );
      await insertBatched(
        trx,
        'focal_point',
        ids.map((u) => ({ unit_id: u, full_name: `Cán bộ đầu mối ${u}` })),
      );
      await insertBatched(
        trx,
        'rotation_slot',
        ids.map((u, k) => ({ bloc_id: id, unit_id: u, position: k + 1 })),
      );
    }

    let reports = 0;
    let values = 0;
    for (const m of members) {
      for (let year = firstYear; year <= lastYear; year++) {
        const chair = m.unitIds[(year - firstYear) % m.unitIds.length]!;
        await trx
          .insertInto('bloc_year')
          .values({ bloc_id: m.blocId, year, chair_unit_id: chair, chosen_by: 'agreed_order', status: 'closed' })
          .execute();
        const criteria = CRITERIA.map((c, pos) => ({ ...c, id: criterionId++, pos }));
        await insertBatched(trx, 'covenant_criterion', [
          ...criteria.map((c) => ({
            id: c.id,
            bloc_id: m.blocId,
            year,
            code: c.code,
            title: c.title,
            kind: 'quantitative',
            value_type: 'count',
            unit_of_measure: c.unit,
            default_target: c.target,
            max_points: c.points,
            position: c.pos + 1,
          })),
          {
            id: criterionId++,
            bloc_id: m.blocId,
            year,
            code: '5',
            title: 'Cơ quan đạt chuẩn văn hóa',
            kind: 'qualitative',
            max_points: 15,
            position: 5,
          },
          {
            id: criterionId++,
            bloc_id: m.blocId,
            year,
            code: '6',
            title: 'Thực hiện tốt chế độ thông tin, báo cáo',
            kind: 'qualitative',
            max_points: 15,
            position: 6,
          },
        ]);
        await insertBatched(
          trx,
          'covenant_target',
          criteria.flatMap((c) => m.unitIds.map((u) => ({ criterion_id: c.id, unit_id: u, target: c.target }))),
        );

        const reportRows: Record<string, unknown>[] = [];
        const valueRows: Record<string, unknown>[] = [];
        const revisionRows: Record<string, unknown>[] = [];
        for (const p of periodsOfYear('week', year)) {
          const { deadline } = periodDeadlines(p, { graceDays: 1, lockDays: 14 }, tz);
          for (const [k, u] of m.unitIds.entries()) {
            if (p.end < m.joinedOn[k]!) continue;
            const r = rnd();
            if (r < 0.08) continue; // missing
            const isNil = r < 0.18;
            const late = rnd() < 0.12;
            const at = late
              ? new Date(deadline.getTime() + (1 + Math.floor(rnd() * 72)) * 3_600_000)
              : zonedInstant(
                  addDays(p.end, Math.floor(rnd() * 2)),
                  `${String(8 + Math.floor(rnd() * 9)).padStart(2, '0')}:00`,
                  tz,
                );
            const id = reportId++;
            const figures = isNil
              ? []
              : criteria.map((c) => ({ criterion_id: c.id, value: Math.floor(rnd() * c.mean * 3) }));
            const notable = !isNil && rnd() < 0.3 ? NOTABLE[Math.floor(rnd() * NOTABLE.length)]! : null;
            reportRows.push({
              id,
              bloc_id: m.blocId,
              unit_id: u,
              period_kind: 'week',
              period_key: p.key,
              period_start: p.start,
              period_end: p.end,
              is_nil: isNil ? 1 : 0,
              notable_results: notable,
              difficulties: null,
              proposals: null,
              submitted_via: 'import',
              first_submitted_at: at.toISOString(),
              updated_at: at.toISOString(),
              revision: 1,
            });
            for (const f of figures) valueRows.push({ report_id: id, ...f });
            revisionRows.push({
              report_id: id,
              revision: 1,
              snapshot: JSON.stringify({ isNil, values: figures, notableResults: notable }),
              submitted_by_admin: 'import',
              submitted_at: at.toISOString(),
            });
          }
        }
        await insertBatched(trx, 'progress_report', reportRows, 300);
        await insertBatched(trx, 'report_value', valueRows, 2000);
        await insertBatched(trx, 'report_revision', revisionRows, 1000);
        reports += reportRows.length;
        values += valueRows.length;
      }
    }
    return { blocIds, unitIds, firstYear, lastYear, reports, values };
  });
}

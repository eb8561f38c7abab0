import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Digests and summaries as they were sent, the admin's bonus/deduction entries and qualitative
// assessments that feed the self-scoring, and each bloc's digest schedule.

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

  // One row per bloc, kind and period: the unique key is what makes a digest job run once.
  await db.schema
    .createTable('digest')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('period', 'mid_year', 'annual')`))
    .addColumn('period_key', 'text', (c) => c.notNull()) // '2026-W47', '2026-11', '2026-H1', '2026'
    .addColumn('text', 'text', (c) => c.notNull()) // the whole text, unsplit
    .addColumn('parts', 'text', (c) => c.notNull()) // JSON array of the messages as sent (each <= 4096)
    .addColumn('figures', 'text', (c) => c.notNull()) // JSON snapshot of the figures behind the text
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('digest_once', ['bloc_id', 'kind', 'period_key'])
    .execute();

  // Điểm thưởng / điểm trừ entered by an admin for a unit's year; never edited, only added or removed.
  await db.schema
    .createTable('score_adjustment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('bonus', 'deduction')`))
    .addColumn('points', 'real', (c) => c.notNull().check(sql`points > 0 and points <= 1000`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('score_adjustment_bloc_year')
    .on('score_adjustment')
    .columns(['bloc_id', 'year', 'unit_id'])
    .execute();

  // Met / not met for a qualitative covenant criterion; no row means the default (met).
  await db.schema
    .createTable('criterion_assessment')
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('covenant_criterion.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('met', 'integer', (c) => c.notNull().check(sql`met in (0, 1)`))
    .addColumn('note', 'text')
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('criterion_assessment_pk', ['criterion_id', 'unit_id'])
    .execute();

  // No row means the defaults: digest Monday 08:00, mid-year review 05/07, annual summary 05/12.
  await db.schema
    .createTable('digest_schedule')
    .addColumn('bloc_id', 'integer', (c) => c.primaryKey().references('bloc.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1).check(sql`enabled in (0, 1)`))
    .addColumn('digest_weekday', 'integer', (c) => c.notNull().defaultTo(1).check(sql`digest_weekday between 1 and 7`))
    .addColumn('digest_time', 'text', (c) => c.notNull().defaultTo('08:00'))
    .addColumn('mid_year_on', 'text', (c) => c.notNull().defaultTo('07-05')) // MM-DD
    .addColumn('annual_on', 'text', (c) => c.notNull().defaultTo('12-05')) // MM-DD
    .addColumn('summary_time', 'text', (c) => c.notNull().defaultTo('08:00'))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['digest_schedule', 'criterion_assessment', 'score_adjustment', 'digest']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

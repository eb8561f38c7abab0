import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code. Timestamps are ISO-8601 UTC text
// ('2026-11-24T05:00:00.000Z'); calendar dates are 'YYYY-MM-DD' text in the app time zone.

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

  await db.schema
    .createTable('bloc')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('reporting_cadence', 'text', (c) =>
      c.notNull().defaultTo('week').check(sql`reporting_cadence in ('week', 'month')`),
    )
    .addColumn('grace_days', 'integer', (c) => c.notNull().defaultTo(1).check(sql`grace_days between 0 and 31`))
    .addColumn('lock_days', 'integer', (c) => c.notNull().defaultTo(14).check(sql`lock_days between 0 and 366`))
    .addColumn('rotation_policy', 'text', (c) =>
      c
        .notNull()
        .defaultTo('deputy_becomes_chair')
        .check(sql`rotation_policy in ('agreed_order', 'deputy_becomes_chair', 'explicit')`),
    )
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('bloc_lock_after_grace', sql`lock_days >= grace_days`)
    .execute();

  await db.schema
    .createTable('unit')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  // A unit may join and leave a bloc several times; expected reports follow these rows.
  await db.schema
    .createTable('bloc_membership')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text') // last day as a member, inclusive
    .addColumn('display_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('membership_dates', sql`left_on is null or left_on >= joined_on`)
    .execute();
  await db.schema.createIndex('bloc_membership_bloc').on('bloc_membership').columns(['bloc_id', 'unit_id']).execute();

  await db.schema
    .createTable('rotation_slot')
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rotation_slot_pk', ['bloc_id', 'unit_id'])
    .addUniqueConstraint('rotation_slot_position', ['bloc_id', 'position'])
    .execute();

  await db.schema
    .createTable('focal_point')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text') // chức vụ
    .addColumn('phone', 'text')
    .addColumn('role', 'text', (c) =>
      c.notNull().defaultTo('focal_point').check(sql`role in ('focal_point', 'unit_head')`),
    )
    .addColumn('telegram_user_id', 'text', (c) => c.unique())
    .addColumn('telegram_username', 'text')
    .addColumn('telegram_chat_id', 'text')
    .addColumn('linked_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'left')`))
    .addColumn('left_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('focal_point_unit').on('focal_point').column('unit_id').execute();

  // One-time deep-link invites: for a focal point (private chat) or for a bloc's group chat.
  await db.schema
    .createTable('invite')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('focal_point', 'group')`))
    .addColumn('focal_point_id', 'integer', (c) => c.references('focal_point.id').onDelete('cascade'))
    .addColumn('bloc_id', 'integer', (c) => c.references('bloc.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by_telegram_id', 'text')
    .addCheckConstraint(
      'invite_target',
      sql`(kind = 'focal_point' and focal_point_id is not null) or (kind = 'group' and bloc_id is not null)`,
    )
    .execute();

  await db.schema
    .createTable('bloc_chat')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('telegram_chat_id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('linked_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Năm thi đua: the bloc's year, with its chair (Khối trưởng) and deputy (Khối phó).
  await db.schema
    .createTable('bloc_year')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('chair_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('deputy_unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('chosen_by', 'text', (c) =>
      c.notNull().check(sql`chosen_by in ('agreed_order', 'deputy_becomes_chair', 'explicit')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('planned', 'open', 'closed')`),
    )
    .addColumn('handed_over_on', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('bloc_year_unique', ['bloc_id', 'year'])
    .addCheckConstraint('bloc_year_distinct', sql`deputy_unit_id is null or deputy_unit_id <> chair_unit_id`)
    .execute();

  await db.schema
    .createTable('covenant_criterion')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull()) // "1", "2.a" as printed in the covenant
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('quantitative', 'qualitative')`))
    .addColumn('value_type', 'text', (c) => c.check(sql`value_type in ('count', 'decimal', 'percent')`))
    .addColumn('unit_of_measure', 'text')
    .addColumn('default_target', 'real')
    .addColumn('max_points', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('covenant_criterion_code', ['bloc_id', 'year', 'code'])
    .addCheckConstraint(
      'covenant_criterion_quantitative',
      sql`kind = 'qualitative' or (value_type is not null and unit_of_measure is not null)`,
    )
    .execute();

  await db.schema
    .createTable('covenant_target')
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('covenant_criterion.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('target', 'real', (c) => c.notNull().check(sql`target >= 0`))
    .addPrimaryKeyConstraint('covenant_target_pk', ['criterion_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('covenant_signature')
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addPrimaryKeyConstraint('covenant_signature_pk', ['bloc_id', 'year', 'unit_id'])
    .execute();

  await db.schema
    .createTable('progress_report')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bloc_id', 'integer', (c) => c.notNull().references('bloc.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('period_kind', 'text', (c) => c.notNull().check(sql`period_kind in ('week', 'month')`))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('is_nil', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notable_results', 'text')
    .addColumn('difficulties', 'text')
    .addColumn('proposals', 'text')
    .addColumn('submitted_by_focal_point_id', 'integer', (c) => c.references('focal_point.id').onDelete('set null'))
    .addColumn('submitted_via', 'text', (c) =>
      c.notNull().check(sql`submitted_via in ('telegram', 'web', 'admin', 'import', 'demo')`),
    )
    .addColumn('first_submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('progress_report_period', ['bloc_id', 'unit_id', 'period_key'])
    .execute();
  await db.schema
    .createIndex('progress_report_bloc_period')
    .on('progress_report')
    .columns(['bloc_id', 'period_start'])
    .execute();

  await db.schema
    .createTable('report_value')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('covenant_criterion.id').onDelete('cascade'))
    .addColumn('value', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_value_pk', ['report_id', 'criterion_id'])
    .execute();
  await db.schema.createIndex('report_value_criterion').on('report_value').column('criterion_id').execute();

  // Every submitted version of a report, the first one included, as a JSON snapshot.
  await db.schema
    .createTable('report_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('submitted_by_focal_point_id', 'integer', (c) => c.references('focal_point.id').onDelete('set null'))
    .addColumn('submitted_by_admin', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_revision_unique', ['report_id', 'revision'])
    .execute();

  await db.schema
    .createTable('report_attachment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('progress_report.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('photo', 'document')`))
    .addColumn('telegram_file_id', 'text')
    .addColumn('telegram_file_unique_id', 'text')
    .addColumn('file_name', 'text')
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('caption', 'text')
    .addColumn('added_in_revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('public_holiday')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox_message')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('bloc_id', 'integer', (c) => c.references('bloc.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('chat_type', 'text', (c) =>
      c.notNull().defaultTo('private').check(sql`chat_type in ('private', 'group')`),
    )
    .addColumn('payload', 'text', (c) => c.notNull()) // JSON: { text, reply_markup?, parse_mode? }
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('queued').check(sql`status in ('queued', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('last_error', 'text')
    .addColumn('telegram_message_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox_message').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('job_run')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull()) // e.g. 'bloc:6' or 'all'
    .addColumn('period_key', 'text', (c) => c.notNull()) // the slot this run is for
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'succeeded', 'failed')`))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('detail', 'text')
    .addUniqueConstraint('job_run_unique', ['job', 'scope', 'period_key'])
    .execute();

  await db.schema
    .createTable('admin_user')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('province_admin', 'bloc_admin', 'viewer')`))
    .addColumn('bloc_id', 'integer', (c) => c.references('bloc.id').onDelete('set null'))
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('admin_user_bloc', sql`role = 'province_admin' or bloc_id is not null`)
    .execute();

  await db.schema
    .createTable('admin_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey()) // sha256 of the cookie token
    .addColumn('admin_user_id', 'integer', (c) => c.notNull().references('admin_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('admin_user_id', 'integer', (c) => c.references('admin_user.id').onDelete('set null'))
    .addColumn('actor', 'text', (c) => c.notNull()) // username, 'cli' or 'system'
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('bloc_id', 'integer', (c) => c.references('bloc.id').onDelete('set null'))
    .addColumn('details', 'text') // JSON
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'admin_session',
    'admin_user',
    'job_run',
    'outbox_message',
    'public_holiday',
    'report_attachment',
    'report_revision',
    'report_value',
    'progress_report',
    'covenant_signature',
    'covenant_target',
    'covenant_criterion',
    'bloc_year',
    'bloc_chat',
    'invite',
    'focal_point',
    'rotation_slot',
    'bloc_membership',
    'unit',
    'bloc',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

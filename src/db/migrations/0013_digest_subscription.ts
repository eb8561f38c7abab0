import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
// digest_subscription: the focal points who asked the bot for the weekly digest in private (issue
// 13). A basic Zalo bot joins no group, so the digest a Telegram group reads reaches a Zalo user
// only this way (decision 0097). One row a person; removed with the person.
// (Numbered 0013: 0012 is e-mail's, on another branch.)

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('digest_subscription')
    .addColumn('focal_point_id', 'integer', (c) => c.primaryKey().references('focal_point.id').onDelete('cascade'))
    .addColumn('asked_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digest_subscription').execute();
}

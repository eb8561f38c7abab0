import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.
// Channels (issue 12, docs/decisions/0090-channels.md):
// - contact_address: a focal point's addresses on each channel (Telegram now; Zalo, e-mail next),
//   in their preferred order (position, lowest first). Backfilled from focal_point's telegram_*
//   columns. Those columns stay (the bot and the admin still write them): two triggers keep the
//   person's Telegram address equal to them, so nothing that links or unlinks a Telegram account
//   can leave the two apart while the callers move over.
// - outbox_message gains channel, address, message (the neutral message, JSON) and parts_sent
//   (how many rendered parts went out, so a crash between parts resumes after the last one sent).
//   Each existing payload is converted: its text becomes the title (first line) and one paragraph
//   (the rest, line breaks kept), so the Telegram rendering (the title heads the first block; an
//   announcement's title stands apart by a blank line) gives back the same text; its reminder
//   buttons become the sendReport / nilReport actions. chat_id, chat_type and
//   payload stay, so a database can still be read by the previous version's queries until a later
//   migration drops them.
// The whole of it is one transaction (inOneTransaction below): a failure or a kill midway leaves
// the database as it was, and the next start runs it again.

export async function up(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, upInTransaction);
}

async function upInTransaction(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_address')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('focal_point_id', 'integer', (c) => c.notNull().references('focal_point.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('linked'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addUniqueConstraint('contact_address_channel_address', ['channel', 'address'])
    .execute();
  await db.schema
    .createIndex('contact_address_person')
    .on('contact_address')
    .columns(['focal_point_id', 'position'])
    .execute();
  // A chat id held by two people (only a hand-edited or damaged database has that) goes to the one
  // linked most recently, the later one on a tie: the rule the triggers below apply to a new link.
  // The other keeps their telegram_* columns but has no address (decision 0090).
  await sql`insert into contact_address (focal_point_id, channel, address, state, position, linked_at, detail)
    select f.id, 'telegram', f.telegram_chat_id, 'linked', 0, coalesce(f.linked_at, f.created_at), f.telegram_username
    from focal_point f where f.telegram_chat_id is not null
      and not exists (select 1 from focal_point g
        where g.telegram_chat_id = f.telegram_chat_id and g.id <> f.id
          and (coalesce(g.linked_at, g.created_at) > coalesce(f.linked_at, f.created_at)
            or (coalesce(g.linked_at, g.created_at) = coalesce(f.linked_at, f.created_at) and g.id > f.id)))`.execute(
    db,
  );
  // 'or replace': an account linked to another person moves with the link (decision 0078).
  await sql`create trigger focal_point_telegram_address_insert after insert on focal_point
    when new.telegram_chat_id is not null begin
      insert or replace into contact_address (focal_point_id, channel, address, state, position, linked_at, detail)
      values (new.id, 'telegram', new.telegram_chat_id, 'linked', 0, coalesce(new.linked_at, new.created_at), new.telegram_username);
    end`.execute(db);
  // A relink keeps the address's place in the person's order; a new one goes last.
  await sql`create trigger focal_point_telegram_address_update
    after update of telegram_chat_id, telegram_username on focal_point begin
      delete from contact_address
        where focal_point_id = new.id and channel = 'telegram' and new.telegram_chat_id is null;
      update or replace contact_address
        set state = case when address = new.telegram_chat_id then state else 'linked' end,
            address = new.telegram_chat_id,
            detail = new.telegram_username,
            linked_at = coalesce(new.linked_at, linked_at)
        where focal_point_id = new.id and channel = 'telegram' and new.telegram_chat_id is not null;
      insert or replace into contact_address (focal_point_id, channel, address, state, position, linked_at, detail)
        select new.id, 'telegram', new.telegram_chat_id, 'linked',
          coalesce((select max(position) + 1 from contact_address where focal_point_id = new.id), 0),
          coalesce(new.linked_at, new.created_at), new.telegram_username
        where new.telegram_chat_id is not null
          and not exists (select 1 from contact_address where focal_point_id = new.id and channel = 'telegram');
    end`.execute(db);

  await db.schema
    .alterTable('outbox_message')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('telegram'))
    .execute();
  await db.schema.alterTable('outbox_message').addColumn('address', 'text').execute();
  await db.schema.alterTable('outbox_message').addColumn('message', 'text').execute();
  await db.schema
    .alterTable('outbox_message')
    .addColumn('parts_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update outbox_message set address = chat_id`.execute(db);
  // The payloads are converted here, a page at a time (a year of rows must not sit in memory), and
  // each page written by one statement.
  for (let after = 0; ; ) {
    const page = await db
      .selectFrom('outbox_message')
      .select(['id', 'kind', 'payload'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (page.length === 0) break;
    const converted = JSON.stringify(page.map((r) => [r.id, JSON.stringify(messageOfPayload(r.kind, r.payload))]));
    await sql`update outbox_message set message = c.value ->> 1
      from json_each(${converted}) as c where outbox_message.id = c.value ->> 0`.execute(db);
    after = page[page.length - 1]!.id;
  }
  await db.schema
    .createIndex('outbox_address_order')
    .on('outbox_message')
    .columns(['address', 'status', 'available_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, downInTransaction);
}

async function downInTransaction(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_address_order').ifExists().execute();
  for (const column of ['parts_sent', 'message', 'address', 'channel'])
    await db.schema.alterTable('outbox_message').dropColumn(column).execute();
  await sql`drop trigger if exists focal_point_telegram_address_update`.execute(db);
  await sql`drop trigger if exists focal_point_telegram_address_insert`.execute(db);
  await db.schema.dropTable('contact_address').ifExists().execute();
}

/**
 * Runs the work as one transaction. Kysely's SQLite adapter reports no transactional DDL, so its
 * Migrator calls up() outside any transaction, on one connection; SQLite itself takes DDL inside
 * one. (Should a Migrator ever hand over a transaction, the work joins it.)
 */
async function inOneTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute(work);
}

type Action = { kind: 'sendReport'; periodKey: string } | { kind: 'nilReport'; periodKey: string };

const TOPICS: Record<string, string> = {
  reminder: 'reminder',
  escalation: 'escalation',
  digest: 'digest',
  broadcast: 'announcement',
};

/** The neutral message a stored Telegram payload stands for (a copy of the rule, frozen here). */
function messageOfPayload(kind: string, payload: string) {
  let p: { text?: unknown; reply_markup?: { inline_keyboard?: { callback_data?: string }[][] } } = {};
  try {
    p = JSON.parse(payload);
  } catch {
    // An unreadable payload keeps an empty message; the worker fails it as bad_request as before.
  }
  const topic = TOPICS[kind] ?? (kind.startsWith('summary') ? 'summary' : 'announcement');
  const text = typeof p.text === 'string' ? p.text : '';
  const actions: Action[] = [];
  for (const row of p.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) {
      const m = /^remind:(report|nil):(.+)$/.exec(button.callback_data ?? '');
      if (m) actions.push({ kind: m[1] === 'report' ? 'sendReport' : 'nilReport', periodKey: m[2]! });
    }
  }
  return { topic, ...titleAndBlocks(topic, text), actions };
}

/** The text as a title and at most one paragraph that the Telegram rendering joins back exactly. */
function titleAndBlocks(topic: string, text: string) {
  const cut = text.indexOf('\n');
  if (cut < 0) return { title: text, blocks: [] };
  const [title, rest] = [text.slice(0, cut), text.slice(cut + 1)];
  if (topic !== 'announcement') return { title, blocks: [{ kind: 'paragraph', text: rest }] };
  // An announcement's title stands apart by a blank line: one that does not keeps the whole text.
  if (rest.startsWith('\n')) return { title, blocks: [{ kind: 'paragraph', text: rest.slice(1) }] };
  return { title: text, blocks: [] };
}

// Each role against each route, the other bloc's resources included: a refused request changes
// nothing (the whole database is compared) and its page carries none of the bloc's data.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { telegramReportFiles } from '../helpers/report-files.js';
import { linkBlocChat } from '../../src/db/bloc-chats.js';
import { createInvite } from '../../src/db/invites.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { ensurePersonalLinks } from '../../src/db/personal-links.js';
import { upsertHoliday } from '../../src/db/holidays.js';
import { addScoreAdjustment } from '../../src/db/score-adjustments.js';
import { submitReport } from '../../src/db/reports.js';
import { BotEmulator } from '../helpers/bot-emulator.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, type Client, createAdminTest, LINK_SECRET, NOW, signIn } from './helpers.js';

type Role = 'anonymous' | 'viewer' | 'blocAdmin' | 'otherBlocAdmin' | 'provinceAdmin';
const ROLES: Role[] = ['anonymous', 'viewer', 'blocAdmin', 'otherBlocAdmin', 'provinceAdmin'];

interface Ids {
  unit: number;
  focalPoint: number;
  criterion: number;
  report: number;
  message: number;
  user: number;
  broadcast: number;
  chat: number;
  attachment: number;
  /** The report holding `attachment`. */
  attachmentReport: number;
  /** A bonus entry of bloc 1 (score_adjustment). */
  adjustment: number;
  /** An open group invite of bloc 1. */
  groupInvite: number;
  /** Bloc 2's own resources, asked for under bloc 1's pages. */
  foreign: {
    report: number;
    attachment: number;
    broadcast: number;
    chat: number;
    adjustment: number;
    criterion: number;
    unit: number;
    groupInvite: number;
    focalPoint: number;
    /** A failed message of bloc 2 (requeueing it would be a change). */
    message: number;
  };
}

const NO_IDS: Ids = {
  unit: 0,
  focalPoint: 0,
  criterion: 0,
  report: 0,
  message: 0,
  user: 0,
  broadcast: 0,
  chat: 0,
  attachment: 0,
  attachmentReport: 0,
  adjustment: 0,
  groupInvite: 0,
  foreign: {
    report: 0,
    attachment: 0,
    broadcast: 0,
    chat: 0,
    adjustment: 0,
    criterion: 0,
    unit: 0,
    groupInvite: 0,
    focalPoint: 0,
    message: 0,
  },
};

/** A report of the bloc with one photo (kept by the emulator) and a broadcast with one queued copy. */
async function reportWithPhoto(a: AdminTest, emu: BotEmulator, blocId: number, unitId: number, text: string) {
  const { fileId } = emu.addFile({ bytes: Buffer.from(text) });
  const r = await a.db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId,
      unitId,
      period: { kind: 'week', key: '2026-W46', start: '2026-11-09', end: '2026-11-15' },
      isNil: true,
      values: [],
      notableResults: text,
      difficulties: null,
      proposals: null,
      attachments: [{ kind: 'photo', telegramFileId: fileId, mimeType: 'image/jpeg' }],
      submittedBy: { system: 'test' },
      via: 'telegram',
      at: NOW,
    }),
  );
  const attachment = (
    await a.db
      .selectFrom('report_attachment')
      .select('id')
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow()
  ).id;
  const chat = (await linkBlocChat(a.db, { blocId, telegramChatId: `-100${blocId}`, title: `Nhóm ${text}`, at: NOW }))
    .id;
  const broadcast = (
    await a.db
      .insertInto('broadcast')
      .values({
        bloc_id: blocId,
        form_nonce: `nonce-of-bloc-${blocId}-xyz`,
        text,
        include_groups: 1,
        sender_name: 'Cán bộ',
        created_by: 'x',
        created_at: NOW.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await enqueueOutbox(a.db, {
    dedupeKey: `broadcast:${broadcast}:-100${blocId}`,
    blocId,
    kind: 'broadcast',
    chatId: `-100${blocId}`,
    chatType: 'group',
    payload: { text },
    now: NOW,
  });
  return { report: r.reportId, attachment, chat, broadcast };
}

/** Bloc 1 (the one under test) and bloc 2, with one of everything in bloc 1. */
async function world(a: AdminTest, emu: BotEmulator): Promise<Ids> {
  const one = await createSmallBloc(a.db, { units: 3 });
  const two = await createSmallBloc(a.db, { name: 'Khối thi đua số 2', units: 2 });
  const r = await a.db.transaction().execute((trx) =>
    submitReport(trx, {
      blocId: 1,
      unitId: one.unitIds[0]!,
      period: { kind: 'week', key: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
      isNil: false,
      values: [{ criterionId: one.criterionIds[0]!, value: 1 }],
      notableResults: 'Kết quả riêng của khối 1',
      difficulties: null,
      proposals: null,
      submittedBy: { focalPointId: one.focalPointIds[0]! },
      via: 'telegram',
      at: NOW,
    }),
  );
  await enqueueOutbox(a.db, {
    dedupeKey: 'm1',
    blocId: 1,
    kind: 'reminder',
    chatId: '1',
    chatType: 'private',
    payload: { text: 'x' },
    now: NOW,
  });
  await enqueueOutbox(a.db, {
    dedupeKey: 'm2',
    blocId: 2,
    kind: 'reminder',
    chatId: '2',
    chatType: 'private',
    payload: { text: 'y' },
    now: NOW,
  });
  await a.db.updateTable('outbox_message').set({ status: 'failed', failure_reason: 'blocked' }).execute();
  await upsertHoliday(a.db, '2026-12-31', 'Ngày thử');
  const messageOf = async (key: string) =>
    (await a.db.selectFrom('outbox_message').select('id').where('dedupe_key', '=', key).executeTakeFirstOrThrow()).id;
  const message = await messageOf('m1');
  const foreignMessage = await messageOf('m2');
  const user = (
    await a.db
      .insertInto('admin_user')
      .values({ username: 'nguoikhac', display_name: 'Người khác', password_hash: 'x', role: 'viewer', bloc_id: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const mine = await reportWithPhoto(a, emu, 1, one.unitIds[2]!, 'Kết quả riêng của khối 1 kèm ảnh');
  const theirs = await reportWithPhoto(a, emu, 2, two.unitIds[0]!, 'Tin riêng của khối 2');
  const entry = (blocId: number, unitId: number) =>
    addScoreAdjustment(a.db, {
      blocId,
      unitId,
      year: 2026,
      kind: 'bonus',
      points: 2,
      reason: `Thưởng của khối ${blocId}`,
      createdBy: 'x',
      now: NOW,
    });
  const adjustment = (await entry(1, one.unitIds[0]!)).id;
  const foreignAdjustment = (await entry(2, two.unitIds[0]!)).id;
  const groupInvite = async (blocId: number) =>
    (await createInvite(a.db, { kind: 'group', blocId, createdBy: 'x', now: NOW })).id;
  // Every focal point of both blocs holds a working personal link (so revoking one is a change).
  await ensurePersonalLinks(a.db, LINK_SECRET, NOW);
  return {
    unit: one.unitIds[1]!,
    focalPoint: one.focalPointIds[1]!,
    criterion: one.criterionIds[2]!,
    report: r.reportId,
    message,
    user,
    broadcast: mine.broadcast,
    chat: mine.chat,
    attachment: mine.attachment,
    attachmentReport: mine.report,
    adjustment,
    groupInvite: await groupInvite(1),
    foreign: {
      groupInvite: await groupInvite(2),
      report: theirs.report,
      attachment: theirs.attachment,
      broadcast: theirs.broadcast,
      chat: theirs.chat,
      adjustment: foreignAdjustment,
      criterion: two.criterionIds[2]!,
      unit: two.unitIds[0]!,
      focalPoint: two.focalPointIds[0]!,
      message: foreignMessage,
    },
  };
}

/** Every table's rows, but sessions and login attempts (signing in is not a change to the bloc). */
async function fingerprint(db: Db): Promise<string> {
  const tables = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('admin_session', 'login_attempt') order by name`.execute(
    db,
  );
  const h = createHash('sha256');
  for (const { name } of tables.rows)
    h.update(JSON.stringify((await sql.raw(`select * from "${name}" order by rowid`).execute(db)).rows));
  return h.digest('hex');
}

type Expect = 'ok' | 'login' | 403 | 404 | 'home';
interface Route {
  method: 'GET' | 'POST';
  path: (ids: Ids) => string;
  expect: Record<Role, Expect>;
  /** Tells apart routes whose paths read the same without their ids. */
  note?: string;
  /** Fields posted (else an empty form): for ids that travel in the form rather than the path. */
  form?: (ids: Ids) => Record<string, string>;
}

const BLOC_READ: Record<Role, Expect> = {
  anonymous: 'login',
  viewer: 'ok',
  blocAdmin: 'ok',
  otherBlocAdmin: 404,
  provinceAdmin: 'ok',
};
const BLOC_WRITE: Record<Role, Expect> = {
  anonymous: 403,
  viewer: 403,
  blocAdmin: 'ok',
  otherBlocAdmin: 404,
  provinceAdmin: 'ok',
};
const EDITOR_READ: Record<Role, Expect> = { ...BLOC_READ, viewer: 403 };
const PROVINCE_BLOC: Record<Role, Expect> = {
  anonymous: 403,
  viewer: 403,
  blocAdmin: 403,
  otherBlocAdmin: 404,
  provinceAdmin: 'ok',
};
const PROVINCE_READ: Record<Role, Expect> = {
  anonymous: 'login',
  viewer: 403,
  blocAdmin: 403,
  otherBlocAdmin: 403,
  provinceAdmin: 'ok',
};
const PROVINCE_WRITE: Record<Role, Expect> = {
  anonymous: 403,
  viewer: 403,
  blocAdmin: 403,
  otherBlocAdmin: 403,
  provinceAdmin: 'ok',
};
const SIGNED_IN: Record<Role, Expect> = {
  anonymous: 'login',
  viewer: 'ok',
  blocAdmin: 'ok',
  otherBlocAdmin: 'ok',
  provinceAdmin: 'ok',
};
const SIGNED_IN_WRITE: Record<Role, Expect> = { ...SIGNED_IN, anonymous: 403 };
// Bloc 2's resources under bloc 1's pages: nobody gets them (a viewer's change is refused first).
const FOREIGN_READ: Record<Role, Expect> = {
  anonymous: 'login',
  viewer: 404,
  blocAdmin: 404,
  otherBlocAdmin: 404,
  provinceAdmin: 404,
};
const FOREIGN_WRITE: Record<Role, Expect> = {
  anonymous: 403,
  viewer: 403,
  blocAdmin: 404,
  otherBlocAdmin: 404,
  provinceAdmin: 404,
};

const get = (path: (ids: Ids) => string, expect = BLOC_READ): Route => ({ method: 'GET', path, expect });
const post = (path: (ids: Ids) => string, expect = BLOC_WRITE): Route => ({ method: 'POST', path, expect });

/** Another bloc's unit, focal point, criterion, report and message, asked for under bloc 1. */
function foreignRoutes(): Route[] {
  const read = (note: string, path: (ids: Ids) => string): Route => ({ ...get(path, FOREIGN_READ), note });
  const write = (note: string, path: (ids: Ids) => string, form?: (ids: Ids) => Record<string, string>): Route => ({
    ...post(path, FOREIGN_WRITE),
    note,
    form,
  });
  const unit = "bloc 2's unit";
  const focalPoint = "bloc 2's focal point";
  const criterion = "bloc 2's criterion";
  return [
    read(unit, (i) => `/blocs/1/units/${i.foreign.unit}`),
    write(
      unit,
      (i) => `/blocs/1/units/${i.foreign.unit}`,
      () => ({ name: 'Đổi tên', joinedOn: '01/01/2026' }),
    ),
    write(
      unit,
      (i) => `/blocs/1/units/${i.foreign.unit}/rejoin`,
      () => ({ joinedOn: '01/12/2026' }),
    ),
    write(
      unit,
      (i) => `/blocs/1/units/${i.foreign.unit}/move`,
      () => ({ direction: 'up' }),
    ),
    { ...write(unit, (i) => `/blocs/1/units/${i.foreign.unit}/move`), note: `${unit}, empty form` },
    write(
      unit,
      (i) => `/blocs/1/chair/order/${i.foreign.unit}/move`,
      () => ({ direction: 'down' }),
    ),
    { ...write(unit, (i) => `/blocs/1/chair/order/${i.foreign.unit}/move`), note: `${unit}, empty form` },
    write(
      unit,
      () => '/blocs/1/scoring/adjustments',
      (i) => ({
        year: '2026',
        unitId: String(i.foreign.unit),
        kind: 'bonus',
        points: '1',
        reason: 'Thưởng',
      }),
    ),
    read(focalPoint, (i) => `/blocs/1/focal-points/${i.foreign.focalPoint}`),
    write(
      focalPoint,
      (i) => `/blocs/1/focal-points/${i.foreign.focalPoint}`,
      (i) => ({
        fullName: 'Đổi tên',
        unitId: String(i.unit),
        role: 'focal_point',
      }),
    ),
    write(focalPoint, (i) => `/blocs/1/focal-points/${i.foreign.focalPoint}/invite`),
    write(focalPoint, (i) => `/blocs/1/focal-points/${i.foreign.focalPoint}/deactivate`),
    read(criterion, (i) => `/blocs/1/covenant/criteria/${i.foreign.criterion}`),
    write(
      criterion,
      (i) => `/blocs/1/covenant/criteria/${i.foreign.criterion}`,
      () => ({
        code: '9',
        title: 'Đổi',
        kind: 'qualitative',
        valueType: 'count',
        maxPoints: '1',
      }),
    ),
    write(criterion, (i) => `/blocs/1/covenant/criteria/${i.foreign.criterion}/delete`),
    read("bloc 2's report", (i) => `/blocs/1/reports/${i.foreign.report}`),
    write("bloc 2's message", (i) => `/blocs/1/delivery/${i.foreign.message}/requeue`),
  ];
}

const ROUTES: Route[] = [
  get(() => '/', {
    anonymous: 'login',
    viewer: 'home',
    blocAdmin: 'home',
    otherBlocAdmin: 'home',
    provinceAdmin: 'ok',
  }),
  get(() => '/account/password', SIGNED_IN),
  post(() => '/account/password', SIGNED_IN_WRITE),
  get(() => '/holidays', SIGNED_IN),
  post(() => '/holidays', PROVINCE_WRITE),
  post(() => '/holidays/2026-12-31/delete', PROVINCE_WRITE),
  get(() => '/audit', { ...SIGNED_IN, viewer: 403 }),
  get(() => '/users', PROVINCE_READ),
  get((i) => `/users/${i.user}`, PROVINCE_READ),
  post(() => '/users', PROVINCE_WRITE),
  post((i) => `/users/${i.user}`, PROVINCE_WRITE),
  post((i) => `/users/${i.user}/password`, PROVINCE_WRITE),
  post((i) => `/users/${i.user}/enable`, PROVINCE_WRITE),
  get(() => '/blocs/new', PROVINCE_READ),
  post(() => '/blocs/new', PROVINCE_WRITE),
  get(() => '/blocs/1'),
  get(() => '/blocs/1/edit', { ...PROVINCE_BLOC, anonymous: 'login' }),
  post(() => '/blocs/1/edit', PROVINCE_BLOC),
  get(() => '/blocs/1/units'),
  post(() => '/blocs/1/units'),
  get((i) => `/blocs/1/units/${i.unit}`),
  post((i) => `/blocs/1/units/${i.unit}`),
  post((i) => `/blocs/1/units/${i.unit}/rejoin`),
  post((i) => `/blocs/1/units/${i.unit}/move`),
  get(() => '/blocs/1/focal-points'),
  post(() => '/blocs/1/focal-points'),
  get((i) => `/blocs/1/focal-points/${i.focalPoint}`),
  post((i) => `/blocs/1/focal-points/${i.focalPoint}`),
  post((i) => `/blocs/1/focal-points/${i.focalPoint}/invite`),
  post((i) => `/blocs/1/focal-points/${i.focalPoint}/personal-link`),
  post((i) => `/blocs/1/focal-points/${i.focalPoint}/personal-link/revoke`),
  {
    ...post((i) => `/blocs/1/focal-points/${i.foreign.focalPoint}/personal-link`, FOREIGN_WRITE),
    note: "bloc 2's focal point",
  },
  {
    ...post((i) => `/blocs/1/focal-points/${i.foreign.focalPoint}/personal-link/revoke`, FOREIGN_WRITE),
    note: "bloc 2's focal point",
  },
  get(() => '/blocs/1/import', EDITOR_READ),
  get(() => '/blocs/1/import/template.csv', EDITOR_READ),
  post(() => '/blocs/1/import/preview'),
  post(() => '/blocs/1/import/confirm'),
  get(() => '/blocs/1/chair'),
  post(() => '/blocs/1/chair/policy'),
  post((i) => `/blocs/1/chair/order/${i.unit}/move`),
  post(() => '/blocs/1/chair/handover'),
  post(() => '/blocs/1/chair/first'),
  get(() => '/blocs/1/covenant'),
  post(() => '/blocs/1/covenant/criteria'),
  get((i) => `/blocs/1/covenant/criteria/${i.criterion}`),
  post((i) => `/blocs/1/covenant/criteria/${i.criterion}`),
  post(() => '/blocs/1/covenant/targets'),
  post(() => '/blocs/1/covenant/signatures'),
  post(() => '/blocs/1/covenant/copy?year=2027'),
  get(() => '/blocs/1/reports'),
  get((i) => `/blocs/1/reports/${i.report}`),
  get((i) => `/blocs/1/reports/${i.attachmentReport}/attachments/${i.attachment}`),
  {
    ...get((i) => `/blocs/1/reports/${i.attachmentReport}/attachments/${i.foreign.attachment}`, FOREIGN_READ),
    note: "bloc 2's attachment",
  },
  {
    ...get((i) => `/blocs/1/reports/${i.foreign.report}/attachments/${i.foreign.attachment}`, FOREIGN_READ),
    note: "bloc 2's report",
  },
  get(() => '/blocs/1/schedule'),
  post(() => '/blocs/1/schedule/reporting'),
  post(() => '/blocs/1/schedule/reminders'),
  post(() => '/blocs/1/schedule/digest'),
  get(() => '/blocs/1/delivery'),
  post((i) => `/blocs/1/delivery/${i.message}/requeue`),
  get(() => '/blocs/1/delivery/groups'),
  get(() => '/blocs/1/delivery/unreachable'),
  post(() => '/blocs/1/delivery/groups/invite'),
  post((i) => `/blocs/1/delivery/groups/invites/${i.groupInvite}/revoke`),
  {
    ...post((i) => `/blocs/1/delivery/groups/invites/${i.foreign.groupInvite}/revoke`, FOREIGN_WRITE),
    note: "bloc 2's group invite",
  },
  { ...post((i) => `/blocs/1/delivery/groups/${i.foreign.chat}/deactivate`, FOREIGN_WRITE), note: "bloc 2's group" },
  get(() => '/blocs/1/delivery/broadcasts'),
  post(() => '/blocs/1/delivery/broadcasts'),
  get((i) => `/blocs/1/delivery/broadcasts/${i.broadcast}`),
  { ...get((i) => `/blocs/1/delivery/broadcasts/${i.foreign.broadcast}`, FOREIGN_READ), note: "bloc 2's broadcast" },
  get(() => '/blocs/1/digests'),
  get(() => '/blocs/1/downloads'),
  get(() => '/blocs/1/downloads/file?kind=annual&year=2026&format=csv'),
  get(() => '/blocs/1/scoring'),
  get(() => '/blocs/1/scoring?year=2025'),
  post(() => '/blocs/1/scoring/adjustments'),
  post((i) => `/blocs/1/scoring/assessments/${i.criterion}/${i.unit}`),
  {
    ...post((i) => `/blocs/1/scoring/assessments/${i.foreign.criterion}/${i.unit}`, FOREIGN_WRITE),
    note: "bloc 2's criterion",
  },
  {
    ...post((i) => `/blocs/1/scoring/assessments/${i.criterion}/${i.foreign.unit}`, FOREIGN_WRITE),
    note: "bloc 2's unit",
  },
  {
    ...post((i) => `/blocs/1/scoring/adjustments/${i.foreign.adjustment}/delete`, FOREIGN_WRITE),
    note: "bloc 2's entry",
  },
  // Bloc 2's ids under bloc 1's pages, for every route with a nested id (decision 0042), each
  // with a form that would otherwise be accepted, so a missing check shows as a change.
  ...foreignRoutes(),
  // Last: these change what the routes above read.
  post((i) => `/blocs/1/scoring/adjustments/${i.adjustment}/delete`),
  post((i) => `/blocs/1/covenant/criteria/${i.criterion}/delete`),
  post((i) => `/blocs/1/focal-points/${i.focalPoint}/deactivate`),
  post((i) => `/blocs/1/delivery/groups/${i.chat}/deactivate`),
  post((i) => `/users/${i.user}/disable`, PROVINCE_WRITE),
];

const SECRETS = [
  'Khối thi đua thử nghiệm',
  'Đơn vị 2',
  'Cán bộ 2',
  'Kết quả riêng của khối 1',
  'Cơ quan đạt chuẩn văn hóa',
  'Tin riêng của khối 2',
];

async function request(a: AdminTest, client: Client | null, route: Route, ids: Ids, csrf?: false): Promise<Response> {
  const path = route.path(ids);
  const form = route.form?.(ids) ?? {};
  if (client)
    return route.method === 'GET' ? client.get(path) : client.post(path, form, csrf === false ? { csrf: false } : {});
  return a.app.request(path, {
    method: route.method,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: route.method === 'POST' ? new URLSearchParams(form).toString() : undefined,
  });
}

describe.each(ROLES)('authorisation matrix: %s', (role) => {
  let a: AdminTest;
  let emu: BotEmulator;
  let ids: Ids;
  let client: Client | null;
  beforeAll(async () => {
    emu = await BotEmulator.start();
    a = await createAdminTest({ reportFiles: telegramReportFiles({ token: emu.token, apiRoot: emu.apiRoot }) });
    ids = await world(a, emu);
    client =
      role === 'anonymous'
        ? null
        : role === 'viewer'
          ? await signIn(a, 'viewer', 1)
          : role === 'blocAdmin'
            ? await signIn(a, 'bloc_admin', 1)
            : role === 'otherBlocAdmin'
              ? await signIn(a, 'bloc_admin', 2)
              : await signIn(a, 'province_admin');
  });
  afterAll(async () => {
    await a.close();
    await emu.close();
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path(NO_IDS)}${r.note ? ` (${r.note})` : ''}`, r] as const))(
    '%s',
    async (_name, route) => {
      const expected = route.expect[role];
      const before = expected === 'ok' ? null : await fingerprint(a.db);
      const res = await request(a, client, route, ids);
      if (expected === 'ok') {
        expect([200, 303, 409, 422]).toContain(res.status);
        return;
      }
      if (expected === 'login') {
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
      } else if (expected === 'home') {
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toBe(role === 'otherBlocAdmin' ? '/blocs/2' : '/blocs/1');
      } else {
        expect(res.status).toBe(expected);
        // Those who may read bloc 1 see its name in the menu; the others must see nothing of it.
        if (role === 'anonymous' || role === 'otherBlocAdmin') {
          const body = await res.text();
          for (const s of SECRETS) expect(body).not.toContain(s);
        }
      }
      expect(await fingerprint(a.db)).toBe(before);
    },
  );
});

describe('CSRF on every form', () => {
  let a: AdminTest;
  let emu: BotEmulator;
  let ids: Ids;
  let province: Client;
  beforeAll(async () => {
    emu = await BotEmulator.start();
    a = await createAdminTest();
    ids = await world(a, emu);
    province = await signIn(a, 'province_admin');
  });
  afterAll(async () => {
    await a.close();
    await emu.close();
  });

  it.each(
    ROUTES.filter((r) => r.method === 'POST').map(
      (r) => [`${r.path(NO_IDS)}${r.note ? ` (${r.note})` : ''}`, r] as const,
    ),
  )('POST %s without or with a wrong token changes nothing', async (_name, route) => {
    const before = await fingerprint(a.db);
    const missing = await request(a, province, route, ids, false);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ.');
    const wrong = await province.post(route.path(ids), {}, { csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(await fingerprint(a.db)).toBe(before);
  });
});

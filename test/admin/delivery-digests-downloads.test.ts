import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { insertDigestOnce } from '../../src/db/digests.js';
import { enqueueOutbox } from '../../src/db/outbox.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn, TZ } from './helpers.js';

/**
 * A failed message; a reminder by default, keyed as the reminder job keys it, for week 47 (still
 * taken on NOW, Wednesday of week 48: the bloc's lock is 14 days, the previous week is taken to its
 * end).
 */
async function failedMessage(
  a: AdminTest,
  blocId: number,
  chatId: string,
  reason: string,
  opts: { kind?: string; periodKey?: string; notAfter?: Date } = {},
) {
  const kind = opts.kind ?? 'reminder';
  const stage = kind === 'escalation' ? 'escalation' : 'after1';
  const dedupeKey =
    kind === 'reminder' || kind === 'escalation'
      ? `reminder:${stage}:${blocId}:${chatId}:${reason}:${opts.periodKey ?? '2026-W47'}`
      : `${kind}:${blocId}:${chatId}:${reason}:${opts.periodKey ?? '2026-W47'}`;
  await enqueueOutbox(a.db, {
    dedupeKey,
    blocId,
    kind,
    chatId,
    chatType: 'private',
    payload: { text: 'Nhắc báo cáo' },
    notAfter: opts.notAfter,
    now: NOW,
  });
  const row = await a.db
    .selectFrom('outbox_message')
    .select('id')
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  await a.db
    .updateTable('outbox_message')
    .set({
      status: 'failed',
      failure_reason: reason,
      last_error: 'Forbidden: bot was blocked by the user',
      attempts: 1,
    })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

describe('delivery page', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('shows the counts, the reasons with what to do, and who did not get what', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 2 });
    await a.db
      .updateTable('focal_point')
      .set({ telegram_chat_id: '5001' })
      .where('id', '=', bloc.focalPointIds[0]!)
      .execute();
    await failedMessage(a, 1, '5001', 'blocked');
    await enqueueOutbox(a.db, {
      dedupeKey: 'q1',
      blocId: 1,
      kind: 'digest',
      chatId: '-100',
      chatType: 'group',
      payload: { text: 'x' },
      now: NOW,
    });
    const c = await signIn(a, 'viewer', 1);
    const html = await (await c.get('/blocs/1/delivery')).text();
    expect(html).toContain('<b>1</b><span>Đang chờ gửi</span>');
    expect(html).toContain('<b>1</b><span>Không gửi được</span>');
    expect(html).toContain('Người nhận đã chặn bot');
    expect(html).toContain('Bỏ chặn');
    expect(html).toContain('Cán bộ 1 (Đơn vị 1)');
    expect(html).not.toContain('Gửi lại</button>');
  });

  it('sends a failed message again, once, and only within the bloc', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    await createSmallBloc(a.db, { name: 'Khối khác', units: 1 });
    const mine = await failedMessage(a, 1, '5001', 'not_started');
    const theirs = await failedMessage(a, 2, '6001', 'not_started');
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.post(`/blocs/1/delivery/${mine}/requeue`);
    expect(res.headers.get('location')).toBe('/blocs/1/delivery?ok=requeued');
    expect(
      (await a.db.selectFrom('outbox_message').select('status').where('id', '=', mine).executeTakeFirstOrThrow())
        .status,
    ).toBe('queued');
    expect((await c.post(`/blocs/1/delivery/${mine}/requeue`)).headers.get('location')).toBe('/blocs/1/delivery');
    expect(
      await a.db.selectFrom('audit_log').select('action').where('action', '=', 'outbox.requeue').execute(),
    ).toHaveLength(1);
    expect((await c.post(`/blocs/1/delivery/${theirs}/requeue`)).status).toBe(404);
    expect(
      (await a.db.selectFrom('outbox_message').select('status').where('id', '=', theirs).executeTakeFirstOrThrow())
        .status,
    ).toBe('failed');
  });
});

describe('resending a reminder or an escalation', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  const snapshot = async (db: AdminTest['db']) => ({
    outbox: await db.selectFrom('outbox_message').selectAll().orderBy('id').execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
  });

  it('refuses one whose period is no longer taken, though not locked yet, and changes nothing', async () => {
    // NOW is Wednesday 25/11 (week 48): week 46 locks on 29/11 (14 days) but was taken only to 22/11.
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const reminder = await failedMessage(a, 1, '5001', 'not_started', { periodKey: '2026-W46' });
    const escalation = await failedMessage(a, 1, '5002', 'not_started', { kind: 'escalation', periodKey: '2026-W46' });
    const c = await signIn(a, 'bloc_admin', 1);
    const before = await snapshot(a.db);
    for (const id of [reminder, escalation]) {
      const res = await c.post(`/blocs/1/delivery/${id}/requeue`);
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain('Không gửi lại tin này');
      expect(html).toContain('Tuần 46/2026');
      expect(html).toContain('sau ngày 22/11/2026');
      expect(html).toContain('Tình hình gửi tin');
    }
    expect(await snapshot(a.db)).toEqual(before);
  });

  it('resends one whose period is still taken, sendable only until the period stops being taken', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const id = await failedMessage(a, 1, '5001', 'not_started', {
      periodKey: '2026-W47',
      notAfter: new Date('2026-11-24T10:30:00.000Z'),
    });
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.post(`/blocs/1/delivery/${id}/requeue`);
    expect(res.headers.get('location')).toBe('/blocs/1/delivery?ok=requeued');
    const row = await a.db
      .selectFrom('outbox_message')
      .select(['status', 'not_after', 'available_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Week 47 is taken through Sunday 29/11: nothing goes out from 00:00 on 30/11 local (17:00 UTC).
    expect(row).toEqual({ status: 'queued', not_after: '2026-11-29T17:00:00.000Z', available_at: NOW.toISOString() });
  });

  it('resends a digest without a sending window, as before', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    const id = await failedMessage(a, 1, '5001', 'not_started', {
      kind: 'digest',
      periodKey: '2026-W40',
      notAfter: new Date('2026-10-05T10:30:00.000Z'),
    });
    const c = await signIn(a, 'bloc_admin', 1);
    expect((await c.post(`/blocs/1/delivery/${id}/requeue`)).headers.get('location')).toBe(
      '/blocs/1/delivery?ok=requeued',
    );
    expect(
      await a.db
        .selectFrom('outbox_message')
        .select(['status', 'not_after'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'queued', not_after: null });
  });
});

describe('past digests', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('lists the digests sent to the bloc, newest first, with their text', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1 });
    await insertDigestOnce(a.db, {
      blocId: 1,
      kind: 'period',
      periodKey: '2026-W46',
      text: 'Bản tin tuần 46 <b>đậm</b>',
      parts: [],
      figures: {},
      recipients: 2,
      now: new Date('2026-11-16T01:00:00Z'),
    });
    await insertDigestOnce(a.db, {
      blocId: 1,
      kind: 'period',
      periodKey: '2026-W47',
      text: 'Bản tin tuần 47',
      parts: [],
      figures: {},
      recipients: 3,
      now: new Date('2026-11-23T01:00:00Z'),
    });
    const c = await signIn(a, 'viewer', 1);
    const html = await (await c.get('/blocs/1/digests')).text();
    expect(html.indexOf('Bản tin kỳ 2026-W47')).toBeLessThan(html.indexOf('Bản tin kỳ 2026-W46'));
    expect(html).toContain('08:00 23/11/2026 · 3 nơi nhận');
    expect(html).toContain('Bản tin tuần 46 &lt;b&gt;đậm&lt;/b&gt;');
  });
});

describe('downloads', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('makes the annual summary as .docx, .xlsx and .csv from the summaries module', async () => {
    a = await createAdminTest();
    const { blocId } = await seedDemo(a.db, { now: NOW, timeZone: TZ });
    const c = await signIn(a, 'viewer', blocId);
    const page = await (await c.get(`/blocs/${blocId}/downloads`)).text();
    expect(page).toContain('data-download=""');
    const docx = await c.get(`/blocs/${blocId}/downloads/file?kind=annual&year=2023&format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('tong-ket-2023-khoi-1.docx');
    const docBytes = new Uint8Array(await docx.arrayBuffer());
    expect([docBytes[0], docBytes[1]]).toEqual([0x50, 0x4b]);
    expect(docx.headers.get('content-length')).toBe(String(docBytes.byteLength));
    const xlsx = await c.get(`/blocs/${blocId}/downloads/file?kind=mid_year&year=2023&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(1);
    const csv = await c.get(`/blocs/${blocId}/downloads/file?kind=annual&year=2023&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n').length).toBeGreaterThan(100);
  });

  it('says why a summary cannot be made, in Vietnamese', async () => {
    a = await createAdminTest();
    await createSmallBloc(a.db, { units: 1, year: 2026 });
    const c = await signIn(a, 'bloc_admin', 1);
    const res = await c.get('/blocs/1/downloads/file?kind=annual&year=2024&format=docx');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('chưa có giao ước thi đua năm 2024');
  });
});

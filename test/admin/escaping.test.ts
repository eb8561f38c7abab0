import { afterEach, describe, expect, it } from 'vitest';
import { periodFromKey } from '../../src/core/periods.js';
import { linkBlocChat } from '../../src/db/bloc-chats.js';
import { submitReport } from '../../src/db/reports.js';
import { publishPeriodDigest } from '../../src/jobs/digest-jobs.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, signIn } from './helpers.js';

const XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

describe('script typed into text fields', () => {
  let a: AdminTest;
  afterEach(() => a?.close());

  it('is stored as text and never reaches a page as markup', async () => {
    a = await createAdminTest({ botUsername: 'khoithidua_bot' });
    const bloc = await createSmallBloc(a.db, { units: 2 });
    const c = await signIn(a, 'province_admin');
    await a.db
      .updateTable('focal_point')
      .set({ telegram_chat_id: '5001' })
      .where('id', '=', bloc.focalPointIds[0]!)
      .execute();
    await linkBlocChat(a.db, { blocId: 1, telegramChatId: '-1001', title: `Nhóm ${XSS}`, at: new Date() });
    const posts: [string, Record<string, string>][] = [
      ['/blocs/1/edit', { name: `Khối ${XSS}`, province: XSS, description: XSS }],
      ['/blocs/1/units', { name: `Đơn vị ${XSS}`, shortName: XSS, joinedOn: '01/01/2026' }],
      [
        '/blocs/1/focal-points',
        { unitId: String(bloc.unitIds[0]), fullName: `Cán bộ ${XSS}`, position: XSS, role: 'focal_point' },
      ],
      [
        '/blocs/1/covenant/criteria?year=2026',
        { code: '9', title: XSS, kind: 'quantitative', valueType: 'count', unitOfMeasure: '<script>x', maxPoints: '1' },
      ],
      ['/holidays?year=2026', { from: '31/12/2026', name: XSS }],
      ['/blocs/1/chair/handover', { choice: 'proposal', handedOverOn: '01/01/2027', note: XSS }],
      ['/users', { username: 'xss', displayName: XSS, role: 'viewer', blocId: '1', password: 'mat-khau-du-dai' }],
      ['/blocs/1/delivery/broadcasts', { nonce: 'escaping-test-form-nonce', text: XSS, includeGroups: '1' }],
    ];
    for (const [path, fields] of posts) expect((await c.post(path, fields)).status, path).toBe(303);
    const fp = await a.db
      .selectFrom('focal_point')
      .select('id')
      .where('full_name', 'like', 'Cán bộ "%')
      .executeTakeFirstOrThrow();
    const crit = await a.db
      .selectFrom('covenant_criterion')
      .select('id')
      .where('code', '=', '9')
      .executeTakeFirstOrThrow();
    const pages = [
      '/',
      '/blocs/1',
      '/blocs/1/units',
      '/blocs/1/focal-points',
      `/blocs/1/focal-points/${fp.id}`,
      '/blocs/1/covenant?year=2026',
      `/blocs/1/covenant/criteria/${crit.id}`,
      '/holidays?year=2026',
      '/blocs/1/chair',
      '/users',
      '/audit',
      '/blocs/1/reports',
      '/blocs/1/delivery/groups',
      '/blocs/1/delivery/broadcasts',
      '/blocs/1/delivery/broadcasts/1',
    ];
    for (const p of pages) {
      const html = await (await c.get(p)).text();
      expect(html, p).not.toContain('<script>alert');
      expect(html, p).not.toContain('<img src=x');
    }
    expect(await (await c.get('/blocs/1/units')).text()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The bad input is kept as typed when a form comes back with an error, escaped too.
    const again = await c.post('/blocs/1/units', { name: XSS, joinedOn: XSS });
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes what a focal point typed in Telegram on the report page and in the stored digest', async () => {
    a = await createAdminTest();
    const bloc = await createSmallBloc(a.db, { units: 2 });
    await linkBlocChat(a.db, { blocId: 1, telegramChatId: '-1001', title: 'Nhóm Khối', at: new Date() });
    const p = periodFromKey('2026-W47');
    const { reportId } = await a.db.transaction().execute((trx) =>
      submitReport(trx, {
        blocId: 1,
        unitId: bloc.unitIds[0]!,
        period: { kind: 'week', key: p.key, start: p.start, end: p.end },
        isNil: false,
        values: [{ criterionId: bloc.criterionIds[0]!, value: 2 }],
        notableResults: `Kết quả ${XSS}`,
        difficulties: XSS,
        proposals: XSS,
        attachments: [{ kind: 'document', telegramFileId: 'DOC', fileName: `${XSS}.pdf`, caption: XSS }],
        submittedBy: { focalPointId: bloc.focalPointIds[0]! },
        via: 'telegram',
        at: new Date('2026-11-21T03:00:00Z'),
      }),
    );
    const published = await publishPeriodDigest(
      { db: a.db, timeZone: 'Asia/Ho_Chi_Minh', channels: ['telegram'] },
      1,
      p,
      new Date('2026-11-23T01:00:00Z'),
    );
    expect(published.status).toBe('queued');
    const c = await signIn(a, 'viewer', 1);
    for (const page of [`/blocs/1/reports/${reportId}`, '/blocs/1/digests', '/blocs/1/reports']) {
      const html = await (await c.get(page)).text();
      expect(html, page).not.toContain('<script>alert');
      expect(html, page).not.toContain('<img src=x');
    }
    expect(await (await c.get('/blocs/1/digests')).text()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

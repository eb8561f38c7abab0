import { afterEach, describe, expect, it } from 'vitest';
import { emailAddressOf, setEmailAddress } from '../../src/db/email-addresses.js';
import { unsubscribeRoutes } from '../../src/email/unsubscribe-routes.js';
import { UNSUBSCRIBE_PATH, unsubscribeUrl } from '../../src/email/unsubscribe-link.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc } from '../helpers/fixtures.js';

// The page a recipient sees after stopping mail says what truly happens: nothing is sent to the
// office; the office sees it on the person's page.

const SECRET = 'bí-mật-thử-nghiệm-đủ-dài-cho-hmac-0123456789';
const NOW = new Date('2026-12-03T03:00:00Z');

describe('the unsubscribe page', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('records the request and says the office sees it on the person’s page, not that it was told', async () => {
    t = await createTestDb();
    const bloc = await createSmallBloc(t.db, { units: 1 });
    const fp = bloc.focalPointIds[0]!;
    await setEmailAddress(t.db, fp, 'an@soctrang.gov.vn', NOW);
    const app = unsubscribeRoutes({ db: t.db, linkSecret: SECRET, now: () => NOW });
    const path = new URL(unsubscribeUrl('https://x.vn', SECRET, 'an@soctrang.gov.vn')).pathname;
    const rel = path.slice(UNSUBSCRIBE_PATH.length);
    const res = await app.request(rel, { method: 'POST' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('không nhận thư của hệ thống nữa');
    expect(html).toContain('Văn phòng Khối sẽ thấy điều này trên trang cán bộ đầu mối của đồng chí');
    expect(html).not.toContain('đã được báo');
    expect((await emailAddressOf(t.db, fp))?.state).toBe('unsubscribed');
  });
});

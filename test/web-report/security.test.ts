// A personal link opens its holder's own unit's reports and nothing else; a bad token, a forged
// form or too many requests get a clear page and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deactivateFocalPoint } from '../../src/db/focal-points.js';
import { issuePersonalLink, revokePersonalLink } from '../../src/db/personal-links.js';
import { getReport, listAttachments } from '../../src/db/reports.js';
import {
  BROWSER_HEADERS,
  createWebTest,
  type Fields,
  FormClient,
  file,
  LINK_SECRET,
  PNG_1PX,
  type WebTest,
} from './helpers.js';

let w: WebTest;
let c1: number;
let c2: number;
beforeEach(async () => {
  w = await createWebTest();
  [c1, c2] = w.bloc.criterionIds as [number, number];
});
afterEach(() => w.close());

const reportOf = (unit: number, key = '2026-W48') => getReport(w.t.db, w.bloc.blocId, w.bloc.unitIds[unit]!, key);
const countReports = async () => (await w.t.db.selectFrom('progress_report').select('id').execute()).length;

describe('a token that opens nothing', () => {
  it('unknown, malformed or tampered: a clear 404 page with no unit data, for the form, the receipt and a POST', async () => {
    const good = w.tokens[0]!;
    const tampered = `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [tampered, 'abc', `${good}x`]) {
      for (const [path, method] of [
        ['', 'GET'],
        ['/receipt?ky=2026-W48', 'GET'],
        ['/send', 'POST'],
      ] as const) {
        const res = await w.app.request(`http://localhost/r/${token}${path}`, { method, headers: BROWSER_HEADERS });
        const html = await res.text();
        expect(res.status, `${token}${path}`).toBe(404);
        // The word the secretariat's message uses ("liên kết cá nhân"), never a second one.
        expect(html).toContain('Liên kết báo cáo này không đúng hoặc không còn tồn tại.');
        expect(html.toLowerCase()).not.toContain('đường dẫn');
        expect(html).not.toContain('Đơn vị 1');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      }
    }
    expect(await countReports()).toBe(0);
  });

  it('revoked (re-issued) or of a focal point who left: 410 with the reason, and the new link works', async () => {
    const old = w.client(0);
    const { token } = await issuePersonalLink(w.t.db, {
      focalPointId: w.bloc.focalPointIds[0]!,
      secret: LINK_SECRET,
      by: 'admin',
      now: w.clock.now(),
    });
    const page = await old.open();
    expect(page.res.status).toBe(410);
    expect(page.html).toContain('Liên kết báo cáo này đã được Văn phòng Khối thi đua thu hồi lúc 10:00 24/11/2026');
    expect(page.html.toLowerCase()).not.toContain('đường dẫn');
    expect(page.html).not.toContain('Đơn vị 1');
    expect((await new FormClient(w.app, token).open()).res.status).toBe(200);

    await deactivateFocalPoint(w.t.db, w.bloc.focalPointIds[1]!, '2026-11-24');
    const left = await w.client(1).open();
    expect(left.res.status).toBe(410);
    expect(left.html).toContain('đã thôi nhiệm vụ');
    expect(left.html.toLowerCase()).not.toContain('đường dẫn');
    expect(left.html).not.toContain('Đơn vị 2');
  });

  it('a link revoked while its form is open: the POST is refused and nothing is stored', async () => {
    const me = w.client(0);
    await me.open();
    await revokePersonalLink(w.t.db, w.bloc.focalPointIds[0]!, 'admin', w.clock.now());
    const page = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' });
    expect(page.res.status).toBe(410);
    expect(await countReports()).toBe(0);
  });
});

describe('one unit cannot reach another', () => {
  it("unit 1's link never shows unit 2's report, and cannot write it by posting its fields or a foreign base", async () => {
    const other = w.client(1);
    await other.open();
    expect(
      (await other.send({ [`v_${c1}`]: '7', [`v_${c2}`]: '7', notableResults: 'Bí mật của đơn vị 2' })).res.status,
    ).toBe(303);
    const theirs = (await reportOf(1))!;

    const me = w.client(0);
    const form = await me.open();
    expect(form.html).not.toContain('Bí mật của đơn vị 2');
    expect(form.html).toContain('id="nil-form"'); // unit 1 has no report yet
    const receipt = await me.open('ky=2026-W48');
    expect(receipt.html).not.toContain('Bí mật');
    const theirReceipt = await w.app.request(`http://localhost/r/${me.token}/receipt?ky=2026-W48&lan=1`);
    expect(theirReceipt.status).toBe(303); // unit 1 has no report: back to its own form
    expect(await theirReceipt.text()).not.toContain('Bí mật');

    const sent = await me.send(
      {
        [`v_${c1}`]: '1',
        [`v_${c2}`]: '2',
        unit_id: String(w.bloc.unitIds[1]),
        unitId: String(w.bloc.unitIds[1]),
        bloc_id: '999',
      },
      [],
      { base: `${theirs.id}:${theirs.revision}` },
    );
    // A base that is not this unit's report is a conflict with nothing: unit 1 has no report, so it is stored as new.
    expect(sent.res.status).toBe(303);
    const mine = (await reportOf(0))!;
    expect(mine.unitId).toBe(w.bloc.unitIds[0]);
    const after = (await reportOf(1))!;
    expect(after).toEqual(theirs);
  });

  it("cannot take unit 2's kept file by its id, nor by replaying unit 2's form nonce", async () => {
    const other = w.client(1);
    await other.open();
    expect(
      (await other.send({ [`v_${c1}`]: '', [`v_${c2}`]: '1' }, [file(PNG_1PX, 'anh-don-vi-2.png', 'image/png')])).res
        .status,
    ).toBe(422);
    const theirFile = other.last.match(/name="giu_tep" value="(\d+)"/)![1]!;

    const me = w.client(0);
    await me.open();
    const page = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1', giu_tep: theirFile });
    expect(page.res.status).toBe(303);
    expect(await listAttachments(w.t.db, (await reportOf(0))!.id)).toEqual([]);
    // Their nonce with this link's form token is refused outright; with their token, too (it is bound to their link).
    const replay = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1', giu_tep: theirFile }, [], {
      nonce: other.hidden().nonce as string,
      base: 'new',
    });
    expect(replay.res.status).toBe(403);
    // Their file is still theirs: it goes with their report.
    expect((await other.send({ [`v_${c1}`]: '2', [`v_${c2}`]: '1', giu_tep: theirFile })).res.status).toBe(303);
    expect((await listAttachments(w.t.db, (await reportOf(1))!.id)).map((a) => a.fileName)).toEqual([
      'anh-don-vi-2.png',
    ]);
  });

  it('refuses a period that is not open for its bloc (garbage, another cadence, the future) with nothing stored', async () => {
    const me = w.client(0);
    await me.open();
    for (const ky of ['2026-11', '2027-W02', 'x', '2026-W99']) {
      const page = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' }, [], { ky });
      expect(page.res.status, ky).toBe(400);
      expect(page.html).toContain('Kỳ báo cáo gửi lên không hợp lệ');
    }
    expect(await countReports()).toBe(0);
  });
});

describe('CSRF', () => {
  it("refuses a POST without the form token, with a wrong one, with another link's, or from another site", async () => {
    const me = w.client(0);
    const other = w.client(1);
    await me.open();
    await other.open();
    const entries = { [`v_${c1}`]: '1', [`v_${c2}`]: '1' };
    const cases: { over: Fields; headers?: Record<string, string> }[] = [
      { over: { csrf: '' } },
      { over: { csrf: 'x'.repeat(43) } },
      { over: { nonce: other.hidden().nonce as string, csrf: other.hidden().csrf as string } },
      { over: {}, headers: { ...BROWSER_HEADERS, origin: 'https://evil.example' } },
      { over: {}, headers: { ...BROWSER_HEADERS, 'sec-fetch-site': 'cross-site' } },
      { over: {}, headers: { ...BROWSER_HEADERS, origin: 'null', 'sec-fetch-site': 'cross-site' } },
      { over: {}, headers: { ...BROWSER_HEADERS, 'sec-fetch-site': 'same-site' } },
    ];
    for (const [i, k] of cases.entries()) {
      const page = await me.send(entries, [], k.over, k.headers);
      expect(page.res.status, `case ${i}`).toBe(403);
      expect(page.html).toContain('Biểu mẫu gửi lên không hợp lệ');
      const nil = await me.nil(k.over, k.headers);
      expect(nil.res.status, `nil case ${i}`).toBe(403);
    }
    // An Origin that is neither the request's host nor PUBLIC_URL's (unset here).
    const proxied = await me.send(
      entries,
      [],
      {},
      { host: '127.0.0.1:3000', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    );
    expect(proxied.res.status).toBe(403);
    expect(await countReports()).toBe(0);
  });

  it("accepts the page's own form, which Chromium sends with Origin null under no-referrer", async () => {
    const me = w.client(0);
    await me.open();
    const page = await me.send(
      { [`v_${c1}`]: '1', [`v_${c2}`]: '1' },
      [],
      {},
      { host: 'localhost', origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expect(page.res.status).toBe(303);
  });

  it('accepts the Origin of PUBLIC_URL behind a reverse proxy', async () => {
    const p = await createWebTest({ publicUrl: 'https://thidua.example.vn' });
    try {
      const me = p.client(0);
      await me.open();
      const page = await me.send(
        { [`v_${c1}`]: '1', [`v_${c2}`]: '1' },
        [],
        {},
        { host: '127.0.0.1:3000', origin: 'https://thidua.example.vn', 'sec-fetch-site': 'same-origin' },
      );
      expect(page.res.status).toBe(303);
    } finally {
      await p.close();
    }
  });
});

describe('rate limits', () => {
  beforeEach(async () => {
    await w.close();
    w = await createWebTest({
      limits: { postsPerLink: { max: 5, windowMs: 600_000 }, failedLookupsPerAddress: { max: 4, windowMs: 600_000 } },
    });
  });

  it('per link: POSTs past the limit get 429 with Retry-After, and work again after the window', async () => {
    const me = w.client(0);
    await me.open();
    for (let i = 0; i < 5; i++) expect((await me.send({ [`v_${c1}`]: 'x', [`v_${c2}`]: '1' })).res.status).toBe(422);
    const limited = await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' });
    expect(limited.res.status).toBe(429);
    expect(limited.html).toContain('Đã có quá nhiều yêu cầu trong thời gian ngắn nên báo cáo chưa được gửi.');
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await countReports()).toBe(0);
    expect((await w.client(1).open()).res.status).toBe(200); // another link is not limited
    w.clock.set('2026-11-24T03:11:00.000Z');
    expect((await me.send({ [`v_${c1}`]: '1', [`v_${c2}`]: '1' })).res.status).toBe(303);
  });

  it('per client address: too many unknown tokens get 429, even for a good token from that address, but not from another address', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    const ask = (token: string, ip: string) => w.app.request(`http://localhost/r/${token}`, { headers: from(ip) }, env);
    for (let i = 0; i < 4; i++) expect((await ask(`${'A'.repeat(42)}${i}`, '203.0.113.7')).status).toBe(404);
    const blocked = await ask(w.tokens[0]!, '203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).not.toContain('Đơn vị 1');
    expect((await ask(w.tokens[0]!, '203.0.113.8')).status).toBe(200);
  });
});

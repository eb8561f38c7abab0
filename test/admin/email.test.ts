import { afterEach, describe, expect, it } from 'vitest';
import { listContactAddresses, preferredAddresses } from '../../src/db/contact-addresses.js';
import { emailAddressOf, unsubscribeEmailAddress } from '../../src/db/email-addresses.js';
import { enqueueOutbox, failOutbox } from '../../src/db/outbox.js';
import { paragraph } from '../../src/core/outbound-message.js';
import { createSmallBloc } from '../helpers/fixtures.js';
import { type AdminTest, createAdminTest, NOW, signIn } from './helpers.js';

// A focal point's e-mail address on their page (validated, one person's only, audited), the
// recipient's unsubscribe shown and resumed, and the "Thư điện tử" tab: the test mail and each
// person's address, last mail delivered and last error with the server's answer.

describe('e-mail in the admin', () => {
  let a: AdminTest;
  afterEach(() => a?.close());
  const sent: string[] = [];

  async function setup(role: 'bloc_admin' | 'viewer' = 'bloc_admin') {
    sent.length = 0;
    a = await createAdminTest({
      channels: ['telegram', 'email'],
      mailSender: 'Văn phòng Khối <khoi6@soctrang.gov.vn>',
      sendTestMail: async (to) => {
        sent.push(to);
        return to.startsWith('khong')
          ? { ok: false, error: '550 5.1.1 <khong@soctrang.gov.vn>: Recipient address rejected' }
          : { ok: true };
      },
    });
    const bloc = await createSmallBloc(a.db, { units: 2 });
    return { bloc, fp: bloc.focalPointIds[0]!, other: bloc.focalPointIds[1]!, c: await signIn(a, role, bloc.blocId) };
  }

  it('sets an address, makes e-mail a channel in the person’s order, and audits it', async () => {
    const { fp, c } = await setup();
    const page = await (await c.get(`/blocs/1/focal-points/${fp}`)).text();
    expect(page).toContain('Thư điện tử');
    expect(page).toContain(`action="/blocs/1/focal-points/${fp}/email"`);
    const res = await c.post(`/blocs/1/focal-points/${fp}/email`, { address: ' An.NV@HoiNongDan.SocTrang.gov.vn ' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/blocs/1/focal-points/${fp}?ok=emailSaved#email`);
    expect((await emailAddressOf(a.db, fp))?.address).toBe('an.nv@hoinongdan.soctrang.gov.vn');
    expect(await preferredAddresses(a.db, [fp], ['email'])).toEqual(
      new Map([[fp, { channel: 'email', address: 'an.nv@hoinongdan.soctrang.gov.vn' }]]),
    );
    const after = await (await c.get(`/blocs/1/focal-points/${fp}?ok=emailSaved`)).text();
    expect(after).toContain('Đã lưu địa chỉ thư điện tử của cán bộ.');
    expect(after).toContain('an.nv@hoinongdan.soctrang.gov.vn');
    const audit = await a.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'focal_point.email_set')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ before: null, after: 'an.nv@hoinongdan.soctrang.gov.vn' });
    // Removing it takes it out of the order.
    expect((await c.post(`/blocs/1/focal-points/${fp}/email/remove`, {})).status).toBe(303);
    expect((await listContactAddresses(a.db, fp)).map((x) => x.channel)).toEqual([]);
  });

  it('refuses a bad address or another person’s with a clear message and changes nothing', async () => {
    const { fp, other, c } = await setup();
    await c.post(`/blocs/1/focal-points/${other}/email`, { address: 'chung@soctrang.gov.vn' });
    for (const [typed, message] of [
      ['an@', 'Địa chỉ thư điện tử không đúng dạng'],
      ['an@soctrang', 'Tên miền trong địa chỉ không đúng'],
      ['an@x.vn\nBcc: spy@evil.example', 'Địa chỉ thư điện tử không đúng dạng'],
      ['', 'Chưa nhập địa chỉ thư điện tử.'],
      ['Chung@SocTrang.gov.vn', 'đang là địa chỉ nhận thư của đồng chí Cán bộ 2'],
    ] as const) {
      const res = await c.post(`/blocs/1/focal-points/${fp}/email`, { address: typed });
      expect(res.status, typed).toBe(422);
      const html = await res.text();
      expect(html, typed).toContain(message);
      expect(await emailAddressOf(a.db, fp), typed).toBeUndefined();
    }
    expect((await emailAddressOf(a.db, other))?.address).toBe('chung@soctrang.gov.vn');
    expect(
      await a.db.selectFrom('audit_log').select('id').where('action', '=', 'focal_point.email_set').execute(),
    ).toHaveLength(1);
  });

  it('releases a leaver’s address, audited, so their successor can have the shared mailbox', async () => {
    const { fp, other, c } = await setup();
    await c.post(`/blocs/1/focal-points/${fp}/email`, { address: 'vanphong@soctrang.gov.vn' });
    expect((await c.post(`/blocs/1/focal-points/${fp}/deactivate`, {})).status).toBe(303);
    expect(await emailAddressOf(a.db, fp)).toBeUndefined();
    const left = await a.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'focal_point.deactivate')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(left.details!)).toMatchObject({ emailReleased: 'vanphong@soctrang.gov.vn' });
    const res = await c.post(`/blocs/1/focal-points/${other}/email`, { address: 'VanPhong@soctrang.gov.vn' });
    expect(res.status).toBe(303);
    expect((await emailAddressOf(a.db, other))?.address).toBe('vanphong@soctrang.gov.vn');
  });

  it('gives the successor an address a leaver still held from before leaving released it', async () => {
    const { fp, other, c } = await setup();
    await c.post(`/blocs/1/focal-points/${fp}/email`, { address: 'vanphong@soctrang.gov.vn' });
    // A focal point who left before leaving released the address (the data as the first release left it).
    await a.db
      .updateTable('focal_point')
      .set({ status: 'left', left_at: NOW.toISOString() })
      .where('id', '=', fp)
      .execute();
    expect((await c.post(`/blocs/1/focal-points/${other}/email`, { address: 'vanphong@soctrang.gov.vn' })).status).toBe(
      303,
    );
    expect((await emailAddressOf(a.db, other))?.address).toBe('vanphong@soctrang.gov.vn');
    expect(await emailAddressOf(a.db, fp)).toBeUndefined();
    const set = await a.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'focal_point.email_set')
      .where('entity_id', '=', String(other))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(set.details!)).toMatchObject({ releasedFrom: { id: fp, fullName: 'Cán bộ 1' } });
  });

  it('shows an unsubscribe to the admin, who resumes it; a viewer changes nothing', async () => {
    const { fp, c } = await setup();
    await c.post(`/blocs/1/focal-points/${fp}/email`, { address: 'an@soctrang.gov.vn' });
    await unsubscribeEmailAddress(a.db, 'an@soctrang.gov.vn', NOW);
    expect(await preferredAddresses(a.db, [fp], ['email'])).toEqual(new Map());
    const page = await (await c.get(`/blocs/1/focal-points/${fp}`)).text();
    expect(page).toContain('Người nhận đã bấm «Ngừng nhận thư» lúc');
    expect(page).toContain('Đã yêu cầu ngừng nhận thư');
    expect((await c.post(`/blocs/1/focal-points/${fp}/email/resume`, {})).status).toBe(303);
    expect((await emailAddressOf(a.db, fp))?.state).toBe('linked');
    await a.close();
    const v = await setup('viewer');
    expect((await v.c.post(`/blocs/1/focal-points/${v.fp}/email`, { address: 'x@soctrang.gov.vn' })).status).toBe(403);
    expect(await emailAddressOf(a.db, v.fp)).toBeUndefined();
  });

  it('sends a test mail from the e-mail tab and lists each person’s last mail and last error', async () => {
    const { fp, other, c } = await setup();
    await c.post(`/blocs/1/focal-points/${fp}/email`, { address: 'an@soctrang.gov.vn' });
    await c.post(`/blocs/1/focal-points/${other}/email`, { address: 'khong@soctrang.gov.vn' });
    const message = { topic: 'reminder' as const, title: '[Khối]', blocks: [paragraph('x')], actions: [] };
    for (const [key, address] of [
      ['k1', 'an@soctrang.gov.vn'],
      ['k2', 'khong@soctrang.gov.vn'],
    ] as const)
      await enqueueOutbox(a.db, {
        dedupeKey: key,
        blocId: 1,
        kind: 'reminder',
        channel: 'email',
        address,
        audience: 'person',
        message,
        now: NOW,
      });
    await a.db
      .updateTable('outbox_message')
      .set({ status: 'sent', sent_at: NOW.toISOString() })
      .where('dedupe_key', '=', 'k1')
      .execute();
    const failed = await a.db
      .selectFrom('outbox_message')
      .select('id')
      .where('dedupe_key', '=', 'k2')
      .executeTakeFirstOrThrow();
    await a.db
      .updateTable('outbox_message')
      .set({ status: 'sending', claimed_at: NOW.toISOString() })
      .where('id', '=', failed.id)
      .execute();
    await failOutbox(a.db, failed.id, {
      reason: 'address_rejected',
      error: '550 5.1.1 <khong@soctrang.gov.vn>: User unknown',
    });

    const tab = await (await c.get('/blocs/1/delivery/email')).text();
    expect(tab).toContain('Thư được gửi từ: Văn phòng Khối &lt;khoi6@soctrang.gov.vn&gt;');
    expect(tab).toContain('an@soctrang.gov.vn');
    expect(tab).toContain('550 5.1.1 &lt;khong@soctrang.gov.vn&gt;: User unknown');
    expect(tab).toContain('không gửi được');
    expect(tab).toContain('25/11/2026');

    const ok = await c.post('/blocs/1/delivery/email/test', { to: 'Thu@SocTrang.gov.vn' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Máy chủ thư đã nhận thư thử gửi tới thu@soctrang.gov.vn');
    const refused = await c.post('/blocs/1/delivery/email/test', { to: 'khong@soctrang.gov.vn' });
    expect(refused.status).toBe(502);
    expect(await refused.text()).toContain('Không gửi được thư thử. Máy chủ thư trả lời: 550 5.1.1');
    const bad = await c.post('/blocs/1/delivery/email/test', { to: 'thu@' });
    expect(bad.status).toBe(422);
    expect(sent).toEqual(['thu@soctrang.gov.vn', 'khong@soctrang.gov.vn']);
  });
});

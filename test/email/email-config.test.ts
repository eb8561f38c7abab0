import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

// The e-mail settings: off unless SMTP_URL is set; each bad value named with a clear message; the
// SMTP password never echoed.

describe('e-mail settings', () => {
  it('are off without SMTP_URL', () => {
    const r = loadConfig({});
    expect(r.ok && r.config.email).toBeUndefined();
  });

  it('read the server, the sender with a Vietnamese name, the rate and TLS verification (on by default)', () => {
    const r = loadConfig({
      SMTP_URL: 'smtps://khoi6:mat-khau@mail.soctrang.gov.vn:465',
      MAIL_FROM: '"Văn phòng Khối thi đua số 6" <khoi6@soctrang.gov.vn>',
      MAIL_RATE_PER_MINUTE: '20',
      PUBLIC_URL: 'https://thidua.soctrang.gov.vn',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.email).toEqual({
      smtpUrl: 'smtps://khoi6:mat-khau@mail.soctrang.gov.vn:465',
      from: { name: 'Văn phòng Khối thi đua số 6', address: 'khoi6@soctrang.gov.vn' },
      ratePerMinute: 20,
      tlsVerify: true,
    });
    const off = loadConfig({
      ...{ SMTP_URL: 'smtp://mail.local:587', MAIL_FROM: 'a@soctrang.gov.vn' },
      PUBLIC_URL: 'https://x.vn',
      SMTP_TLS_VERIFY: 'false',
    });
    expect(off.ok && off.config.email?.tlsVerify).toBe(false);
  });

  it('name each bad value in Vietnamese and never echo the SMTP password', () => {
    const r = loadConfig({
      SMTP_URL: 'https://khoi6:mat-khau-bi-mat@mail.soctrang.gov.vn',
      MAIL_FROM: 'Văn phòng <khong-phai-dia-chi>',
      MAIL_RATE_PER_MINUTE: '0',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.split(':')[0]).sort()).toEqual([
      'MAIL_FROM',
      'MAIL_RATE_PER_MINUTE',
      'PUBLIC_URL',
      'SMTP_URL',
    ]);
    expect(r.errors.join('\n')).toContain('phải có dạng smtps://');
    expect(r.errors.join('\n')).not.toContain('mat-khau-bi-mat');
    const missing = loadConfig({ SMTP_URL: 'smtps://u:p@mail.soctrang.gov.vn:465' });
    expect(!missing.ok && missing.errors.map((e) => e.split(':')[0]).sort()).toEqual(['MAIL_FROM', 'PUBLIC_URL']);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('Zalo settings', () => {
  it('are off without a token, with the documented defaults', () => {
    const r = loadConfig({});
    expect(r.ok && r.config.zalo).toEqual({
      token: undefined,
      apiRoot: 'https://bot-api.zaloplatforms.com',
      mode: 'polling',
      webhookSecret: undefined,
      ratePerSecond: 10,
    });
  });

  it('name each bad value, and webhook mode needs an https PUBLIC_URL and a secret of 8–256 characters', () => {
    const bad = loadConfig({ ZALO_BOT_TOKEN: 'abc', ZALO_MODE: 'push', ZALO_RATE_PER_SECOND: '0' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.join('\n')).toMatch(/ZALO_BOT_TOKEN: có dạng/);
      expect(bad.errors.join('\n')).toMatch(/ZALO_MODE: phải là polling hoặc webhook/);
      expect(bad.errors.join('\n')).toMatch(/ZALO_RATE_PER_SECOND/);
    }
    const webhook = loadConfig({ ZALO_BOT_TOKEN: '123:abcdefgh', ZALO_MODE: 'webhook', ZALO_WEBHOOK_SECRET: 'short' });
    expect(webhook.ok).toBe(false);
    if (!webhook.ok) {
      expect(webhook.errors.join('\n')).toMatch(/ZALO_WEBHOOK_SECRET: chỉ gồm 8–256/);
      expect(webhook.errors.join('\n')).toMatch(/PUBLIC_URL: chế độ webhook của Zalo/);
    }
  });
});

// <PUBLIC_URL>/email/unsubscribe/<address>/<token>: the List-Unsubscribe link of a mail. A GET
// (a person's click, or a mail scanner's prefetch) only asks; the POST (the page's button, or a
// mail client's RFC 8058 one-click request) records it. The address then receives no more mail and
// the admin sees "Đã yêu cầu ngừng nhận thư" on the person's page until they resume it.

import { Hono } from 'hono';
import type { Db } from '../db/connection.js';
import { unsubscribeEmailAddress } from '../db/email-addresses.js';
import { escapeHtml } from './email-html.js';
import { emailText } from './messages.js';
import { addressOfUnsubscribeLink } from './unsubscribe-link.js';

const t = emailText.unsubscribe;

function page(body: string): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title></head><body style="font-family:Arial,Helvetica,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;color:#1f2933;"><h1 style="font-size:20px;">${t.title}</h1>${body}</body></html>`;
}

export function unsubscribeRoutes(deps: { db: Db; linkSecret: string; now: () => Date }): Hono {
  const app = new Hono();
  app.get('/:address/:token', (c) => {
    const address = addressOfUnsubscribeLink(deps.linkSecret, c.req.param('address'), c.req.param('token'));
    if (!address) return c.html(page(`<p>${t.invalid}</p>`), 404);
    return c.html(
      page(
        `<p>${escapeHtml(t.ask(address))}</p><form method="post"><button type="submit" style="padding:8px 16px;font-size:15px;">${t.confirm}</button></form>`,
      ),
    );
  });
  app.post('/:address/:token', async (c) => {
    const address = addressOfUnsubscribeLink(deps.linkSecret, c.req.param('address'), c.req.param('token'));
    if (!address) return c.html(page(`<p>${t.invalid}</p>`), 404);
    await unsubscribeEmailAddress(deps.db, address, deps.now());
    return c.html(page(`<p>${escapeHtml(t.done(address))}</p>`));
  });
  return app;
}

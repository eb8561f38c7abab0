import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ADMIN_CSS } from './admin-css.js';
import { ADMIN_JS } from './admin-js.js';

/** A red square with a gold star: the app's tab icon. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#9b1c1c"/><path fill="#fcd34d" d="M16 5l3.2 7.6 8.2.7-6.2 5.4 1.9 8-7.1-4.3-7.1 4.3 1.9-8-6.2-5.4 8.2-.7z"/></svg>';

function asset(body: string, type: string) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
  return { body, type, etag };
}

/** The stylesheet and script, with ETags so a phone on a slow line fetches them once. */
export function staticRoutes(): Hono {
  const files = new Map([
    ['/admin.css', asset(ADMIN_CSS, 'text/css; charset=utf-8')],
    ['/admin.js', asset(ADMIN_JS, 'text/javascript; charset=utf-8')],
    ['/favicon.svg', asset(FAVICON_SVG, 'image/svg+xml')],
  ]);
  const app = new Hono();
  app.get('/:file', (c) => {
    const f = files.get(`/${c.req.param('file')}`);
    if (!f) return c.notFound();
    c.header('ETag', f.etag);
    c.header('Cache-Control', 'public, max-age=3600, must-revalidate');
    if (c.req.header('If-None-Match') === f.etag) return c.body(null, 304);
    c.header('Content-Type', f.type);
    return c.body(f.body);
  });
  return app;
}

// The personal web report form (issue 7): <PUBLIC_URL>/r/<token> opens a mobile-first form for
// the link holder's own unit, with the same report rules as the bot. Server-rendered, works with
// JavaScript off. See docs/web-report.md.
import { Hono } from 'hono';
import { deriveFormSecret, message, type WebReportDeps, type WebReportEnv, type WebReportRuntime } from './env.js';
import { formRoutes } from './form-routes.js';
import { linkGuard } from './link-guard.js';
import { W } from './messages.js';
import { DEFAULT_LIMITS, RateLimiter } from './rate-limit.js';
import { sendRoutes } from './send-routes.js';
import { CSS_PATH } from './ui/layout.js';
import { WEB_REPORT_CSS } from './ui/stylesheet.js';

export type { WebReportDeps } from './env.js';

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The form's sub-app; mount it at `deps.basePath` ('/r') before the admin at '/'. */
export function createWebReportApp(deps: WebReportDeps): Hono {
  const rt: WebReportRuntime = {
    deps,
    base: deps.basePath ?? '/r',
    formSecret: deriveFormSecret(deps.linkSecret),
    postLimiter: new RateLimiter((deps.limits ?? DEFAULT_LIMITS).postsPerLink),
    failLimiter: new RateLimiter((deps.limits ?? DEFAULT_LIMITS).failedLookupsPerAddress),
  };
  const app = new Hono<WebReportEnv>();
  app.use('*', async (c, next) => {
    await next();
    // The token is in the URL: no Referer carries it away, no cache or search engine keeps it.
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Security-Policy', CSP);
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.get(CSS_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(WEB_REPORT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.use('/:token', linkGuard(rt));
  app.use('/:token/*', linkGuard(rt));
  app.route('/', formRoutes(rt));
  app.route('/', sendRoutes(rt));
  // Every other path under the mount point ends here, never in the admin mounted after it.
  app.all('*', (c) => message(c, rt, 404, W.notFoundTitle, W.notFound));
  app.onError((err, c) => {
    // The route pattern, never the path: the path holds the token.
    deps.logger?.error({ err, route: c.req.routePath, method: c.req.method }, 'web report form failed');
    return message(c, rt, 500, W.errorTitle, W.error);
  });
  return new Hono().route('/', app);
}

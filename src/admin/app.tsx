import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { jsxRenderer } from 'hono/jsx-renderer';
import { secureHeaders } from 'hono/secure-headers';
import { auditRoutes } from './audit/audit-routes.js';
import { loadBloc, requireAdmin, requireBlocEditor } from './auth/access.js';
import { accountRoutes } from './auth/account-routes.js';
import { requireCsrf } from './auth/csrf.js';
import { loginRoutes } from './auth/login-routes.js';
import { loadSession } from './auth/session.js';
import { editBlocRoutes, newBlocRoutes } from './blocs/bloc-routes.js';
import { overviewPage } from './blocs/overview.js';
import { broadcastRoutes } from './broadcasts/broadcast-routes.js';
import { chairRoutes } from './chair/chair-routes.js';
import { covenantRoutes } from './covenant/covenant-routes.js';
import { deliveryRoutes } from './delivery/delivery-routes.js';
import { unreachableRoutes } from './delivery/unreachable-routes.js';
import { emailRoutes } from './delivery/email-routes.js';
import { digestRoutes } from './digests/digest-routes.js';
import { downloadRoutes } from './downloads/download-routes.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import type { AdminDeps, AdminEnv } from './env.js';
import { focalPointRoutes } from './focal-points/focal-point-routes.js';
import { groupRoutes } from './groups/group-routes.js';
import { errorPage, notFoundPage } from './http/errors.js';
import { PageCache } from './http/page-cache.js';
import { staticRoutes } from './public/static-routes.js';
import { reportRoutes } from './reports/report-routes.js';
import { scheduleRoutes } from './schedule/schedule-routes.js';
import { scoringRoutes } from './scoring/scoring-routes.js';
import { holidayRoutes } from './holidays/holiday-routes.js';
import { importRoutes } from './roster-import/import-routes.js';
import { Layout } from './ui/layout.js';
import { userRoutes } from './users/user-routes.js';
import { unitRoutes } from './units/unit-routes.js';

export type { AdminDeps } from './env.js';

/** Uploads (a roster file) are small; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The pages of one bloc, under /blocs/:blocId, each resource its own sub-app. */
function blocApp(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.use('*', loadBloc(), requireBlocEditor());
  app.route('/', dashboardRoutes());
  app.route('/edit', editBlocRoutes());
  app.route('/units', unitRoutes());
  app.route('/focal-points', focalPointRoutes());
  app.route('/import', importRoutes());
  app.route('/chair', chairRoutes());
  app.route('/covenant', covenantRoutes());
  app.route('/reports', reportRoutes());
  app.route('/schedule', scheduleRoutes());
  app.route('/delivery/broadcasts', broadcastRoutes());
  app.route('/delivery/groups', groupRoutes());
  app.route('/delivery/unreachable', unreachableRoutes());
  app.route('/delivery/email', emailRoutes());
  app.route('/delivery', deliveryRoutes());
  app.route('/digests', digestRoutes());
  app.route('/downloads', downloadRoutes());
  app.route('/scoring', scoringRoutes());
  return app;
}

/**
 * The admin web app (server-rendered, Vietnamese). Mount it at '/' AFTER every other sub-app: its
 * middleware and its 404 page cover every path that reaches it.
 */
export function createAdminApp(deps: AdminDeps): Hono {
  const app = new Hono<AdminEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      strictTransportSecurity: deps.secureCookies ? 'max-age=31536000' : false,
    }),
  );
  app.route('/static', staticRoutes());
  // Browsers ask for it on their own; answering keeps it from landing on the login page.
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));
  app.use(
    '*',
    jsxRenderer((props, c) => Layout({ title: props.title, children: props.children }, c as never)),
  );
  app.use('*', async (c, next) => {
    await next();
    // Pages carry names and figures: never keep them in a shared office PC's cache.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413);
      },
    }),
  );
  const pageCache = new PageCache();
  app.use('*', async (c, next) => {
    c.set('pageCache', pageCache);
    await next();
  });
  app.use('*', loadSession(deps));
  app.route('/', loginRoutes());
  app.use('*', requireAdmin(), requireCsrf());
  app.route('/', accountRoutes());
  app.get('/', overviewPage);
  app.route('/blocs/new', newBlocRoutes());
  app.route('/holidays', holidayRoutes());
  app.route('/users', userRoutes());
  app.route('/audit', auditRoutes());
  app.route('/blocs/:blocId', blocApp());
  // The admin answers every path left under '/', so the composition root mounts it last.
  app.all('*', notFoundPage);
  app.onError(errorPage);
  return new Hono().route('/', app);
}

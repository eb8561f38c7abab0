import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AdminEnv } from '../env.js';
import { appName, nav, notices, type NoticeKey, roleNames } from '../messages.js';
import { CsrfField } from './forms.js';

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: Hono's renderer type is augmented through this interface.
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

/** `also`: another section the entry stands for (its pages are tabs of the entry's page). */
function NavLink(props: { href: string; current: string; children: Child; exact?: boolean; also?: string }) {
  const under = (href: string) => props.current === href || props.current.startsWith(`${href}/`);
  const active = props.exact
    ? props.current === props.href
    : under(props.href) || (props.also !== undefined && under(props.also));
  return (
    <li>
      <a href={props.href} aria-current={active ? 'page' : undefined}>
        {props.children}
      </a>
    </li>
  );
}

function BlocNav(props: { c: Context<AdminEnv>; path: string }) {
  const bloc = props.c.get('bloc');
  const admin = props.c.get('admin');
  if (!bloc || !admin) return null;
  const base = `/blocs/${bloc.id}`;
  const editor = admin.role !== 'viewer';
  return (
    <nav class="navbar" aria-label={nav.menu}>
      <ul>
        <li class="bloc-name">{bloc.name}</li>
        <NavLink href={base} current={props.path} exact>
          {nav.dashboard}
        </NavLink>
        <NavLink href={`${base}/reports`} current={props.path}>
          {nav.reports}
        </NavLink>
        <NavLink href={`${base}/units`} current={props.path}>
          {nav.units}
        </NavLink>
        <NavLink href={`${base}/focal-points`} current={props.path}>
          {nav.focalPoints}
        </NavLink>
        {editor ? (
          <NavLink href={`${base}/import`} current={props.path}>
            {nav.import}
          </NavLink>
        ) : null}
        <NavLink href={`${base}/chair`} current={props.path}>
          {nav.chair}
        </NavLink>
        <NavLink href={`${base}/covenant`} current={props.path}>
          {nav.covenant}
        </NavLink>
        <NavLink href={`${base}/schedule`} current={props.path}>
          {nav.schedule}
        </NavLink>
        <NavLink href={`${base}/delivery`} current={props.path}>
          {nav.delivery}
        </NavLink>
        <NavLink href={`${base}/digests`} current={props.path}>
          {nav.digests}
        </NavLink>
        <NavLink href={`${base}/scoring`} current={props.path} also={`${base}/downloads`}>
          {nav.summaries}
        </NavLink>
        {admin.role === 'province_admin' ? null : (
          <NavLink href="/holidays" current={props.path}>
            {nav.holidays}
          </NavLink>
        )}
        {admin.role === 'bloc_admin' ? (
          <NavLink href="/audit" current={props.path}>
            {nav.audit}
          </NavLink>
        ) : null}
      </ul>
    </nav>
  );
}

function MainNav(props: { c: Context<AdminEnv>; path: string }) {
  const admin = props.c.get('admin');
  if (!admin || props.c.get('bloc')) return null;
  return (
    <nav class="navbar" aria-label={nav.menu}>
      <ul>
        <NavLink href="/" current={props.path} exact>
          {nav.blocs}
        </NavLink>
        <NavLink href="/holidays" current={props.path}>
          {nav.holidays}
        </NavLink>
        {admin.role === 'province_admin' ? (
          <NavLink href="/users" current={props.path}>
            {nav.users}
          </NavLink>
        ) : null}
        {admin.role !== 'viewer' ? (
          <NavLink href="/audit" current={props.path}>
            {nav.audit}
          </NavLink>
        ) : null}
      </ul>
    </nav>
  );
}

/** The page frame: top bar with the account, the menu, the notice, then the page. */
export function Layout(props: { title: string; children?: Child }, c: Context<AdminEnv>) {
  const admin = c.get('admin');
  const path = c.req.path;
  const noticeKey = c.req.query('ok');
  const notice = noticeKey && Object.hasOwn(notices, noticeKey) ? notices[noticeKey as NoticeKey] : null;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${appName}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/admin.css" />
        <script src="/static/admin.js" defer></script>
      </head>
      <body>
        <header class="topbar">
          <div class="topbar-inner">
            <a class="brand" href="/">
              {appName}
              <small>Theo dõi phong trào thi đua</small>
            </a>
            {admin ? (
              <div class="who">
                <span title={roleNames[admin.role]}>
                  {nav.signedInAs} <b>{admin.displayName}</b>
                </span>
                {c.get('bloc') ? <a href="/">{nav.blocs}</a> : null}
                <a href="/account/password">{nav.password}</a>
                <form method="post" action="/logout">
                  <CsrfField />
                  <button type="submit" class="linklike">
                    {nav.logout}
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <BlocNav c={c} path={path} />
        <MainNav c={c} path={path} />
        <main>
          {notice ? (
            <div class="alert ok" role="status">
              {notice}
            </div>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

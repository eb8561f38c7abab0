import type { Child } from 'hono/jsx';
import { W } from '../messages.js';

/** Where the form's stylesheet is served (under the sub-app's mount point). */
export const CSS_PATH = '/assets/web-report.css';

/** The page shell: one column for a phone, no script, the stylesheet from this server. */
export function Page(props: { base: string; title: string; children: Child }) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={`${props.base}${CSS_PATH}`} />
      </head>
      <body>
        <header class="top">{W.appName}</header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** A page that says one thing: a refused link, a limit, an error. */
export function MessagePage(props: {
  base: string;
  title: string;
  text: string;
  link?: { href: string; label: string };
}) {
  return (
    <Page base={props.base} title={props.title}>
      <section class="card message">
        <h1>{props.title}</h1>
        <p>{props.text}</p>
        {props.link ? (
          <p>
            <a class="button secondary" href={props.link.href}>
              {props.link.label}
            </a>
          </p>
        ) : null}
      </section>
    </Page>
  );
}

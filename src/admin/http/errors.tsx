import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AdminEnv } from '../env.js';
import { errors as m } from '../messages.js';

function ErrorPage(props: { title: string; message: string }) {
  return (
    <div class="card">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">{m.home}</a>
      </p>
    </div>
  );
}

/** A page with only a title and a message (a refusal or a problem), with its status. */
export function messagePage(c: Context<AdminEnv>, status: ContentfulStatusCode, title: string, message: string) {
  return page(c, status, title, message);
}

function page(c: Context<AdminEnv>, status: ContentfulStatusCode, title: string, message: string) {
  c.status(status);
  return c.render(<ErrorPage title={title} message={message} />, { title });
}

/** 404 for any path no route answers. */
export const notFoundPage: NotFoundHandler<AdminEnv> = (c) => page(c, 404, m.notFoundTitle, m.notFound);

/**
 * Refusals (HTTPException) become a page with their status and no data; anything else is a bug:
 * logged with its context, and the admin sees that nothing was saved (the change's transaction
 * rolled back).
 */
export const errorPage: ErrorHandler<AdminEnv> = (err, c) => {
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 404) return page(c, 404, m.notFoundTitle, m.notFound);
    if (status === 403) return page(c, 403, m.forbiddenTitle, err.message || m.forbidden);
    if (status === 413) return page(c, 413, m.serverTitle, m.tooLarge);
    return page(c, status, m.serverTitle, err.message || m.server);
  }
  const logger = c.get('deps')?.logger;
  const context = { method: c.req.method, path: c.req.path, admin: c.get('admin')?.username };
  if (logger) logger.error({ err, ...context }, 'admin request failed');
  else console.error('admin request failed', context, err);
  return page(c, 500, m.serverTitle, m.server);
};

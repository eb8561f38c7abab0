import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Db } from '../db/connection.js';
import type { Logger } from '../logger.js';
import type { LinkHolder } from './access.js';
import type { RateLimiter, WebReportLimits } from './rate-limit.js';
import { MessagePage } from './ui/layout.js';

/** What the personal form needs from the composition root. */
export interface WebReportDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
  /** The personal link secret (decision 0050); the forms' CSRF key is derived from it. */
  linkSecret: string;
  /** PUBLIC_URL, whose host is accepted as the Origin of a POST besides the request's own Host. */
  publicUrl?: string;
  logger?: Logger;
  limits?: WebReportLimits;
  /** Largest request body read (MAX_REQUEST_BYTES unless set). */
  maxRequestBytes?: number;
  /** Where the app is mounted; '/r' by default (links are <PUBLIC_URL>/r/<token>). */
  basePath?: string;
}

export interface WebReportEnv {
  Variables: {
    holder: LinkHolder;
    token: string;
  };
}

/** Built once per app: the derived keys and the rate counters. */
export interface WebReportRuntime {
  deps: WebReportDeps;
  base: string;
  formSecret: string;
  postLimiter: RateLimiter;
  failLimiter: RateLimiter;
}

/** The forms' signing key: separate from the link secret itself, so one never stands for the other. */
export function deriveFormSecret(linkSecret: string): string {
  return createHmac('sha256', linkSecret).update('web-report-form-key').digest('base64url');
}

/** Renders a full page with its status. */
export async function html(c: Context, status: ContentfulStatusCode, page: JSX.Element): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status);
}

/** A page that only says something (no unit data). */
export function message(
  c: Context,
  rt: WebReportRuntime,
  status: ContentfulStatusCode,
  title: string,
  text: string,
  link?: { href: string; label: string },
) {
  return html(c, status, <MessagePage base={rt.base} title={title} text={text} link={link} />);
}

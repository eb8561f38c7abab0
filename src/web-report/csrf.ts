// CSRF protection of the personal form. The page is opened by a capability URL, so there is no
// session: each rendered form carries a random nonce and an HMAC of (link, nonce) under a key
// derived from the link secret. A POST must carry a pair this server signed for this very link,
// and, when the browser says where it comes from (Origin, Sec-Fetch-Site), come from this site.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh form nonce (also the form's one-time key: one stored revision per nonce). */
export function newFormNonce(): string {
  return randomBytes(18).toString('base64url');
}

const NONCE_SHAPE = /^[A-Za-z0-9_-]{24}$/;

/** The form's token for this link and nonce. */
export function formToken(secret: string, linkId: number, nonce: string): string {
  return createHmac('sha256', secret).update(`web-report-form:${linkId}:${nonce}`).digest('base64url');
}

/** Whether the posted nonce and token were issued by this server for this link. */
export function validFormToken(secret: string, linkId: number, nonce: unknown, token: unknown): nonce is string {
  if (typeof nonce !== 'string' || typeof token !== 'string' || !NONCE_SHAPE.test(nonce)) return false;
  const want = Buffer.from(formToken(secret, linkId, nonce));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * Whether the browser's own account of the request allows it: a Sec-Fetch-Site other than
 * same-origin, or an Origin whose host is not the one the request was sent to (nor PUBLIC_URL's),
 * is refused. Old browsers send neither and rely on the token alone.
 */
export function sameOriginRequest(
  headers: { origin?: string; host?: string; secFetchSite?: string },
  publicUrl?: string,
): boolean {
  const site = headers.secFetchSite?.toLowerCase();
  if (site && site !== 'same-origin' && site !== 'none') return false;
  // Under `Referrer-Policy: no-referrer` (these pages set it, so the token never leaks) browsers
  // send `Origin: null` even for the page's own forms: that tells nothing, Sec-Fetch-Site and the
  // token decide.
  if (!headers.origin || headers.origin === 'null') return true;
  let originHost: string;
  try {
    originHost = new URL(headers.origin).host.toLowerCase();
  } catch {
    return false;
  }
  const allowed = [headers.host?.toLowerCase()];
  if (publicUrl) {
    try {
      allowed.push(new URL(publicUrl).host.toLowerCase());
    } catch {
      // a bad PUBLIC_URL is refused at start; nothing to add
    }
  }
  return allowed.includes(originHost);
}

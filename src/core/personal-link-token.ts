// Personal report link tokens. A token is derived from a random nonce with the server's link
// secret (HMAC-SHA256), so the database stores only the nonce and the token's hash: the admin can
// show the same link again, while a copy of the database alone reveals no working link.
import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A token is 32 bytes (an HMAC-SHA256) in base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh random nonce for a new link (16 bytes, base64url). */
export function newLinkNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The token of a link: HMAC-SHA256 of its nonce under the link secret, base64url. */
export function deriveLinkToken(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`personal-link:${nonce}`).digest('base64url');
}

/** What the database stores to find a link by its token (hex SHA-256). */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string has the shape of a token at all (checked before any database lookup). */
export function isWellFormedLinkToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The personal link's address: `<base>/r/<token>` (base without a trailing slash). */
export function personalLinkUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/r/${token}`;
}

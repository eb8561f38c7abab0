// The List-Unsubscribe address of a recipient: <PUBLIC_URL>/email/unsubscribe/<address>/<token>,
// the token an HMAC of the address under the personal-link secret, so nobody can stop another
// person's mail by guessing, and nothing needs storing. Mail clients show an "unsubscribe" button
// from the header and, with List-Unsubscribe-Post (RFC 8058), request it with one POST.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const UNSUBSCRIBE_PATH = '/email/unsubscribe';

export function unsubscribeToken(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`email-unsubscribe:${address}`).digest('base64url');
}

export function unsubscribeUrl(publicUrl: string, secret: string, address: string): string {
  const a = Buffer.from(address).toString('base64url');
  return `${publicUrl.replace(/\/+$/, '')}${UNSUBSCRIBE_PATH}/${a}/${unsubscribeToken(secret, address)}`;
}

/** The address a link stands for, when its token is right. */
export function addressOfUnsubscribeLink(secret: string, encoded: string, token: string): string | undefined {
  const address = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(unsubscribeToken(secret, address));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined;
}

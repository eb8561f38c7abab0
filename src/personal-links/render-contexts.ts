// The RenderContext of each outbox row: the recipient's own personal report link, found from the
// row's channel and address at send time (so a link renewed after the row was queued is the one
// sent, and a revoked one is never sent). Without PUBLIC_URL there is no address to give.

import { deriveLinkToken, hashLinkToken, personalLinkUrl } from '../core/personal-link-token.js';
import { personalLinkOfAddress } from '../db/address-owner-link.js';
import type { Db } from '../db/connection.js';
import type { RenderContext } from '../delivery/channel.js';

export type RenderContextOf = (row: { channel: string; address: string }) => Promise<RenderContext>;

export function createRenderContexts(deps: {
  db: Db;
  linkSecret: string;
  publicUrl: string | undefined;
}): RenderContextOf {
  return async ({ channel, address }) => {
    if (!deps.publicUrl) return {};
    const link = await personalLinkOfAddress(deps.db, channel, address);
    if (!link) return {};
    const token = deriveLinkToken(deps.linkSecret, link.nonce);
    // A secret changed since the link was issued derives another token, which would open nothing.
    if (hashLinkToken(token) !== link.tokenHash) return {};
    return { personalLink: personalLinkUrl(deps.publicUrl, token) };
  };
}

// What the focal point's page says about each channel beyond the order of the addresses: whether
// the last delivery to an address failed for good (the person blocked the bot, the chat is gone),
// the running channels the person never linked, and how to link on Zalo (the invite code typed to
// the bot, and the bot's link when the settings give one; decision 0097).
import type { Db } from '../../db/connection.js';
import type { ContactAddress, RunningChannels } from '../../db/contact-addresses.js';
import { lastPermanentFailures } from '../../db/telegram-failures.js';
import { inviteQrDataUrl } from './invite-qr.js';

export interface ChannelReachView {
  /** Address id → the reason its last settled delivery failed for good ('blocked', 'chat_not_found', …). */
  failures: Map<number, string>;
  /** Channels this server runs on which the person has no address: never linked there. */
  neverLinked: string[];
  /** How to link on Zalo, when the server runs Zalo and the person has no Zalo address. */
  zalo: { code: string | null; botLink: string | null; qr: string | null } | null;
}

export async function channelReachOf(
  db: Db,
  addresses: readonly ContactAddress[],
  running: RunningChannels,
  zalo: { inviteCode: string | null; botLink: string | undefined },
): Promise<ChannelReachView> {
  const failures = new Map<number, string>();
  for (const channel of new Set(addresses.map((a) => a.channel))) {
    const mine = addresses.filter((a) => a.channel === channel);
    const failed = await lastPermanentFailures(
      db,
      channel,
      mine.map((a) => a.address),
    );
    for (const a of mine) {
      const reason = failed.get(a.address) ?? (a.state === 'blocked' ? 'blocked' : undefined);
      if (reason) failures.set(a.id, reason);
    }
  }
  const neverLinked = running.filter((c) => !addresses.some((a) => a.channel === c));
  const botLink = zalo.botLink ?? null;
  return {
    failures,
    neverLinked,
    zalo: neverLinked.includes('zalo')
      ? { code: zalo.inviteCode, botLink, qr: botLink ? await inviteQrDataUrl(botLink) : null }
      : null,
  };
}

// The one small interface a channel implements for the outbox (docs/decisions/0090-channels.md).
// A channel lives in its own folder (src/bot/telegram, later src/bot/zalo, src/email); main.ts
// builds it and hands it to the delivery worker. Nothing outside that folder and main.ts imports
// the channel itself; everything else speaks of channels by name and of addresses as strings.

import type { OutboundMessage } from '../core/outbound-message.js';

/** 'telegram', 'zalo', 'email', … as stored on outbox rows and addresses. */
export type ChannelName = string;

/** What the worker knows of the recipient when it renders, beyond the address. */
export interface RenderContext {
  /** The recipient's own personal report link, when the row is addressed to a focal point who has one. */
  personalLink?: string;
}

/** How one attempt ended, in the terms the outbox acts on. */
export type ChannelSendResult =
  | { type: 'sent'; platformMessageId: string | null }
  /** The platform asked to slow down: wait, and it does not count as an attempt. */
  | { type: 'rateLimited'; retryAfterMs: number; error: string }
  /** Network error, timeout, a platform error that may pass: try again later with backoff. */
  | { type: 'retryLater'; error: string }
  /** The address changed for good (a Telegram group became a supergroup): send there instead. */
  | { type: 'moved'; address: string; error: string }
  /** The person blocked the bot, or never started it: only they can undo it; the admin is told. */
  | { type: 'blockedByPerson'; reason: string; error: string }
  /** Will never succeed as it is (bad address, refused content). */
  | { type: 'permanent'; reason: string; error: string }
  /** The channel's own credentials were refused: nothing can go out until the operator fixes them. */
  | { type: 'unauthorised'; error: string };

/** The pace a channel's platform allows; the worker keeps to it. */
export interface ChannelLimits {
  /** Messages per second in total. */
  perSecond: number;
  /** At most one message per this many milliseconds to one address. */
  perAddressWindowMs: number;
}

export interface Channel {
  readonly name: ChannelName;
  readonly limits: ChannelLimits;
  /** The message in this platform's form, as the parts to send in order (each within its length limit). */
  render(message: OutboundMessage, context: RenderContext): unknown[];
  /** Sends one rendered part to an address. Never throws for a platform's answer: classifies it. */
  send(address: string, part: unknown): Promise<ChannelSendResult>;
}

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
  /** The row's dedupe key, the same on every attempt and after a crash: a channel may derive an
   * idempotency id from it (e-mail's Message-ID, which some mailboxes use to drop a duplicate). */
  messageKey?: string;
}

/** How one attempt ended, in the terms the outbox acts on. */
export type ChannelSendResult = ChannelSendOutcome & {
  /** The platform answers again after failing as a whole: what waits for a retry may go now (decision 0072). */
  recovered?: boolean;
};

export type ChannelSendOutcome =
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

/** At most `count` messages in any `windowMs` to one address. */
export interface AddressWindow {
  count: number;
  windowMs: number;
}

/** The pace a channel's platform allows; the worker keeps to it, channel by channel. */
export interface ChannelLimits {
  /** Messages per second in total on this channel. */
  perSecond: number;
  /** The pace one address allows, which only the channel can tell from the address (Telegram:
   * one a second to a person, 20 a minute to a group, whose ids are negative). */
  addressWindow(address: string): AddressWindow;
}

export interface Channel {
  readonly name: ChannelName;
  readonly limits: ChannelLimits;
  /** The message in this platform's form, as the parts to send in order (each within its length
   * limit). The worker sends them one at a time, counting them on the row (parts_sent), so a crash
   * between two parts resumes after the last one sent; rendering must therefore be deterministic. */
  render(message: OutboundMessage, context: RenderContext): unknown[];
  /** Sends one rendered part to an address. Never throws for a platform's answer: classifies it. */
  send(address: string, part: unknown): Promise<ChannelSendResult>;
  /** True while the platform fails as a whole (an outage): the worker then logs each retry at debug,
   * the channel's own warning standing for them. */
  failing?(): boolean;
  /** Releases connections at the worker's stop. */
  close?(): void;
}

/** The channels the worker delivers through, by name (main.ts builds it from the configuration). */
export type ChannelRegistry = ReadonlyMap<ChannelName, Channel>;

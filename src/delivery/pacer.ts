// Keeps one channel's sends under its platform's limits on our side, so rate-limit answers stay
// rare: at most `perSecond` sends in any window of one second (plus a safety margin for network
// jitter), no burst closer than half the average spacing, and each address within the window its
// channel gives for it (Telegram: one a second to a person, 20 a minute to a group). The worker
// keeps one pacer per channel. Times are milliseconds from a monotonic clock passed in by the caller.

import type { AddressWindow } from './channel.js';

/** At most `limit` events in any window of `windowMs`. */
export class SlidingWindow {
  private readonly times: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private prune(t: number): void {
    while (this.times.length > 0 && this.times[0]! <= t - this.windowMs) this.times.shift();
  }

  /** Milliseconds to wait before one more event is allowed at t (0 = now). */
  waitMs(t: number): number {
    this.prune(t);
    if (this.times.length < this.limit) return 0;
    return this.times[this.times.length - this.limit]! + this.windowMs - t;
  }

  record(t: number): void {
    this.times.push(t);
  }

  /** True when the window holds nothing any more (the entry can be forgotten). */
  idle(t: number): boolean {
    this.prune(t);
    return this.times.length === 0;
  }
}

export interface PacerLimits {
  perSecond: number;
  /** Added to each window to absorb jitter between our send and the platform's count. */
  marginMs: number;
}

export class DeliveryPacer {
  private readonly global: SlidingWindow;
  private readonly minGapMs: number;
  private lastSend = Number.NEGATIVE_INFINITY;
  private readonly chats = new Map<string, SlidingWindow>();
  private readonly chatPausedUntil = new Map<string, number>();
  private pausedUntil = 0;

  constructor(private readonly l: PacerLimits) {
    // Under one a second (an SMTP server's 30 a minute), one send per 1/perSecond seconds.
    this.global =
      l.perSecond >= 1
        ? new SlidingWindow(Math.floor(l.perSecond), 1000 + l.marginMs)
        : new SlidingWindow(1, 1000 / l.perSecond + l.marginMs);
    this.minGapMs = (1000 + l.marginMs) / l.perSecond / 2;
  }

  /** Milliseconds before any message may be sent (global rate, spacing, a 429 pause). */
  globalWaitMs(t: number): number {
    return Math.max(0, this.pausedUntil - t, this.lastSend + this.minGapMs - t, this.global.waitMs(t));
  }

  /** Milliseconds before a message may go to this chat. */
  chatWaitMs(chatId: string, t: number): number {
    const paused = (this.chatPausedUntil.get(chatId) ?? 0) - t;
    return Math.max(0, paused, this.chats.get(chatId)?.waitMs(t) ?? 0);
  }

  /** A send to `address`, whose channel allows `window` there. */
  record(address: string, window: AddressWindow, t: number): void {
    this.global.record(t);
    this.lastSend = t;
    let w = this.chats.get(address);
    if (!w) {
      w = new SlidingWindow(window.count, window.windowMs + this.l.marginMs);
      this.chats.set(address, w);
    }
    w.record(t);
  }

  /** After a 429: hold this chat and, to be safe, everything else for retry_after. */
  pause(chatId: string, ms: number, t: number): void {
    this.chatPausedUntil.set(chatId, t + ms);
    this.pausedUntil = Math.max(this.pausedUntil, t + ms);
  }

  /** Chats that may not be messaged at t (to leave out of the next database query). */
  coolingChats(t: number): string[] {
    const out = new Set<string>();
    for (const [chatId, w] of this.chats) {
      if (w.idle(t)) this.chats.delete(chatId);
      else if (w.waitMs(t) > 0) out.add(chatId);
    }
    for (const [chatId, until] of this.chatPausedUntil) {
      if (until <= t) this.chatPausedUntil.delete(chatId);
      else out.add(chatId);
    }
    return [...out];
  }

  /** Milliseconds until the first paced chat may be messaged again; null if none is paced. */
  soonestChatWaitMs(t: number): number | null {
    let soonest: number | null = null;
    for (const chatId of this.coolingChats(t)) {
      const w = this.chatWaitMs(chatId, t);
      if (soonest === null || w < soonest) soonest = w;
    }
    return soonest;
  }
}

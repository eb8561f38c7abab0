// In-memory sliding-window counters for the personal form: POSTs per link, failed link lookups
// per client address. One process serves one database (the supported setup), so memory is the
// right place; a restart forgets the counts, which only ever lets someone through sooner.

export interface RateRule {
  max: number;
  windowMs: number;
}

/** Counts events per key within a sliding window, with the clock passed in. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly rule: RateRule,
    /** Most keys remembered; the oldest is dropped past it, so a flood of keys cannot grow memory. */
    private readonly maxKeys = 10_000,
  ) {}

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.rule.windowMs;
    const kept = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept;
  }

  /** Milliseconds until the key may act again; 0 when it may act now. */
  waitMs(key: string, now: Date): number {
    const kept = this.recent(key, now);
    if (kept.length < this.rule.max) return 0;
    return Math.max(1, kept[kept.length - this.rule.max]! + this.rule.windowMs - now.getTime());
  }

  /** Counts one event for the key. */
  hit(key: string, now: Date): void {
    const kept = this.recent(key, now);
    if (!this.hits.has(key) && this.hits.size >= this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
    this.hits.delete(key); // re-inserted last: the map's order is the keys' age
    this.hits.set(key, [...kept, now.getTime()]);
  }
}

/** Limits of the personal form (decision 0053). */
export interface WebReportLimits {
  /** POSTs (send, nil) per link. */
  postsPerLink: RateRule;
  /** Lookups of unknown, revoked or malformed links per client address. */
  failedLookupsPerAddress: RateRule;
}

export const DEFAULT_LIMITS: WebReportLimits = {
  postsPerLink: { max: 20, windowMs: 10 * 60 * 1000 },
  failedLookupsPerAddress: { max: 30, windowMs: 10 * 60 * 1000 },
};

// The delivery worker's settings, with Telegram's published limits as defaults.

export interface DeliveryLimits {
  /** Messages per second in total (OUTBOX_RATE_PER_SECOND; Telegram: about 30). */
  perSecond: number;
  /** Messages per minute to one group (Telegram: 20). */
  perGroupPerMinute: number;
  /** Requests in flight at once; also the most messages a crash can leave in doubt. */
  maxInFlight: number;
  /** Attempts before a network/5xx failure becomes permanent ('too_many_attempts'). */
  maxAttempts: number;
  /** A request without an answer after this long is abandoned and retried. */
  requestTimeoutMs: number;
  /** First retry delay; doubles per attempt up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How often the queue is looked at when idle. */
  pollMs: number;
  /** Due rows read per query. */
  batchSize: number;
  /** Jitter allowance added to each rate window. */
  marginMs: number;
  /** One message per this many ms in a private chat (Telegram: about 1 per second). */
  privateChatWindowMs: number;
  /** Window of the group limit (Telegram: one minute); shorter only in tests. */
  groupWindowMs: number;
}

export const DEFAULT_DELIVERY_LIMITS: DeliveryLimits = {
  perSecond: 30,
  perGroupPerMinute: 20,
  maxInFlight: 10,
  maxAttempts: 20,
  requestTimeoutMs: 20_000,
  retryBaseMs: 2_000,
  retryMaxMs: 15 * 60_000,
  pollMs: 1_000,
  batchSize: 200,
  marginMs: 30,
  privateChatWindowMs: 1_000,
  groupWindowMs: 60_000,
};

/** The defaults overridden by the given settings; throws on a value that cannot work. */
export function resolveLimits(partial: Partial<DeliveryLimits> = {}): DeliveryLimits {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const l = { ...DEFAULT_DELIVERY_LIMITS, ...defined } as DeliveryLimits;
  for (const [key, value] of Object.entries(l)) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new Error(`Giới hạn gửi tin "${key}" không hợp lệ: ${String(value)}.`);
    }
  }
  if (l.perSecond <= 0 || l.perGroupPerMinute <= 0 || l.maxInFlight < 1 || l.maxAttempts < 1) {
    throw new Error('Tốc độ gửi, số tin mỗi phút cho nhóm, số yêu cầu đồng thời và số lần thử phải lớn hơn 0.');
  }
  return l;
}

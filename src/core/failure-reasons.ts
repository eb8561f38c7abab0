// Why an outbox message failed for good: the words stored on failed rows, shared by the delivery
// worker (which marks them), each channel (which classifies its platform's answers into them) and
// /metrics (which shows a series for each from the first scrape). Pure.

/** Every reason a message is marked failed for; a channel reports all but the last two in its own platform's cases. */
export const FAILURE_REASONS = [
  'blocked',
  'not_started',
  'deactivated',
  'kicked',
  'forbidden',
  'chat_not_found',
  'bad_request',
  // E-mail: the server refused the address (5xx at RCPT TO) or the message (5xx elsewhere).
  'address_rejected',
  'mail_refused',
  'too_many_attempts',
  'expired',
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];

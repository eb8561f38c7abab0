// What /healthz, /readyz and /metrics say about the two ways the product talks to Telegram. The
// types live with observability, which reads them, rather than with the HTTP surface: observability
// is the lower layer (src/http imports it), and the bot's runner sets them.

/** The bot's connection as its runner last saw it. */
export type BotStatus = 'off' | 'starting' | 'polling' | 'webhook' | 'error';
/** The outbox's sends to Telegram: 'off' without a bot token, 'error' while they fail. */
export type DeliveryStatus = 'off' | 'ok' | 'error';

// What a secret looks like in text, so logs can be scrubbed of secrets that reach them inside
// strings (an error message carrying the Bot API URL, a cookie header copied into a message).
// Field names that hold secrets are redacted by the logger itself (src/logger.ts).

/** What replaces a secret found in text. */
export const REDACTED = '[redacted]';

/**
 * Patterns of the secrets this product handles. Each matches the secret itself (with the prefix
 * that makes it recognisable), so the replacement keeps the surrounding URL or header readable.
 */
export const SECRET_PATTERNS: readonly { name: string; pattern: RegExp; keep?: string }[] = [
  // A Telegram bot token, alone or inside https://api.telegram.org/bot<token>/getMe (telegraf's errors).
  { name: 'telegram_bot_token', pattern: /\d{3,}:[A-Za-z0-9_-]{30,}/g },
  // A personal report link: /r/<32 random bytes in base64url>.
  { name: 'personal_link', pattern: /\/r\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, keep: '/r/' },
  // The admin's session cookie (32 random bytes in base64url).
  { name: 'session_cookie', pattern: /ktd_session=[A-Za-z0-9_-]+/g, keep: 'ktd_session=' },
  // Credentials in an Authorization header value.
  { name: 'authorization', pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi },
];

/** The text with every secret pattern replaced by REDACTED (keeping recognisable prefixes). */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const { pattern, keep } of SECRET_PATTERNS) out = out.replace(pattern, `${keep ?? ''}${REDACTED}`);
  return out;
}

/** The names of the secret patterns found in the text (empty when it holds none). */
export function findSecretPatterns(text: string): string[] {
  return SECRET_PATTERNS.filter(({ pattern }) =>
    new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text),
  ).map((p) => p.name);
}

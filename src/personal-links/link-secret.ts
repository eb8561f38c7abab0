// The secret personal report links are derived from (decision 0050). Set PERSONAL_LINK_SECRET to
// keep it outside the database's folder; otherwise it is kept in a file beside the database,
// created on first start, readable only by the service's user.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

/** Where the link secret lives when PERSONAL_LINK_SECRET is not set. */
export function linkSecretPath(databasePath: string): string {
  return `${databasePath}.link-secret`;
}

/**
 * The configured secret, or the one stored beside the database (created if missing). For an
 * in-memory database a fresh secret per process is returned: its links die with it anyway.
 */
export function loadOrCreateLinkSecret(configured: string | undefined, databasePath: string): string {
  if (configured) return configured;
  if (databasePath === ':memory:') return randomBytes(32).toString('base64url');
  const path = linkSecretPath(databasePath);
  if (existsSync(path)) {
    const stored = readFileSync(path, 'utf8').trim();
    if (stored.length >= 32) return stored;
    throw new Error(
      `Tệp bí mật liên kết cá nhân "${path}" bị hỏng (quá ngắn). Hãy khôi phục tệp từ bản sao lưu hoặc xoá nó rồi cấp lại liên kết cho các đầu mối.`,
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return secret;
}

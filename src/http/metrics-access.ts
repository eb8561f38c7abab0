// Who may read /metrics: a caller with the configured token, or a process on this machine. Behind
// a reverse proxy on the same machine every request arrives from loopback, so a request that
// carries a proxy's forwarding header is not counted as local (docs/decisions/0069).
import { createHash, timingSafeEqual } from 'node:crypto';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** Whether a socket's remote address is the loopback interface. */
export function isLoopback(address: string | null | undefined): boolean {
  return typeof address === 'string' && LOOPBACK.test(address);
}

/** Compares in constant time (hashing first so different lengths leak nothing either). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type MetricsAccess = 'token' | 'local' | 'missing_token' | 'wrong_token' | 'not_local';

export interface MetricsRequest {
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** The socket's remote address (null when unknown). */
  remoteAddress: string | null;
  /** Whether the request carries X-Forwarded-For, Forwarded or X-Real-IP (it came through a proxy). */
  forwarded: boolean;
}

/** Decides access: 'token' and 'local' may read; the others are refused. */
export function metricsAccess(req: MetricsRequest, token: string | undefined): MetricsAccess {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.authorization ?? '')?.[1];
  if (token && bearer !== undefined) return sameSecret(bearer, token) ? 'token' : 'wrong_token';
  if (isLoopback(req.remoteAddress) && !req.forwarded) return 'local';
  return token ? 'missing_token' : 'not_local';
}

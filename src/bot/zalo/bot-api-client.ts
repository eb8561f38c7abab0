// The one client of the Zalo Bot Platform's HTTP API (docs/zalo.md): POST <root>/bot<TOKEN>/<method>
// with a JSON body, answered { ok: true, result } or { ok: false, error_code, description }. It
// reads the body whatever the HTTP status (an error's status is its error_code) and never throws
// for a platform's answer: a network error or timeout is an answer of its own kind, so each caller
// decides (the poller waits, the channel classifies).

export type ZaloAnswer<T = unknown> =
  | { kind: 'ok'; result: T }
  | { kind: 'error'; errorCode: number; description: string; retryAfterS: number | undefined }
  /** No usable answer: the network, a timeout, or a body that is not the API's JSON. */
  | { kind: 'unreachable'; reason: 'network' | 'timeout' | 'bad_answer'; error: string };

export interface ZaloBotApiClient {
  call<T = unknown>(
    method: string,
    body?: Record<string, unknown>,
    opts?: { timeoutMs?: number },
  ): Promise<ZaloAnswer<T>>;
  /** The bot's id, the part of the token before ':' (never the secret). */
  readonly botId: string;
  close(): void;
}

/** A call still unanswered this long after its own wait is given up as a timeout. */
const DEFAULT_TIMEOUT_MS = 20_000;

export function createZaloBotApiClient(opts: { token: string; apiRoot: string }): ZaloBotApiClient {
  const root = opts.apiRoot.replace(/\/+$/, '');
  const open = new Set<AbortController>();
  return {
    botId: opts.token.split(':')[0] ?? '',
    async call<T>(method: string, body: Record<string, unknown> = {}, o: { timeoutMs?: number } = {}) {
      const controller = new AbortController();
      open.add(controller);
      const timer = setTimeout(() => controller.abort(new Error('timeout')), o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      try {
        const res = await fetch(`${root}/bot${opts.token}/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
        const text = await res.text();
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(text) as Record<string, unknown>;
        } catch {
          if (res.status >= 400)
            return { kind: 'error', errorCode: res.status, description: text.slice(0, 200), retryAfterS: undefined };
          return { kind: 'unreachable', reason: 'bad_answer', error: `HTTP ${res.status}: not JSON` } as ZaloAnswer<T>;
        }
        if (parsed.ok === true) return { kind: 'ok', result: parsed.result as T };
        const parameters = (parsed.parameters ?? {}) as Record<string, unknown>;
        return {
          kind: 'error',
          errorCode: typeof parsed.error_code === 'number' ? parsed.error_code : res.status,
          description: String(parsed.description ?? ''),
          retryAfterS: typeof parameters.retry_after === 'number' ? parameters.retry_after : undefined,
        };
      } catch (error) {
        const timedOut = controller.signal.aborted;
        return {
          kind: 'unreachable',
          reason: timedOut ? 'timeout' : 'network',
          error: timedOut ? `${method} timed out` : `${method}: ${(error as Error).message}`,
        };
      } finally {
        clearTimeout(timer);
        open.delete(controller);
      }
    },
    close() {
      for (const c of open) c.abort(new Error('closed'));
      open.clear();
    },
  };
}

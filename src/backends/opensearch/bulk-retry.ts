import { FingraphError, SinkError } from '../../errors.js';
import { sleep } from '../retry-policy.js';

/**
 * Which OpenSearch answers are worth sending again. 429 means the node is busy (write queue full,
 * indexing pressure, circuit breaker); 502/503/504 and dropped connections mean a node or proxy is
 * restarting or overloaded. Everything else (a document the mapping refuses, a bad request, an
 * authentication failure) will fail the same way the next time.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Client error classes (opensearch-js) that mean the request never got a complete answer. */
const TRANSIENT_ERROR_NAMES = new Set([
  'ConnectionError',
  'TimeoutError',
  'NoLivingConnectionsError',
]);

const TRANSIENT_CODES = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|socket hang up/i;

/** The HTTP status of a failed request, when the server answered at all. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { meta?: { statusCode?: unknown }; statusCode?: unknown } | null;
  const status = e?.meta?.statusCode ?? e?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * True when a whole `_bulk` request failed in a way a retry can fix. Resending is safe: every
 * action is an `index` by business id, so a request that did land the first time lands the same
 * documents again.
 */
export function isRetryableRequestError(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return RETRYABLE_STATUSES.has(status);
  const e = error as { name?: string; code?: string; message?: string } | null;
  if (e?.name !== undefined && TRANSIENT_ERROR_NAMES.has(e.name)) return true;
  return TRANSIENT_CODES.test(`${e?.code ?? ''} ${e?.message ?? ''}`);
}

/** A one-line reason for a failed request, without headers or request bodies. */
export function requestFailureReason(error: unknown): string {
  const status = statusOf(error);
  const e = error as {
    name?: string;
    message?: string;
    meta?: { body?: { error?: { type?: string; reason?: string } | string } };
  } | null;
  const body = e?.meta?.body?.error;
  const detail =
    typeof body === 'string'
      ? body
      : body !== undefined
        ? `${body.type ?? 'error'}: ${body.reason ?? ''}`
        : `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`;
  const line = detail.split('\n')[0] ?? detail;
  return `${status === undefined ? '' : `HTTP ${status} `}${line.slice(0, 300)}`;
}

/**
 * Runs a one-off request sequence (creating indexes, deleting them) again while OpenSearch does
 * not answer or is busy, then fails with one line naming what failed, never a client stack.
 */
export async function withRequestRetry<T>(
  work: () => Promise<T>,
  options: {
    readonly what: string;
    readonly retries?: number;
    readonly baseDelayMs?: number;
    readonly signal?: AbortSignal;
  },
): Promise<T> {
  const retries = options.retries ?? 6;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof FingraphError) throw error;
      if (!isRetryableRequestError(error) || attempt >= retries)
        throw new SinkError(
          `${options.what}: ${requestFailureReason(error)}${attempt > 0 ? ` (after ${attempt} retries)` : ''}`,
          {},
          { cause: error },
        );
      await sleep(Math.min(8_000, (options.baseDelayMs ?? 250) * 2 ** attempt), options.signal);
    }
  }
}

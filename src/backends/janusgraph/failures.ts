import { FingraphError, SinkError } from '../../errors.js';
import { delayFor, sleep, type RetryPolicy } from '../retry-policy.js';

/**
 * Which JanusGraph failures are worth retrying. Transient: the connection dropped or was refused
 * (a restarting server), a timeout, lock contention, a temporary backend error. Anything else
 * (a value the schema refuses, a bad request) is permanent for the rows that caused it.
 */
const TRANSIENT = [
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up/i,
  /connection (has been )?closed|not open|websocket/i,
  /timed? ?out|timeout/i,
  /TemporaryBackendException|TemporaryLockingException|PermanentLockingException|Lock expired|lock contention/i,
  /Server (is )?(shutting down|unavailable)|ID block allocation|ID renewal/i,
];

export function isTransient(error: unknown): boolean {
  const e = error as { message?: string; code?: string; statusCode?: number };
  if (e.statusCode === 598) return true; // server-side evaluation timeout
  const text = `${e.code ?? ''} ${e.message ?? String(error)}`;
  return TRANSIENT.some((pattern) => pattern.test(text));
}

/** A short reason for a report: the server's message without its stack. */
export function reasonOf(error: unknown): string {
  const message = (error as { message?: string }).message ?? String(error);
  return message.split('\n')[0]?.slice(0, 500) ?? 'unknown error';
}

/**
 * Runs a one-off request (schema, clear, lease) again while it fails transiently (a restarting
 * server, a dropped connection), then gives up with one line naming what failed, not a stack.
 */
export async function withTransientRetry<T>(
  work: () => Promise<T>,
  options: { readonly policy: RetryPolicy; readonly signal?: AbortSignal; readonly what: string },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof FingraphError) throw error;
      if (!isTransient(error) || attempt >= options.policy.retries) {
        throw new SinkError(
          `${options.what}: ${reasonOf(error)}${isTransient(error) ? ` (gave up after ${attempt + 1} attempts)` : ''}`,
          {},
          { cause: error },
        );
      }
      await sleep(delayFor(options.policy, attempt), options.signal);
    }
  }
}

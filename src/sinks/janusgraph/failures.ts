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

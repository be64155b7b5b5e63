import { SchemaError } from '../../errors.js';
import { delayFor, sleep, type RetryPolicy } from '../retry-policy.js';
import { janusGraphManagementScript, janusGraphSchema } from '../../schema/index.js';
import type { JanusGraphConnection } from './connection.js';
import { scriptResultObject } from './script-result.js';

export interface SchemaApplyResult {
  /** What was created; empty when the schema was already there. */
  readonly created: readonly string[];
}

/**
 * Another loader (a parallel shard) applying the schema at the same moment makes the management
 * transaction fail ("The transaction has already been closed", a lock): the next attempt finds
 * what the other created. Shards should still apply the schema once before they start
 * (docs/sharding.md); this covers the race when they do not.
 */
const CONCURRENT_APPLY_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 250, maxDelayMs: 2_000 };

/**
 * Applies fingraph's schema through the management API. Idempotent: a second apply creates
 * nothing. An existing schema that conflicts (another type for a property key, another
 * multiplicity, an index on other keys) is reported and left untouched.
 */
export async function applyJanusGraphSchema(
  connection: JanusGraphConnection,
): Promise<SchemaApplyResult> {
  const script = janusGraphManagementScript(janusGraphSchema());
  let result: Awaited<ReturnType<typeof connection.client.submit>>;
  for (let attempt = 0; ; attempt++) {
    try {
      result = await connection.client.submit(script);
      break;
    } catch (error) {
      if (attempt >= CONCURRENT_APPLY_RETRY.retries) throw error;
      await sleep(delayFor(CONCURRENT_APPLY_RETRY, attempt));
    }
  }
  const answer = scriptResultObject(result.toArray()) as {
    created?: string[];
    conflicts?: string[];
  };
  const conflicts = answer.conflicts ?? [];
  if (conflicts.length > 0) {
    throw new SchemaError(
      `janusgraph: ${connection.url}: existing schema conflicts with fingraph's, nothing changed: ${conflicts.join('; ')}`,
      { conflicts },
    );
  }
  return { created: answer.created ?? [] };
}

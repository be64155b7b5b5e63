import { SchemaError } from '../../errors.js';
import { janusGraphManagementScript, janusGraphSchema } from '../../schema/index.js';
import type { JanusGraphConnection } from './connection.js';
import { scriptResultObject } from './script-result.js';

export interface SchemaApplyResult {
  /** What was created; empty when the schema was already there. */
  readonly created: readonly string[];
}

/**
 * Applies fingraph's schema through the management API. Idempotent: a second apply creates
 * nothing. An existing schema that conflicts (another type for a property key, another
 * multiplicity, an index on other keys) is reported and left untouched.
 */
export async function applyJanusGraphSchema(
  connection: JanusGraphConnection,
): Promise<SchemaApplyResult> {
  const script = janusGraphManagementScript(janusGraphSchema());
  const result = await connection.client.submit(script);
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

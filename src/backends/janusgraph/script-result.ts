/** GraphSON maps arrive as JS Maps; turn them (deeply) into plain objects. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Map)
    return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toPlain(v)]));
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

/**
 * The object a Groovy script returned. Gremlin Server iterates a returned map, so a script ending
 * in `[a: 1, b: 2]` arrives as two results, one entry each; this merges them back.
 */
export function scriptResultObject(items: readonly unknown[]): Record<string, unknown> {
  return Object.assign(
    {},
    ...items.map((item) => toPlain(item) as Record<string, unknown>),
  ) as Record<string, unknown>;
}

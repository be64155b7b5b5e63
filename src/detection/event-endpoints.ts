import { readOutputDirectory } from '../sources/read-output-directory.js';
import type { EventEndpoints } from './report-html.js';

/**
 * The endpoints of the given edge events, read from an output directory's files (for drawing
 * patterns; the backends are not asked, so the drawing shows what was generated). Reads the whole
 * directory once; events that are vertices (documents, …) have no endpoints and are left out.
 */
export async function readEventEndpoints(
  directory: string,
  eventIds: ReadonlySet<string>,
): Promise<Map<string, EventEndpoints>> {
  const found = new Map<string, EventEndpoints>();
  if (eventIds.size === 0) return found;
  const source = await readOutputDirectory(directory, { batchSize: 10_000 });
  const stream = source.batches();
  for (let next = await stream.next(); next.done !== true; next = await stream.next()) {
    for (const edge of next.value.edges)
      if (eventIds.has(edge.id))
        found.set(edge.id, { label: edge.label, from: edge.outV, to: edge.inV });
    if (found.size === eventIds.size) break;
  }
  return found;
}

import { readOutputDirectory } from '../sources/read-output-directory.js';
import {
  eventKey,
  type AccountOwner,
  type DrawingFacts,
  type DrawingWants,
  type EventEndpoints,
} from './drawing-facts.js';

/**
 * The drawing facts of an output directory's files: the endpoints of the wanted events, the
 * owners of the wanted accounts, the types of the wanted documents. The backends are not asked, so
 * the drawings show what was generated. Reads the directory once.
 */
export async function readDrawingFactsFromFiles(
  directory: string,
  wants: DrawingWants,
): Promise<DrawingFacts> {
  const endpoints = new Map<string, EventEndpoints>();
  const owners = new Map<string, AccountOwner[]>();
  const documentTypes = new Map<string, string>();
  const source = await readOutputDirectory(directory, { batchSize: 10_000 });
  const stream = source.batches();
  for (let next = await stream.next(); next.done !== true; next = await stream.next()) {
    for (const vertex of next.value.vertices)
      if (vertex.label === 'document' && wants.documents.has(vertex.id))
        documentTypes.set(vertex.id, vertex.properties['document_type']);
    for (const edge of next.value.edges) {
      if (edge.label === 'owns' && wants.accounts.has(edge.inV)) {
        const list = owners.get(edge.inV) ?? [];
        list.push({ id: edge.outV, role: edge.properties['role'] });
        owners.set(edge.inV, list);
      }
      if (wants.events.get(edge.label)?.has(edge.id) === true)
        endpoints.set(eventKey(edge.label, edge.id), {
          label: edge.label,
          from: edge.outV,
          to: edge.inV,
        });
    }
  }
  // By owner id: the files and the indexes give owners in different orders, the drawing must not.
  for (const list of owners.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { endpoints, owners, documentTypes };
}

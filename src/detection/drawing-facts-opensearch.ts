import { isEdgeLabel, VOCABULARY, type Label } from '../model/index.js';
import { INDEXED_LABELS, indexNameOf } from '../schema/index.js';
import type { OpenSearchConnection } from '../backends/index.js';
import {
  eventKey,
  type AccountOwner,
  type DrawingFacts,
  type DrawingWants,
  type EventEndpoints,
} from './drawing-facts.js';
import { isIndexMissing, scrollAll } from './opensearch-scroll.js';

type Doc = Readonly<Record<string, unknown>>;

/** Ids per request: well under OpenSearch's default max_terms_count (65,536). */
const CHUNK = 2_000;

async function fetchDocs(
  connection: OpenSearchConnection,
  index: string,
  field: string,
  values: readonly string[],
): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const chunk = values.slice(i, i + CHUNK);
    const query = field === '_id' ? { ids: { values: chunk } } : { terms: { [field]: chunk } };
    try {
      docs.push(...((await scrollAll(connection, index, query)) as Doc[]));
    } catch (error) {
      if (isIndexMissing(error)) return docs;
      throw error;
    }
  }
  return docs;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The drawing facts read from a loaded OpenSearch (for `detect` without the files): edge events
 * from their label's index (`from_id`, `to_id`), `issued`/`billed_to` — which have no index — from
 * the document's `issuer_id`/`recipient_id`, owners from the `owns` index, document types from
 * the documents index. Events of labels OpenSearch does not hold (traveled) stay without
 * endpoints, and the drawings say so.
 */
export async function readDrawingFactsFromOpenSearch(
  connection: OpenSearchConnection,
  indexPrefix: string,
  wants: DrawingWants,
): Promise<DrawingFacts> {
  const endpoints = new Map<string, EventEndpoints>();
  const index = (label: Label) => indexPrefix + indexNameOf(label);
  for (const [label, ids] of wants.events) {
    if (!isEdgeLabel(label) || !INDEXED_LABELS.includes(label)) continue;
    const key = VOCABULARY[label].key;
    for (const doc of await fetchDocs(connection, index(label), '_id', [...ids])) {
      const id = text(doc[key]);
      endpoints.set(eventKey(label, id), {
        label,
        from: text(doc['from_id']),
        to: text(doc['to_id']),
      });
    }
  }
  const documentIds = new Set([
    ...wants.documents,
    ...(wants.events.get('issued') ?? []),
    ...(wants.events.get('billed_to') ?? []),
  ]);
  const documentTypes = new Map<string, string>();
  for (const doc of await fetchDocs(connection, index('document'), '_id', [...documentIds])) {
    const id = text(doc['document_id']);
    documentTypes.set(id, text(doc['document_type']) || 'document');
    const issuer = text(doc['issuer_id']);
    const recipient = text(doc['recipient_id']);
    if (issuer !== '' && wants.events.get('issued')?.has(id) === true)
      endpoints.set(eventKey('issued', id), { label: 'issued', from: issuer, to: id });
    if (recipient !== '' && wants.events.get('billed_to')?.has(id) === true)
      endpoints.set(eventKey('billed_to', id), { label: 'billed_to', from: id, to: recipient });
  }
  for (const id of documentTypes.keys()) if (!wants.documents.has(id)) documentTypes.delete(id);
  const owners = new Map<string, AccountOwner[]>();
  for (const doc of await fetchDocs(connection, index('owns'), 'to_id', [...wants.accounts])) {
    const account = text(doc['to_id']);
    const list = owners.get(account) ?? [];
    list.push({ id: text(doc['from_id']), role: text(doc['role']) });
    owners.set(account, list);
  }
  // By owner id: the files and the indexes give owners in different orders, the drawing must not.
  for (const list of owners.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { endpoints, owners, documentTypes };
}

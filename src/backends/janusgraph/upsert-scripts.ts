import { elementDefinition } from '../../model/index.js';
import { propertyJson, type ElementRecord } from './element-values.js';

/*
 * Why Groovy scripts and not mergeV/mergeE bytecode (measured, see README "JanusGraph loading"):
 * mergeE matching on endpoints and key scans the out-vertex's adjacency for every row, and
 * matching on the key alone runs an index query that JanusGraph answers by also scanning every
 * relation the request has added so far (quadratic in the batch size). These scripts instead look
 * every row up at once *before* the first write (one composite-index query per edge label, one
 * multi-id vertex fetch), then add or update. They are statically compiled, sent as constant text
 * with the values as bindings (never spliced in), so Gremlin Server compiles each script once.
 * The values travel as one JSON string binding, parsed in the script by the Jackson that Gremlin
 * Server ships (shaded): typed GraphSON maps cost the client twice and the server about 12 % more
 * CPU per element. JSON numbers arrive as Integer, Long or Double and timestamps as epoch
 * milliseconds; JanusGraph converts both to the property key's declared type.
 *
 * Under storage.batch-loading JanusGraph returns a vertex for any id, existing or not, and such a
 * phantom has the default label "vertex": an endpoint is missing when it is absent or has that
 * label. A missing endpoint is reported back, never created (a placeholder vertex with a custom
 * id, created by two loaders at once, corrupts the graph).
 *
 * Properties that already hold the same values are not written again, so a reload reads but does
 * not rewrite (an edge property write makes JanusGraph delete and re-add the edge).
 */

const PRELUDE = `
import org.apache.tinkerpop.gremlin.process.traversal.P
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource
import org.apache.tinkerpop.gremlin.structure.Edge
import org.apache.tinkerpop.gremlin.structure.Element
import org.apache.tinkerpop.gremlin.structure.T
import org.apache.tinkerpop.gremlin.structure.Vertex
import org.apache.tinkerpop.shaded.jackson.databind.ObjectMapper

/* One parser per compiled script (Gremlin Server compiles each script text once). */
class FingraphJson { static final ObjectMapper MAPPER = new ObjectMapper() }

@groovy.transform.CompileStatic
Map<String, List> fingraphColumns(String rows) {
  return (Map<String, List>) FingraphJson.MAPPER.readValue(rows, Map.class)
}

@groovy.transform.CompileStatic
boolean fingraphSame(Object a, Object b) {
  if (a instanceof Date && b instanceof Number) return ((Date) a).getTime() == ((Number) b).longValue()
  if (a instanceof Number && b instanceof Number) return ((Number) a).doubleValue() == ((Number) b).doubleValue()
  return a == b
}

/* Sets the properties whose values differ; returns whether anything was written. */
@groovy.transform.CompileStatic
boolean fingraphUpdate(Element element, Map<Object, Object> properties) {
  boolean changed = false
  for (Map.Entry<Object, Object> entry : properties.entrySet()) {
    String key = (String) entry.key
    Iterator<? extends org.apache.tinkerpop.gremlin.structure.Property<Object>> current = element.properties(key)
    if (current.hasNext() && fingraphSame(current.next().value(), entry.value)) continue
    element.property(key, entry.value)
    changed = true
  }
  return changed
}
`;

/**
 * Upserts vertices by custom id. Returns [created, updated, unchanged, conflicts] where conflicts
 * are [row, existing label] for ids that exist with another label (left untouched).
 */
export const UPSERT_VERTICES_SCRIPT = `${PRELUDE}
@groovy.transform.CompileStatic
List fingraphUpsertVertices(GraphTraversalSource g, String rows) {
  Map<String, List> columns = fingraphColumns(rows)
  List rowLabels = columns.get('labels'), rowIds = columns.get('ids'), rowProps = columns.get('props')
  int n = rowIds.size()
  Object[] labels = rowLabels.toArray(), ids = rowIds.toArray(), props = rowProps.toArray()
  Map<Object, Vertex> existing = new HashMap<>()
  for (Vertex v : g.V(ids).toList()) if (v.label() != 'vertex') existing.put(v.id(), v)
  List<List<Object>> conflicts = new ArrayList<>()
  int created = 0, updated = 0, unchanged = 0
  for (int i = 0; i < n; i++) {
    Map<Object, Object> p = (Map<Object, Object>) props[i]
    Vertex v = existing.get(ids[i])
    if (v == null) {
      Object[] keyValues = new Object[p.size() * 2 + 4]
      keyValues[0] = T.id; keyValues[1] = ids[i]; keyValues[2] = T.label; keyValues[3] = labels[i]
      int j = 4
      for (Map.Entry<Object, Object> entry : p.entrySet()) { keyValues[j++] = entry.key; keyValues[j++] = entry.value }
      existing.put(ids[i], g.getGraph().addVertex(keyValues))
      created++
    } else if (v.label() != labels[i]) {
      conflicts.add([i, v.label()] as List<Object>)
    } else if (fingraphUpdate(v, p)) {
      updated++
    } else {
      unchanged++
    }
  }
  return [created, updated, unchanged, conflicts]
}
fingraphUpsertVertices(g, rows)
`;

/**
 * Upserts edges matched by label, business key and endpoints (an edge with the same key between
 * other endpoints is another edge: it is added, and the post-load count check reports the
 * difference). Returns [created, updated, unchanged, missing]: missing are [row, endpoint id] for
 * rows with an endpoint not in the graph, for which nothing was written.
 */
export const UPSERT_EDGES_SCRIPT = `${PRELUDE}
@groovy.transform.CompileStatic
List fingraphUpsertEdges(GraphTraversalSource g, String rows) {
  Map<String, List> columns = fingraphColumns(rows)
  List rowLabels = columns.get('labels'), rowKeys = columns.get('keys'), rowIds = columns.get('ids')
  List rowOuts = columns.get('outs'), rowIns = columns.get('ins'), rowProps = columns.get('props')
  int n = rowIds.size()
  Object[] labels = rowLabels.toArray(), keys = rowKeys.toArray(), ids = rowIds.toArray()
  Object[] outs = rowOuts.toArray(), ins = rowIns.toArray(), props = rowProps.toArray()
  Map<String, List<Object>> idsByLabel = new LinkedHashMap<>()
  Map<String, String> keyOfLabel = new HashMap<>()
  for (int i = 0; i < n; i++) {
    String label = (String) labels[i]
    List<Object> labelIds = idsByLabel.get(label)
    if (labelIds == null) { labelIds = new ArrayList<Object>(); idsByLabel.put(label, labelIds); keyOfLabel.put(label, (String) keys[i]) }
    labelIds.add(ids[i])
  }
  // All lookups before the first write: an index query in a transaction that has added
  // relations also scans every one of them.
  Map<String, Edge> existing = new HashMap<>()
  for (Map.Entry<String, List<Object>> entry : idsByLabel.entrySet()) {
    String key = keyOfLabel.get(entry.key)
    for (Edge e : g.E().hasLabel(entry.key).has(key, P.within(entry.value)).toList())
      existing.put(entry.key + '|' + e.value(key) + '|' + e.outVertex().id() + '|' + e.inVertex().id(), e)
  }
  Set<Object> endpointIds = new LinkedHashSet<Object>(rowOuts)
  endpointIds.addAll(rowIns)
  Map<Object, Vertex> endpoints = new HashMap<>()
  for (Vertex v : g.V(endpointIds.toArray()).toList()) if (v.label() != 'vertex') endpoints.put(v.id(), v)
  List<List<Object>> missing = new ArrayList<>()
  int created = 0, updated = 0, unchanged = 0
  for (int i = 0; i < n; i++) {
    Vertex out = endpoints.get(outs[i]), inV = endpoints.get(ins[i])
    if (out == null || inV == null) { missing.add([i, out == null ? outs[i] : ins[i]] as List<Object>); continue }
    Map<Object, Object> p = (Map<Object, Object>) props[i]
    String rowKey = ((String) labels[i]) + '|' + ids[i] + '|' + outs[i] + '|' + ins[i]
    Edge e = existing.get(rowKey)
    if (e == null) {
      Object[] keyValues = new Object[p.size() * 2 + 2]
      keyValues[0] = keys[i]; keyValues[1] = ids[i]
      int j = 2
      for (Map.Entry<Object, Object> entry : p.entrySet()) { keyValues[j++] = entry.key; keyValues[j++] = entry.value }
      existing.put(rowKey, out.addEdge((String) labels[i], inV, keyValues))
      created++
    } else if (fingraphUpdate(e, p)) {
      updated++
    } else {
      unchanged++
    }
  }
  return [created, updated, unchanged, missing]
}
fingraphUpsertEdges(g, rows)
`;

/**
 * The binding for UPSERT_VERTICES_SCRIPT: the columns as one JSON string, which the script parses
 * with Jackson. Cheaper on both ends than typed GraphSON values (see README "JanusGraph loading").
 */
export function vertexBindings(
  records: readonly ElementRecord[],
  withLabels = false,
): { rows: string } {
  return {
    rows: JSON.stringify({
      labels: records.map((r) => r.label),
      ids: records.map((r) => r.id),
      props: records.map((r) => propertyJson(r, withLabels)),
    }),
  };
}

/** The binding for UPSERT_EDGES_SCRIPT, as for vertices. */
export function edgeBindings(
  records: readonly ElementRecord[],
  withLabels = false,
): { rows: string } {
  return {
    rows: JSON.stringify({
      labels: records.map((r) => r.label),
      keys: records.map((r) => elementDefinition(r.label).key),
      ids: records.map((r) => r.id),
      outs: records.map((r) => r.outV),
      ins: records.map((r) => r.inV),
      props: records.map((r) => propertyJson(r, withLabels)),
    }),
  };
}

/** What one upsert request did; row numbers index the request's records. */
export interface UpsertOutcome {
  /** Rows written or already up to date. */
  readonly landed: number;
  /** Edge rows with an endpoint not in the graph: nothing was written for them. */
  readonly missing: readonly { readonly row: number; readonly endpoint: string }[];
  /** Vertex rows whose id exists with another label; left untouched. */
  readonly conflicts: readonly { readonly row: number; readonly reason: string }[];
}

/**
 * Reads a script's answer. Gremlin Server iterates a returned list, so its items arrive as
 * separate results: counts first, then the lists of rows.
 */
export function upsertOutcome(
  items: readonly unknown[],
  records: readonly ElementRecord[],
  isEdges: boolean,
): UpsertOutcome {
  const count = (i: number) => Number(items[i]);
  const rows = (i: number) => (items[i] ?? []) as unknown[][];
  if (!isEdges) {
    return {
      landed: count(0) + count(1) + count(2),
      missing: [],
      conflicts: rows(3).map(([row, label]) => ({
        row: Number(row),
        reason: `vertex ${records[Number(row)]?.id ?? '?'} exists with label ${String(label)}`,
      })),
    };
  }
  return {
    landed: count(0) + count(1) + count(2),
    missing: rows(3).map(([row, endpoint]) => ({ row: Number(row), endpoint: String(endpoint) })),
    conflicts: [],
  };
}

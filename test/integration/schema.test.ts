import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  janusGraphManagementScript,
  janusGraphSchema,
  openSearchIndexes,
} from '../../src/schema/index.js';
import { applyJanusGraphSchema } from '../../src/backends/janusgraph/apply-schema.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { scriptResultObject } from '../../src/backends/janusgraph/script-result.js';
import { applyOpenSearchSchema } from '../../src/backends/opensearch/apply-schema.js';
import type { OpenSearchConnection } from '../../src/backends/opensearch/connection.js';
import { runCli } from '../helpers/cli.js';
import {
  dropIndexes,
  indexPrefix,
  janusgraph,
  JANUSGRAPH_URL,
  opensearch,
  OPENSEARCH_URL,
} from './backends.js';

const prefix = indexPrefix(import.meta.url);
let jg: JanusGraphConnection;
let os: OpenSearchConnection;

beforeAll(async () => {
  jg = await janusgraph();
  os = await opensearch();
  await dropIndexes(os, prefix);
});
afterAll(async () => {
  await dropIndexes(os, prefix);
  await jg.close();
  await os.close();
});

/** What the JanusGraph management API says is there, read back independently of apply. */
async function readBackJanusGraph() {
  const script = `
    def m = graph.openManagement()
    try {
      [ keys: m.getRelationTypes(org.janusgraph.core.PropertyKey.class).collect { [it.name(), it.dataType().name] },
        vertexLabels: m.getVertexLabels().collect { it.name() },
        edgeLabels: m.getRelationTypes(org.janusgraph.core.EdgeLabel.class).collect { [it.name(), it.multiplicity().name()] },
        indexes: (m.getGraphIndexes(Vertex.class) + m.getGraphIndexes(Edge.class)).collect { [it.name(), it.getFieldKeys()*.name(), it.isUnique(), it.getIndexStatus(it.getFieldKeys()[0]).name()] },
        relationIndexes: m.getRelationTypes(org.janusgraph.core.EdgeLabel.class).collectMany { l -> m.getRelationIndexes(l).collect { [it.name(), l.name(), it.getIndexStatus().name()] } } ]
    } finally { m.rollback() }`;
  const result = await jg.client.submit(script);
  return scriptResultObject(result.toArray()) as unknown as {
    keys: [string, string][];
    vertexLabels: string[];
    edgeLabels: [string, string][];
    indexes: [string, string[], boolean, string][];
    relationIndexes: [string, string, string][];
  };
}

describe('schema apply on real JanusGraph', () => {
  it('creates what schema/ declares, enabled, and a second apply changes nothing', async () => {
    await applyJanusGraphSchema(jg);
    const expected = janusGraphSchema();
    const actual = await readBackJanusGraph();
    const keys = new Map(actual.keys);
    for (const key of expected.propertyKeys)
      expect(keys.get(key.key), `property key ${key.key}`).toBe(key.className);
    expect(actual.vertexLabels).toEqual(
      expect.arrayContaining(expected.vertexLabels.map((v) => v.label)),
    );
    const edges = new Map(actual.edgeLabels);
    for (const edge of expected.edgeLabels)
      expect(edges.get(edge.label), `edge label ${edge.label}`).toBe(edge.multiplicity);
    const indexes = new Map(
      actual.indexes.map(([name, fieldKeys, unique, status]) => [
        name,
        { fieldKeys, unique, status },
      ]),
    );
    for (const index of expected.compositeIndexes) {
      expect(indexes.get(index.name), `index ${index.name}`).toEqual({
        fieldKeys: index.keys.map((k) => k.propertyKey),
        unique: index.unique,
        status: 'ENABLED',
      });
    }
    const relationIndexes = new Map(
      actual.relationIndexes.map(([name, label, status]) => [name, { label, status }]),
    );
    for (const index of expected.vertexCentricEdgeIndexes) {
      expect(relationIndexes.get(index.name), `vertex-centric ${index.name}`).toEqual({
        label: index.indexedEdgeLabel,
        status: 'ENABLED',
      });
    }
    expect((await applyJanusGraphSchema(jg)).created).toEqual([]);
  });

  it('reports a conflicting property type and changes nothing', async () => {
    await applyJanusGraphSchema(jg);
    const conflicting = janusGraphSchema();
    const tampered = {
      ...conflicting,
      propertyKeys: conflicting.propertyKeys.map((k) =>
        k.key === 'amount' ? { ...k, className: 'java.lang.String' } : k,
      ),
      vertexLabels: [...conflicting.vertexLabels, { label: 'should_not_be_created' }],
    };
    const result = await jg.client.submit(janusGraphManagementScript(tampered));
    const answer = scriptResultObject(result.toArray());
    expect(answer['conflicts']).toEqual([
      'property key amount is java.lang.Double, expected java.lang.String',
    ]);
    const after = await readBackJanusGraph();
    expect(after.vertexLabels).not.toContain('should_not_be_created');
  });
});

describe('schema apply on real OpenSearch', () => {
  it('creates strict mappings equal to schema/ and a second apply changes nothing', async () => {
    const first = await applyOpenSearchSchema(os, prefix);
    expect(first.created).toHaveLength(Object.keys(openSearchIndexes()).length);
    for (const [kind, definition] of Object.entries(openSearchIndexes())) {
      const body = (await os.client.indices.getMapping({ index: prefix + kind })).body as Record<
        string,
        { mappings: Record<string, unknown> }
      >;
      const mappings = body[prefix + kind]?.mappings;
      expect(mappings?.['dynamic']).toBe('strict');
      expect(mappings?.['_meta']).toEqual(definition.mappings['_meta']);
      expect(Object.keys(mappings?.['properties'] as object).sort()).toEqual(
        Object.keys(definition.mappings['properties'] as object).sort(),
      );
    }
    const second = await applyOpenSearchSchema(os, prefix);
    expect(second.created).toEqual([]);
    expect(second.unchanged).toHaveLength(first.created.length);
  });

  it('reports an index with another mapping and leaves it alone', async () => {
    const conflictPrefix = `${prefix}conflict-`;
    await os.client.indices.create({
      index: `${conflictPrefix}transfers`,
      body: { mappings: { properties: { amount: { type: 'keyword' } } } },
    });
    await expect(applyOpenSearchSchema(os, conflictPrefix)).rejects.toThrow(
      /other mappings than fingraph's, left untouched: it-schema-conflict-transfers/,
    );
    const mapping = (await os.client.indices.getMapping({ index: `${conflictPrefix}transfers` }))
      .body as Record<string, { mappings: { properties: Record<string, { type: string }> } }>;
    expect(mapping[`${conflictPrefix}transfers`]?.mappings.properties['amount']?.type).toBe(
      'keyword',
    );
    await dropIndexes(os, conflictPrefix);
  });
});

describe('fingraph schema apply (CLI)', () => {
  it('applies to both backends, says so, and a second run changes nothing', () => {
    const cliPrefix = `${prefix}cli-`;
    const first = runCli([
      'schema',
      'apply',
      '--janusgraph',
      JANUSGRAPH_URL,
      '--opensearch',
      OPENSEARCH_URL,
      '--index-prefix',
      cliPrefix,
    ]);
    expect(first.status, first.stderr).toBe(0);
    const second = runCli([
      'schema',
      'apply',
      '--janusgraph',
      JANUSGRAPH_URL,
      '--opensearch',
      OPENSEARCH_URL,
      '--index-prefix',
      cliPrefix,
    ]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/janusgraph: .*schema already in place, nothing changed/);
    expect(second.stderr).toMatch(/opensearch: .*already in place, nothing changed/);
  });

  it('fails within a bounded time, naming the URL, for a wrong port or a server of another kind', () => {
    const wrongPort = runCli(['schema', 'apply', '--janusgraph', 'ws://127.0.0.1:1/gremlin']);
    expect(wrongPort.status).toBe(1);
    expect(wrongPort.stderr).toMatch(
      /janusgraph: ws:\/\/127\.0\.0\.1:1\/gremlin: connection refused/,
    );
    const notOpenSearch = runCli([
      'schema',
      'apply',
      '--opensearch',
      JANUSGRAPH_URL.replace('ws://', 'http://').replace('/gremlin', ''),
    ]);
    expect(notOpenSearch.status).toBe(1);
    expect(notOpenSearch.stderr).toMatch(/not OpenSearch/);
    const notGremlin = runCli([
      'schema',
      'apply',
      '--janusgraph',
      OPENSEARCH_URL.replace('http://', 'ws://') + '/gremlin',
    ]);
    expect(notGremlin.status).toBe(1);
    expect(notGremlin.stderr).toMatch(/not a Gremlin|HTTP instead of a Gremlin WebSocket/);
  });
});

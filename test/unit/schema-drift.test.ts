import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  graphPropertyKinds,
  janusGraphSchema,
  openSearchIndexes,
  schemaArtifacts,
} from '../../src/schema/index.js';
import { LABELS, VOCABULARY } from '../../src/model/index.js';

const SCHEMA_DIR = new URL('../../schema/', import.meta.url).pathname;

describe('schema/', () => {
  it('is up to date with the model (run `npm run schema`)', async () => {
    const expected = schemaArtifacts();
    const onDisk = (await readdir(SCHEMA_DIR, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name !== 'README.md')
      .map((e) => join(e.parentPath, e.name).slice(SCHEMA_DIR.length))
      .sort();
    expect(onDisk).toEqual(Object.keys(expected).sort());
    for (const [path, text] of Object.entries(expected)) {
      expect(await readFile(join(SCHEMA_DIR, path), 'utf8'), `schema/${path} is stale`).toBe(text);
    }
  });

  it('gives every property one JanusGraph type across labels', () => {
    expect(() => graphPropertyKinds()).not.toThrow();
  });

  it('has a unique composite index on every vertex key and an index on every edge key', () => {
    const schema = janusGraphSchema();
    for (const label of LABELS) {
      const key = VOCABULARY[label].key;
      const index = schema.compositeIndexes.find(
        (i) => i.indexOnly === label && i.keys[0]?.propertyKey === key,
      );
      expect(index, `index on ${label}.${key}`).toBeDefined();
      if (VOCABULARY[label].kind === 'vertex') expect(index?.unique).toBe(true);
    }
    expect(schema.vertexCentricEdgeIndexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['transferByTimestamp', 'transferByAmountBase']),
    );
  });

  it('maps OpenSearch documents strictly, with full text on communications', () => {
    const indexes = openSearchIndexes();
    for (const index of Object.values(indexes)) expect(index.mappings['dynamic']).toBe('strict');
    const communications = indexes['communications']?.mappings['properties'] as Record<
      string,
      { type: string }
    >;
    expect(communications['body']?.type).toBe('text');
    expect(communications['subject']?.type).toBe('text');
    expect(communications['suspicious_keywords']?.type).toBe('keyword');
    expect(Object.keys(indexes)).toEqual(
      expect.arrayContaining(['persons', 'transfers', 'logins', 'patterns']),
    );
  });
});

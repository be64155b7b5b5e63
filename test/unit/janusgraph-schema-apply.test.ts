import { describe, expect, it } from 'vitest';
import { applyJanusGraphSchema } from '../../src/backends/janusgraph/apply-schema.js';

describe('applyJanusGraphSchema', () => {
  it('throws a SchemaError naming the conflicts the management script reported', async () => {
    // Gremlin Server returns a script's map as one result per entry; conflicts come second.
    const answer = [
      new Map([['created', []]]),
      new Map([
        ['conflicts', ['property key amount is java.lang.String, expected java.lang.Double']],
      ]),
    ];
    const fake = {
      url: 'ws://fake/gremlin',
      close: () => Promise.resolve(),
      client: {
        close: () => Promise.resolve(),
        submit: () => Promise.resolve({ toArray: () => answer }),
      },
    };
    await expect(applyJanusGraphSchema(fake)).rejects.toThrow(
      /conflicts with fingraph's, nothing changed: property key amount/,
    );
  });
});

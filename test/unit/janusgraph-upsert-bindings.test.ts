import { describe, expect, it } from 'vitest';
import type { AnyEdgeRecord, GraphRecord } from '../../src/model/index.js';
import { propertyJson } from '../../src/backends/janusgraph/element-values.js';
import { edgeBindings, vertexBindings } from '../../src/backends/janusgraph/upsert-scripts.js';

const transfer = {
  label: 'transfer',
  id: 'TXN00000001',
  outV: 'ACC00000001',
  inV: 'ACC00000002',
  properties: {
    transaction_id: 'TXN00000001',
    timestamp: '2026-01-02T03:04:05.678Z',
    amount: 1250.5,
    amount_local: null,
    is_flagged: false,
    alert_ids: ['AL1', 'AL2'],
  },
} as unknown as AnyEdgeRecord;

describe('JanusGraph upsert bindings', () => {
  it('types values for JSON: timestamps as epoch ms, lists as JSON text, nulls left out', () => {
    expect(propertyJson(transfer)).toEqual({
      transaction_id: 'TXN00000001',
      timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
      amount: 1250.5,
      is_flagged: false,
      alert_ids: '["AL1","AL2"]',
    });
  });

  it('refuses a number JSON cannot carry, naming the property', () => {
    const bad = { ...transfer, properties: { ...transfer.properties, amount: Number.NaN } };
    expect(() => propertyJson(bad as AnyEdgeRecord)).toThrow(/amount: NaN/);
  });

  it('sends one JSON string binding of columns (never more than the 16 Gremlin Server allows)', () => {
    const edges = edgeBindings([transfer]);
    expect(Object.keys(edges)).toEqual(['rows']);
    expect(JSON.parse(edges.rows)).toMatchObject({
      labels: ['transfer'],
      keys: ['transaction_id'],
      ids: ['TXN00000001'],
      outs: ['ACC00000001'],
      ins: ['ACC00000002'],
    });
    const device = {
      label: 'device',
      id: 'DEV00000001',
      properties: { device_id: 'DEV00000001', first_seen: '2026-01-01T00:00:00.000Z' },
    } as unknown as GraphRecord;
    expect(JSON.parse(vertexBindings([device]).rows)).toEqual({
      labels: ['device'],
      ids: ['DEV00000001'],
      props: [{ device_id: 'DEV00000001', first_seen: Date.UTC(2026, 0, 1) }],
    });
  });
});

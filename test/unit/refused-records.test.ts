import { describe, expect, it } from 'vitest';
import { SinkError } from '../../src/errors.js';
import { RefusedRecords } from '../../src/sinks/refused-records.js';
import type { DroppedRecord } from '../../src/sinks/sink.js';

const words = { unit: 'docs', target: 'index' } as const;
const refusal = (id: string): DroppedRecord => ({ label: 'transfer', id, reason: '400 bad' });

describe('RefusedRecords: the one rule for records a backend refuses', () => {
  it('hands every refusal to onDrop, by id and reason, and then lets close succeed', () => {
    const seen: DroppedRecord[] = [];
    const refused = new RefusedRecords((d) => seen.push(d));
    refused.add(refusal('T1'), 'fg-transfers');
    refused.add(refusal('T2'), 'fg-transfers');
    expect(seen.map((d) => d.id)).toEqual(['T1', 'T2']);
    expect(refused.count).toBe(2);
    expect(refused.unclaimed('opensearch sink', 10, words)).toBeUndefined();
  });

  it('without onDrop, close fails naming the count, the targets and the first refusal', () => {
    const refused = new RefusedRecords(undefined);
    refused.add(refusal('T1'), 'fg-transfers');
    refused.add({ label: 'person', id: 'P9', reason: 'strict' }, 'fg-persons');
    const error = refused.unclaimed('opensearch sink', 10, words);
    expect(error).toBeInstanceOf(SinkError);
    expect(error?.message).toBe(
      'opensearch sink: 2/10 docs refused ("fg-transfers" 1, "fg-persons" 1; first: index "fg-transfers" id "T1": 400 bad)',
    );
  });

  it('nothing refused: nothing to report', () => {
    expect(new RefusedRecords(undefined).unclaimed('janusgraph', 5, words)).toBeUndefined();
  });
});

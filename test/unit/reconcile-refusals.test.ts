import { describe, expect, it } from 'vitest';
import { reconcileRefusals } from '../../src/orchestration/reconcile-refusals.js';
import type { RecordRef, Sink, SinkStats } from '../../src/sinks/sink.js';

/** A backend that refused `refused` and, when asked to remove a vertex, drops `along` with it. */
function backend(name: string, refused: RecordRef[], along: Record<string, RecordRef[]> = {}) {
  const asked: RecordRef[][] = [];
  const sink: Sink = {
    name,
    write: async () => undefined,
    close: async () => ({}) as SinkStats,
    abort: async () => undefined,
    refusedRecords: () => refused,
    retract: async (records) => {
      asked.push([...records]);
      for (const record of records) refused.push(...(along[record.id] ?? []));
    },
  };
  return { sink, asked };
}

describe('reconcileRefusals', () => {
  it('removes from each backend what the other refused, and what went along with it', async () => {
    const graph = backend(
      'janusgraph',
      [{ label: 'device', id: 'D1' }],
      // The person OpenSearch refused takes a transfer with it when the graph drops it.
      { P1: [{ label: 'transfer', id: 'T9' }] },
    );
    const search = backend('opensearch', [{ label: 'person', id: 'P1' }]);
    await reconcileRefusals([graph.sink, search.sink]);
    expect(graph.asked).toEqual([[{ label: 'person', id: 'P1' }]]);
    expect(search.asked).toEqual([
      [
        { label: 'device', id: 'D1' },
        { label: 'transfer', id: 'T9' },
      ],
    ]);
  });

  it('asks nothing when both refused the same, or only one backend is loaded', async () => {
    const same = [{ label: 'transfer', id: 'T1' }];
    const a = backend('janusgraph', [...same]);
    const b = backend('opensearch', [...same]);
    await reconcileRefusals([a.sink, b.sink]);
    expect([a.asked, b.asked]).toEqual([[], []]);
    const alone = backend('janusgraph', [{ label: 'transfer', id: 'T2' }]);
    await reconcileRefusals([alone.sink]);
    expect(alone.asked).toEqual([]);
  });
});

/**
 * How a user tests their own detection query with fingraph: seed a bank with known crimes into
 * their backends, run their query, and check it finds every injected instance. Written against
 * the public API only (`src/index.ts` is what `import … from 'fingraph'` gives).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, type Hit, type SeededBank } from '../../src/index.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { JANUSGRAPH_URL, OPENSEARCH_URL } from './backends.js';

/**
 * The user's fan-in query: accounts that received transfers from at least `minSenders` distinct
 * accounts within `windowHours`. Gremlin fetches the candidates and their incoming transfers;
 * the sliding window runs in JS.
 */
async function myFanInQuery(
  jg: JanusGraphConnection,
  opts: { since: Date; minSenders: number; windowHours: number },
): Promise<Hit[]> {
  const result = await jg.client.submit(
    `g.V().hasLabel('account').
       where(inE('transfer').has('timestamp', gte(since)).outV().dedup().count().is(gte(minSenders))).
       project('to', 'in').
         by('account_id').
         by(inE('transfer').has('timestamp', gte(since)).
              project('id', 'from', 't').by('transaction_id').by(outV().values('account_id')).by('timestamp').
              fold())`,
    { since: opts.since, minSenders: opts.minSenders },
  );
  const rows = result.toArray() as Map<string, unknown>[];
  const windowMs = opts.windowHours * 3_600_000;
  const hits: Hit[] = [];
  for (const row of rows) {
    const to = row.get('to') as string;
    const incoming = (row.get('in') as Map<string, unknown>[])
      .map((e) => ({
        id: e.get('id') as string,
        from: e.get('from') as string,
        t: (e.get('t') as Date).getTime(),
      }))
      .sort((a, b) => a.t - b.t);
    let start = 0;
    let lastEnd = -1;
    for (let end = 0; end < incoming.length; end++) {
      while ((incoming[end]?.t ?? 0) - (incoming[start]?.t ?? 0) > windowMs) start++;
      const window = incoming.slice(start, end + 1);
      const senders = new Set(window.map((e) => e.from));
      if (senders.size >= opts.minSenders && start > lastEnd) {
        hits.push({
          typology: 'fan_in',
          entities: [to, ...senders],
          events: window.map((e) => e.id),
          explanation: `${senders.size} senders paid ${to} within ${opts.windowHours} h`,
        });
        lastEnd = end;
      }
    }
  }
  return hits;
}

let bank: SeededBank;

beforeAll(async () => {
  bank = await seedBank({
    preset: 'small',
    seed: 11,
    config: { fanInPatterns: 4 },
    janusgraph: JANUSGRAPH_URL,
    opensearch: OPENSEARCH_URL,
    indexPrefix: 'it-detect-example-',
    fresh: true,
  });
});

afterAll(async () => {
  await bank.opensearch?.client.indices.delete({ index: 'it-detect-example-*' });
  await bank.close();
});

describe('my fan-in query, against a seeded bank', () => {
  it('finds every injected fan-in (recall 1.0)', async () => {
    expect(bank.patterns('fan_in')).toHaveLength(4);
    const hits = await myFanInQuery(bank.janusgraph!, {
      since: new Date(bank.period.windowStartMs),
      minSenders: bank.config.fanInMinDegree,
      windowHours: bank.config.graphWindowMaxHours,
    });
    const score = bank.score(hits);
    const fanIn = score.typologies.find((t) => t.typology === 'fan_in');
    expect(fanIn?.missed).toEqual([]);
    expect(fanIn?.recall).toBe(1);
    // Precision is reported, not required: look-alikes (payroll, marketplaces) also fan in.
    expect(fanIn?.precision).toBeGreaterThan(0);
  });

  it('seeded OpenSearch too: the same transfers are searchable', async () => {
    const pattern = bank.patterns('fan_in')[0]!;
    const ids = pattern.eventIds['transfer'] ?? [];
    const found = await bank.opensearch!.client.search({
      index: `${bank.indexPrefix}transfers`,
      body: { query: { ids: { values: [...ids] } }, size: ids.length },
    });
    expect(found.body.hits.hits).toHaveLength(ids.length);
  });
});

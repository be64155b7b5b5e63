import { describe, expect, it } from 'vitest';
import { labelOfVertexId, VOCABULARY, type GraphRecord } from '../../src/model/index.js';
import { collectRecords, configOf, randomSeeds } from '../helpers/collect.js';

function checkIntegrity(records: readonly GraphRecord[]): void {
  const vertices = new Map<string, string>();
  const keys = new Set<string>();
  for (const record of records) {
    const unique = `${record.label}:${record.id}`;
    expect(keys.has(unique), `duplicate id ${unique}`).toBe(false);
    keys.add(unique);
    if (!('outV' in record)) {
      vertices.set(record.id, record.label);
      expect(labelOfVertexId(record.id)).toBe(record.label);
    }
  }
  for (const record of records) {
    if (!('outV' in record)) continue;
    const definition = VOCABULARY[record.label];
    const from = vertices.get(record.outV);
    const to = vertices.get(record.inV);
    expect(from, `${record.label} ${record.id}: source ${record.outV} exists`).toBeDefined();
    expect(to, `${record.label} ${record.id}: target ${record.inV} exists`).toBeDefined();
    expect(definition.from as readonly string[]).toContain(from);
    expect(definition.to as readonly string[]).toContain(to);
    if (record.label === 'transfer' || record.label === 'communicated') {
      expect(record.outV, `${record.label} ${record.id} is not a self-loop`).not.toBe(record.inV);
    }
  }
}

describe('referential integrity', () => {
  for (const seed of randomSeeds(3)) {
    it(`every edge endpoint exists and every id is unique (seed ${seed})`, async () => {
      checkIntegrity(await collectRecords(configOf('tiny', { seed })));
    });
  }

  it('holds for a population with few owners and no companies', async () => {
    checkIntegrity(
      await collectRecords(
        configOf('tiny', { companyCount: 0, tradeCount: 0, documentCount: 0, seed: 5 }),
      ),
    );
  });

  it('references point at the entities the records name', async () => {
    const records = await collectRecords(configOf('tiny', { seed: 9 }));
    const byId = new Map(records.filter((r) => !('outV' in r)).map((r) => [r.id, r]));
    for (const record of records) {
      if (record.label === 'account') {
        const owns = records.find(
          (r) =>
            r.label === 'owns' &&
            'outV' in r &&
            r.inV === record.id &&
            r.properties.role === 'primary',
        );
        expect(owns && 'outV' in owns ? owns.outV : undefined).toBe(record.properties.owner_id);
      }
      if (record.label === 'trade') {
        const issuer = byId.get(record.inV);
        expect(issuer?.label === 'company' && issuer.properties.is_public).toBe(true);
      }
      if (record.label === 'document') {
        expect(record.properties.issuer_id).not.toBe(record.properties.recipient_id);
      }
    }
  });

  it('all timestamps lie in the window or before the reference date', async () => {
    const config = configOf('tiny', { seed: 11 });
    const reference = Date.parse(config.referenceDate);
    const windowStart = reference - config.durationDays * 86_400_000;
    for (const record of await collectRecords(config)) {
      if (
        record.label === 'transfer' ||
        record.label === 'communicated' ||
        record.label === 'trade' ||
        record.label === 'logged_in'
      ) {
        const t = Date.parse(record.properties.timestamp);
        expect(t).toBeGreaterThanOrEqual(windowStart);
        expect(t).toBeLessThanOrEqual(reference);
      }
      if (record.label === 'account' && record.properties.closed_date !== null) {
        expect(Date.parse(record.properties.closed_date)).toBeLessThanOrEqual(reference);
      }
    }
  });
});

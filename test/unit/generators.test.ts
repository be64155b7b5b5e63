import { describe, expect, it } from 'vitest';
import {
  columnsOf,
  LABELS,
  toRow,
  VOCABULARY,
  zodOf,
  type GraphRecord,
} from '../../src/model/index.js';
import { collectRecords, configOf } from '../helpers/collect.js';

describe('generators', () => {
  it('every stage and every label has a seeded snapshot of its first records', async () => {
    const config = configOf('tiny');
    const records = await collectRecords(config);
    const firstByLabel: Record<string, GraphRecord[]> = {};
    for (const record of records) {
      const list = (firstByLabel[record.label] ??= []);
      if (list.length < 2) list.push(record);
    }
    // Registry check: every stage emits at least one label, so a label with no records means a
    // stage (or generator) that produced nothing and so has no snapshot.
    for (const label of LABELS)
      expect(firstByLabel[label], `label ${label} has records`).toBeDefined();
    expect(firstByLabel).toMatchSnapshot();
  });

  it('every record matches its label schema and column order', async () => {
    const validators = new Map(
      Object.entries(VOCABULARY).map(([label, d]) => [label, zodOf(d.shape)]),
    );
    for (const seed of [1, 2, 3]) {
      for (const record of await collectRecords(configOf('tiny', { seed }))) {
        const result = validators.get(record.label)?.safeParse(record.properties);
        expect(
          result?.success,
          `${record.label} ${record.id}: ${JSON.stringify(result?.error?.issues[0])}`,
        ).toBe(true);
        expect(Object.keys(toRow(record)), `column order of ${record.label}`).toEqual(
          columnsOf(record.label),
        );
        expect((record.properties as Record<string, unknown>)[VOCABULARY[record.label].key]).toBe(
          record.id,
        );
      }
    }
  });
});

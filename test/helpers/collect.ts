import {
  OPTION_DESCRIPTORS,
  resolveConfig,
  type GenerationConfig,
} from '../../src/config/index.js';
import type { GraphRecord } from '../../src/model/index.js';
import { generateBatches } from '../../src/orchestration/generate-batches.js';
import { planRun } from '../../src/orchestration/plan.js';

/** Every typology count at zero: presets carry a mix, tests turn on only what they check. */
const NO_TYPOLOGIES = Object.fromEntries(
  OPTION_DESCRIPTORS.filter((d) => d.group === 'typologies' && d.name.endsWith('Patterns')).map(
    (d) => [d.name, 0],
  ),
);

/** A validated config from a preset and overrides (camelCase), with no typology unless asked. */
export function configOf(
  preset: string,
  overrides: Record<string, unknown> = {},
): GenerationConfig {
  return resolveConfig({
    preset,
    layers: [{ source: 'file', values: { ...NO_TYPOLOGIES, ...overrides } }],
  });
}

/** Every record of a run, in stream order. */
export async function collectRecords(
  config: GenerationConfig,
  batchSize = 1_000,
): Promise<GraphRecord[]> {
  const records: GraphRecord[] = [];
  for await (const batch of generateBatches(planRun(config), { batchSize })) {
    records.push(...batch.vertices, ...batch.edges);
  }
  return records;
}

/** A random seed for property-style tests; printed in the test name so failures can be replayed. */
export function randomSeeds(count: number): number[] {
  const fixed = process.env['FINGRAPH_TEST_SEEDS'];
  if (fixed) return fixed.split(',').map(Number);
  return Array.from({ length: count }, () => Math.floor(Math.random() * 0xffffffff));
}

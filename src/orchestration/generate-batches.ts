import { createFaker, type RngHolder } from '../generators/faker.js';
import { Population } from '../generators/population.js';
import type { GeneratorContext } from '../generators/context.js';
import type { AnyEdgeRecord, AnyVertexRecord, GraphBatch } from '../model/index.js';
import { deriveSeed, Rng } from '../random/index.js';
import type { Plan } from './plan.js';

export interface BatchOptions {
  /** Elements per batch (vertices + edges); the last batch may be smaller. */
  readonly batchSize: number;
  readonly signal?: AbortSignal;
}

/**
 * Generates the whole dataset as a pull-based stream of immutable batches. Nothing is kept but
 * the compact population index, so memory stays flat however many events are generated. The
 * consumer's pace is the producer's pace: a batch is only built when the previous one was taken.
 */
export async function* generateBatches(
  plan: Plan,
  options: BatchOptions,
): AsyncGenerator<GraphBatch> {
  const { config } = plan;
  const population = new Population(
    config.personCount,
    config.companyCount,
    config.accountCount,
    config.deviceCount,
  );
  const holder: RngHolder = { rng: new Rng('unused') };
  const faker = createFaker(holder);
  let seq = 0;
  let vertices: AnyVertexRecord[] = [];
  let edges: AnyEdgeRecord[] = [];

  for (const stage of plan.stages) {
    for (let start = 0; start < stage.count; start += plan.chunkSize) {
      options.signal?.throwIfAborted();
      const chunk = start / plan.chunkSize;
      holder.rng = new Rng(deriveSeed(config.seed, stage.name, chunk));
      const ctx: GeneratorContext = { rng: holder.rng, faker, config, time: plan.time, population };
      const end = Math.min(stage.count, start + plan.chunkSize);
      for (let index = start; index < end; index++) {
        for (const record of stage.generate(ctx, index)) {
          if (stage.feedsPopulation) population.observe(record, index);
          if ('outV' in record) edges.push(record);
          else vertices.push(record);
        }
        if (vertices.length + edges.length >= options.batchSize) {
          yield Object.freeze({ seq: seq++, vertices, edges });
          vertices = [];
          edges = [];
        }
      }
    }
  }
  if (vertices.length + edges.length > 0) yield Object.freeze({ seq: seq++, vertices, edges });
}

import type { GeneratorContext } from '../generators/context.js';
import { createFaker, type RngHolder } from '../generators/faker.js';
import { Population } from '../generators/population.js';
import type { EventStage } from '../generators/patterns/typology.js';
import type {
  AnyEdgeRecord,
  AnyVertexRecord,
  EventLabel,
  GraphBatch,
  GraphRecord,
  PatternTruth,
} from '../model/index.js';
import { deriveSeed, Rng } from '../random/index.js';
import type { GroundTruth } from '../sinks/sink.js';
import type { Plan } from './plan.js';

export interface BatchOptions {
  /** Elements per batch (vertices + edges); the last batch may be smaller. */
  readonly batchSize: number;
  readonly signal?: AbortSignal;
}

/** Groups records into batches of about `batchSize` elements. */
class Batcher {
  private seq = 0;
  private vertices: AnyVertexRecord[] = [];
  private edges: AnyEdgeRecord[] = [];

  constructor(private readonly batchSize: number) {}

  add(records: readonly GraphRecord[]): void {
    for (const record of records) {
      if ('outV' in record) this.edges.push(record);
      else this.vertices.push(record);
    }
  }

  /** A full batch, or undefined; `force` takes whatever is pending. */
  take(force = false): GraphBatch | undefined {
    const size = this.vertices.length + this.edges.length;
    if (size === 0 || (!force && size < this.batchSize)) return undefined;
    const batch = Object.freeze({ seq: this.seq++, vertices: this.vertices, edges: this.edges });
    this.vertices = [];
    this.edges = [];
    return batch;
  }
}

/** The event-label file: every event of every pattern, with the patterns it belongs to. */
function eventLabelsOf(truths: readonly PatternTruth[]): EventLabel[] {
  const byEvent = new Map<string, { label: string; patterns: string[]; typologies: string[] }>();
  for (const truth of truths) {
    for (const [label, ids] of Object.entries(truth.event_ids as Record<string, string[]>)) {
      for (const id of ids) {
        const key = `${label}:${id}`;
        const entry = byEvent.get(key) ?? { label, patterns: [], typologies: [] };
        entry.patterns.push(truth.pattern_id);
        if (!entry.typologies.includes(truth.typology)) entry.typologies.push(truth.typology);
        byEvent.set(key, entry);
      }
    }
  }
  return [...byEvent.entries()]
    .map(([key, e]) => ({
      event_id: key.slice(e.label.length + 1),
      label: e.label,
      pattern_ids: e.patterns,
      typologies: e.typologies,
    }))
    .sort((a, b) =>
      a.label === b.label ? a.event_id.localeCompare(b.event_id) : a.label.localeCompare(b.label),
    );
}

/**
 * Generates the whole dataset as a pull-based stream of immutable batches and returns the ground
 * truth when the stream ends. Nothing is kept but the compact population index and the (small)
 * typology events waiting for their slots, so memory stays flat however many events are
 * generated. The consumer's pace is the producer's pace.
 */
// Async so a consumer awaits each batch (backpressure) and future producers (workers) can await.

export async function* generateBatches(
  plan: Plan,
  options: BatchOptions,
): AsyncGenerator<GraphBatch, GroundTruth> {
  const { config, patterns } = plan;
  const { layouts } = patterns;
  const added = {
    person: new Set(layouts.person.reserved),
    company: new Set(layouts.company.reserved),
    account: new Set(layouts.account.reserved),
    device: new Set(layouts.device.reserved),
  };
  const population = new Population(
    layouts.person.total,
    layouts.company.total,
    layouts.account.total,
    layouts.device.total,
    added,
  );
  const holder: RngHolder = { rng: new Rng('unused') };
  const faker = createFaker(holder);
  const contextFor = (stream: string, chunk: number): GeneratorContext => {
    holder.rng = new Rng(deriveSeed(config.seed, stream, chunk));
    return { rng: holder.rng, faker, config, time: plan.time, population };
  };
  const batcher = new Batcher(options.batchSize);
  const patternUnits = new Map<EventStage, (readonly GraphRecord[])[]>();
  const truths: PatternTruth[] = [];

  for (const stage of plan.stages) {
    if (stage.kind === 'patterns') {
      for (const instance of patterns.instances) {
        const kind = instance.lookAlike ? 'look-alike' : 'real';
        const ctx = contextFor(
          `pattern-events:${instance.typology.name}:${kind}`,
          instance.ordinal,
        );
        const { typology, draft, slots } = instance;
        const output = instance.lookAlike
          ? typology.realizeLookAlike?.(ctx, draft, slots)
          : typology.realize(ctx, draft, slots);
        if (output === undefined) continue;
        for (const [eventStage, units] of Object.entries(output.units) as [
          EventStage,
          (readonly GraphRecord[])[],
        ][]) {
          const expected = instance.draft.events[eventStage] ?? 0;
          if (units.length !== expected)
            throw new Error(
              `${instance.typology.name}: drafted ${expected} ${eventStage} events, realised ${units.length}`,
            );
          const queue = patternUnits.get(eventStage) ?? [];
          queue.push(...units);
          patternUnits.set(eventStage, queue);
        }
        batcher.add(output.links);
        if (output.truth !== null) truths.push(output.truth);
      }
      continue;
    }
    const layout = layouts[stage.kind === 'link' ? stage.over : stage.name];
    const queue = stage.kind === 'event' ? (patternUnits.get(stage.name) ?? []) : [];
    let nextUnit = 0;
    let background = 0;
    let ctx: GeneratorContext | undefined;
    for (let index = 0; index < layout.total; index++) {
      let records: readonly GraphRecord[];
      if (layout.isReserved(index)) {
        if (stage.kind === 'link') continue;
        if (stage.kind === 'event') {
          records = queue[nextUnit++] ?? [];
        } else {
          const overrides = patterns.entityOverrides[stage.name].get(index) as never;
          records = stage.generate(contextFor(`${stage.name}:added`, index), index, overrides);
        }
      } else {
        if (background % plan.chunkSize === 0) {
          options.signal?.throwIfAborted();
          ctx = contextFor(stage.name, background / plan.chunkSize);
        }
        background++;
        records = stage.generate(ctx as GeneratorContext, index);
      }
      if (stage.kind !== 'event' && (stage.kind === 'entity' || stage.feedsPopulation)) {
        for (const record of records) population.observe(record, index);
      }
      batcher.add(records);
      const batch = batcher.take();
      if (batch) yield batch;
    }
  }
  const last = batcher.take(true);
  if (last) yield last;
  return { patterns: truths, eventLabels: eventLabelsOf(truths) };
}

import type { GeneratorContext } from '../generators/context.js';
import { createFaker, type RngHolder } from '../generators/faker.js';
import { indexOf, Population } from '../generators/population.js';
import { homeCurrencyOf } from '../generators/patterns/home-currency.js';
import type { EventStage } from '../generators/patterns/typology.js';
import type { EventLabel, GraphRecord, PatternTruth, GroundTruth } from '../model/index.js';
import { deriveSeed, Rng } from '../random/index.js';
import type { Plan } from './plan.js';
import type { Stage } from './stages.js';
import { layoutOf, reservedBefore, type WorkUnit } from './work-units.js';

/**
 * Generates work units. One instance holds what later stages read — the population index, the
 * typology events waiting for their slots, the ground truth — so whoever runs it (the sequential
 * stream, a worker thread, a shard) must run the units of the population stages and the patterns
 * unit, in order, or be handed their records through `observe`. Event units can then run in any
 * order, or be skipped.
 */
export class UnitGenerator {
  readonly population: Population;
  private readonly holder: RngHolder = { rng: new Rng('unused') };
  private readonly faker = createFaker(this.holder);
  private readonly patternUnits = new Map<EventStage, (readonly GraphRecord[])[]>();
  private readonly truths: PatternTruth[] = [];

  constructor(private readonly plan: Plan) {
    const { layouts } = plan.patterns;
    this.population = new Population(
      layouts.person.total,
      layouts.company.total,
      layouts.account.total,
      layouts.device.total,
      {
        person: new Set(layouts.person.reserved),
        company: new Set(layouts.company.reserved),
        account: new Set(layouts.account.reserved),
        device: new Set(layouts.device.reserved),
      },
    );
  }

  /**
   * The unit's records in output order, grouped by stage index (an element and the edges it comes
   * with stay together). Does not observe them: see `observe`.
   */
  generate(unit: WorkUnit): (readonly GraphRecord[])[] {
    const stage = this.stageOf(unit);
    if (stage.kind === 'patterns') return [this.realizePatterns()];
    const layout = layoutOf(this.plan, unit.stage);
    if (layout === undefined) throw new Error(`stage ${stage.name} has no layout`);
    const queue = stage.kind === 'event' ? (this.patternUnits.get(stage.name) ?? []) : [];
    let nextQueued = stage.kind === 'event' ? reservedBefore(layout.reserved, unit.from) : 0;
    let ctx: GeneratorContext | undefined;
    const output: (readonly GraphRecord[])[] = [];
    for (let index = unit.from; index < unit.to; index++) {
      let records: readonly GraphRecord[];
      if (layout.isReserved(index)) {
        if (stage.kind === 'link') continue;
        if (stage.kind === 'event') {
          records = queue[nextQueued++] ?? [];
        } else {
          const overrides = this.plan.patterns.entityOverrides[stage.name].get(index) as never;
          records = stage.generate(this.contextFor(`${stage.name}:added`, index), index, overrides);
        }
      } else {
        // The unit's first background index is where its chunk's seed starts.
        ctx ??= this.contextFor(stage.name, unit.chunk);
        records =
          stage.kind === 'event'
            ? stage.generate(ctx, index, index - reservedBefore(layout.reserved, index))
            : stage.generate(ctx, index);
      }
      if (records.length > 0) output.push(records);
    }
    return output;
  }

  /** Feeds a population unit's records to the index, in unit order across calls. */
  observe(groups: readonly (readonly GraphRecord[])[]): void {
    for (const records of groups) {
      for (const record of records) {
        this.population.observe(record, 'outV' in record ? -1 : indexOf(record.id));
      }
    }
  }

  /** The answers, complete once the patterns unit has run. */
  groundTruth(): GroundTruth {
    return { patterns: this.truths, eventLabels: eventLabelsOf(this.truths) };
  }

  private stageOf(unit: WorkUnit): Stage {
    const stage = this.plan.stages[unit.stage];
    if (stage === undefined) throw new RangeError(`no stage ${String(unit.stage)}`);
    return stage;
  }

  private contextFor(stream: string, chunk: number): GeneratorContext {
    this.holder.rng = new Rng(deriveSeed(this.plan.config.seed, stream, chunk));
    return {
      rng: this.holder.rng,
      faker: this.faker,
      config: this.plan.config,
      time: this.plan.time,
      population: this.population,
    };
  }

  /** Runs every typology instance: queues its events for their slots, returns its links. */
  private realizePatterns(): GraphRecord[] {
    const links: GraphRecord[] = [];
    for (const instance of this.plan.patterns.instances) {
      const kind = instance.lookAlike ? 'look-alike' : 'real';
      const ctx = {
        ...this.contextFor(`pattern-events:${instance.typology.name}:${kind}`, instance.ordinal),
        homeCurrency: homeCurrencyOf(
          this.population,
          this.plan.config.seed,
          instance.typology.name,
          instance.lookAlike,
          instance.ordinal,
        ),
      };
      const { typology, draft, slots } = instance;
      const output = instance.lookAlike
        ? typology.realizeLookAlike?.(ctx, draft, slots)
        : typology.realize(ctx, draft, slots);
      if (output === undefined) continue;
      for (const [eventStage, units] of Object.entries(output.units) as [
        EventStage,
        (readonly GraphRecord[])[],
      ][]) {
        const expected = draft.events[eventStage] ?? 0;
        if (units.length !== expected)
          throw new Error(
            `${typology.name}: drafted ${expected} ${eventStage} events, realised ${units.length}`,
          );
        const queue = this.patternUnits.get(eventStage) ?? [];
        queue.push(...units);
        this.patternUnits.set(eventStage, queue);
      }
      links.push(...output.links);
      if (output.truth !== null) this.truths.push(output.truth);
    }
    return this.labelEvents(links);
  }

  /**
   * Sets `patternIds` on every event of every pattern — the queued events and the links — from
   * the ground truth just built, so sinks and exports can label them (`--with-labels`, AMLworld,
   * PyG) without looking anything up. Returns the links, labelled.
   */
  private labelEvents(links: readonly GraphRecord[]): GraphRecord[] {
    const byEvent = new Map<string, string[]>();
    for (const truth of this.truths) {
      for (const [label, ids] of Object.entries(truth.event_ids as Record<string, string[]>)) {
        for (const id of ids) {
          const key = `${label}:${id}`;
          const list = byEvent.get(key);
          if (list === undefined) byEvent.set(key, [truth.pattern_id]);
          else list.push(truth.pattern_id);
        }
      }
    }
    let labelled = 0;
    const label = <R extends GraphRecord>(record: R): R => {
      const patternIds = byEvent.get(`${record.label}:${record.id}`);
      if (patternIds === undefined) return record;
      labelled++;
      return { ...record, patternIds };
    };
    for (const [stage, units] of this.patternUnits)
      this.patternUnits.set(
        stage,
        units.map((unit) => unit.map(label)),
      );
    const out = links.map(label);
    // Ground truth takes its event ids from these records, so every one must have been found.
    if (labelled !== byEvent.size)
      throw new Error(`ground truth names ${byEvent.size} events but ${labelled} were emitted`);
    return out;
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

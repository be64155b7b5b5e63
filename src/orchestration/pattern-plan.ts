import type { GenerationConfig } from '../config/index.js';
import type { GeneratorContext, TimeFrame } from '../generators/context.js';
import type { AccountOverrides } from '../generators/core/account.js';
import { homeCurrencyOf } from '../generators/patterns/home-currency.js';
import { TYPOLOGY_REGISTRY, type TypologyEntry } from '../generators/patterns/registry.js';
import {
  ENTITY_LABELS,
  EVENT_STAGES,
  type DraftContext,
  type EntityLabel,
  type EventStage,
  type OverrideContext,
  type PatternDraft,
  type PatternSlots,
  type Typology,
} from '../generators/patterns/typology.js';
import { EDGE_ID_PREFIX, formatId } from '../model/index.js';
import { deriveSeed, Rng } from '../random/index.js';
import { typologyCounts } from './laundering-rate.js';
import { checkInjectedCounts } from './injected-limit.js';
import { SlotLayout } from './slot-layout.js';

export interface PlannedInstance {
  readonly typology: Typology;
  /** Position among the typology's instances (real ones first, then look-alikes). */
  readonly ordinal: number;
  readonly lookAlike: boolean;
  readonly draft: PatternDraft;
  readonly slots: PatternSlots;
}

export type StageLayouts = Readonly<Record<EntityLabel | EventStage, SlotLayout>>;

export interface PatternPlan {
  readonly instances: readonly PlannedInstance[];
  readonly layouts: StageLayouts;
  /** Overrides of typology-added entities, by label and index. */
  readonly entityOverrides: Readonly<Record<EntityLabel, ReadonlyMap<number, unknown>>>;
}

/** Base (background) counts per entity label and event stage, from the config. */
export function baseCounts(config: GenerationConfig): Record<EntityLabel | EventStage, number> {
  return {
    person: config.personCount,
    company: config.companyCount,
    account: config.accountCount,
    device: config.deviceCount,
    transfer: config.transactionCount,
    communicated: config.communicationCount,
    trade: config.tradeCount,
    travel: config.travelCount,
    document: config.documentCount,
    logged_in: config.loginCount,
  };
}

/** Real instances then look-alikes per typology: round-robin over subtypes so each one appears. */
function instancesToDraft(config: GenerationConfig, counts: ReadonlyMap<TypologyEntry, number>) {
  const list: { typology: Typology; ordinal: number; subtype: string; lookAlike: boolean }[] = [];
  for (const entry of TYPOLOGY_REGISTRY) {
    const count = counts.get(entry) ?? 0;
    const lookAlikes = entry.typology.realizeLookAlike
      ? Math.round(count * config.nearMissRate)
      : 0;
    const subtypes = entry.subtypes(config);
    for (let i = 0; i < count + lookAlikes; i++) {
      list.push({
        typology: entry.typology,
        ordinal: i,
        subtype: subtypes[i % subtypes.length] ?? '',
        lookAlike: i >= count,
      });
    }
  }
  return list;
}

/**
 * Draws every pattern instance's shape, reserves id slots for its entities and events among the
 * background ones, and resolves the overrides of the entities it adds. All from the config alone.
 */
export function planPatterns(config: GenerationConfig, time: TimeFrame): PatternPlan {
  const base = baseCounts(config);
  const baseEntityCounts = {
    person: base.person,
    company: base.company,
    account: base.account,
    device: base.device,
  };
  const counts = typologyCounts(config, time, TYPOLOGY_REGISTRY, baseEntityCounts);
  const drafted = instancesToDraft(config, counts).map((entry) => {
    const stream = `pattern:${entry.typology.name}:${entry.lookAlike ? 'look-alike' : 'real'}`;
    const ctx: DraftContext = {
      rng: new Rng(deriveSeed(config.seed, stream, entry.ordinal)),
      config,
      time,
      baseCounts: baseEntityCounts,
    };
    return { ...entry, draft: entry.typology.draft(ctx, entry.subtype, entry.lookAlike), ctx };
  });

  const stages = [...ENTITY_LABELS, ...EVENT_STAGES];
  const offsets = new Map<string, number[]>();
  const reservedCounts = {} as Record<EntityLabel | EventStage, number>;
  for (const stage of stages) {
    let running = 0;
    const perInstance = drafted.map((d) => {
      const start = running;
      running += (ENTITY_LABELS as readonly string[]).includes(stage)
        ? (d.draft.entities[stage as EntityLabel] ?? 0)
        : (d.draft.events[stage as EventStage] ?? 0);
      return start;
    });
    offsets.set(stage, perInstance);
    reservedCounts[stage] = running;
  }
  checkInjectedCounts(drafted, reservedCounts);
  const layouts = Object.fromEntries(
    stages.map((stage) => [
      stage,
      new SlotLayout(base[stage], reservedCounts[stage], config.seed, stage),
    ]),
  ) as Record<EntityLabel | EventStage, SlotLayout>;

  const totals = {
    person: layouts.person.total,
    company: layouts.company.total,
    account: layouts.account.total,
    device: layouts.device.total,
  };
  let patternNumber = 0;
  const entityOverrides = {
    person: new Map(),
    company: new Map(),
    account: new Map(),
    device: new Map(),
  } as Record<EntityLabel, Map<number, unknown>>;
  const instances = drafted.map((d, i): PlannedInstance => {
    const slotOf = (stage: EntityLabel | EventStage, limit: number, k: number): number => {
      if (k < 0 || k >= limit)
        throw new RangeError(
          `${d.typology.name}: slot ${k} of ${stage} outside its ${limit} reserved`,
        );
      return layouts[stage].reserved[(offsets.get(stage)?.[i] ?? 0) + k] as number;
    };
    const slots: PatternSlots = {
      patternId: d.lookAlike ? '' : formatId(EDGE_ID_PREFIX.pattern, patternNumber++),
      entity: (label, k) => slotOf(label, d.draft.entities[label] ?? 0, k),
      event: (stage, k) => slotOf(stage, d.draft.events[stage] ?? 0, k),
    };
    const overrideCtx: OverrideContext = {
      rng: new Rng(
        deriveSeed(
          config.seed,
          `pattern-entities:${d.typology.name}:${d.lookAlike ? 'look-alike' : 'real'}`,
          d.ordinal,
        ),
      ),
      config,
      time,
      totals,
    };
    const overrides = d.typology.entityOverrides?.(d.draft, slots, overrideCtx) ?? {};
    for (const label of ENTITY_LABELS) {
      const list = overrides[label] ?? [];
      const count = d.draft.entities[label] ?? 0;
      if (list.length !== count)
        throw new Error(
          `${d.typology.name}: ${count} ${label} entities drafted but ${list.length} overrides given`,
        );
      // Accounts a typology opens are opened in the instance's market.
      const home = (g: GeneratorContext) =>
        homeCurrencyOf(g.population, config.seed, d.typology.name, d.lookAlike, d.ordinal);
      list.forEach((o, k) =>
        entityOverrides[label].set(
          slots.entity(label, k),
          label === 'account' && (o as AccountOverrides).currency === undefined
            ? { ...(o as AccountOverrides), currency: home }
            : o,
        ),
      );
    }
    return {
      typology: d.typology,
      ordinal: d.ordinal,
      lookAlike: d.lookAlike,
      draft: d.draft,
      slots,
    };
  });
  return { instances, layouts, entityOverrides };
}

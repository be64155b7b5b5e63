import { resolveConfig, type ConfigLayer, type GenerationConfig } from '../config/index.js';
import type { DetectionContext, Hit } from '../detection/detector.js';
import {
  scoreHits,
  truthPatterns,
  type DetectionScore,
  type TruthPattern,
} from '../detection/score.js';
import { periodOf, type DetectionPeriod } from '../detection/truth-directory.js';
import { ConfigError } from '../errors.js';
import { generate } from '../orchestration/generate.js';
import {
  connectBackends,
  openSink,
  type EndpointOptions,
  type JanusGraphConnection,
  type JanusGraphOptions,
  type OpenSearchConnection,
  type OpenSearchOptions,
  type SinkSettings,
} from '../backends/index.js';
import type { GroundTruth } from '../model/index.js';
import type { Sink } from '../sinks/sink.js';

/** Options of {@link seedBank}: which bank to generate, and the backends to seed. */
export interface SeedBankOptions {
  /** Preset to start from. Default `small` (2 instances of every typology, plus look-alikes). */
  readonly preset?: string;
  readonly seed?: number;
  /** Config overrides by option name, e.g. `{ cyclePatterns: 5, transactionCount: 3000 }`. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Gremlin endpoint (ws://host:8182/gremlin) or connection options. */
  readonly janusgraph?: string | JanusGraphOptions;
  /** OpenSearch endpoint (http://host:9200) or connection options. */
  readonly opensearch?: string | OpenSearchOptions;
  /** Prefix of the OpenSearch indexes. Default `fingraph-test-`. */
  readonly indexPrefix?: string;
  /**
   * Start from empty backends: drop every vertex and edge of the JanusGraph graph and delete the
   * prefix's OpenSearch indexes before seeding. Default false (the data is upserted by business
   * id, so a rerun with the same seed lands on itself, but earlier other data stays).
   */
  readonly fresh?: boolean;
}

/** A seeded bank: what was injected, and live connections to query it. */
export interface SeededBank {
  readonly config: GenerationConfig;
  /** The exact ground truth of what was generated. */
  readonly truth: GroundTruth;
  /** The injected patterns of a typology (and subtype), decoded. */
  patterns(typology: string, subtype?: string): TruthPattern[];
  readonly janusgraph: JanusGraphConnection | undefined;
  readonly opensearch: OpenSearchConnection | undefined;
  readonly indexPrefix: string;
  /** The period the data covers: what "now" is for it. */
  readonly period: DetectionPeriod;
  /** What a `Detector` receives: the connections and the period. */
  readonly context: DetectionContext;
  /** Scores hits (yours) against the seeded ground truth. */
  score(hits: readonly Hit[]): DetectionScore;
  /** Closes the connections (the data stays). */
  close(): Promise<void>;
}

function endpoint(value: string | EndpointOptions | undefined): EndpointOptions | undefined {
  return typeof value === 'string' ? { url: value } : value;
}

/**
 * Generates a bank straight into your JanusGraph and/or OpenSearch and returns its ground truth
 * with live connections, so a test can check that its own query finds what was injected.
 *
 * @example
 * const bank = await seedBank({ seed: 7, janusgraph: 'ws://127.0.0.1:8182/gremlin', fresh: true });
 * const hits = await myCycleQuery(bank.janusgraph!);
 * expect(bank.score(hits).typologies.find((t) => t.typology === 'cycle')?.recall).toBe(1);
 * await bank.close();
 */
export async function seedBank(options: SeedBankOptions): Promise<SeededBank> {
  if (options.janusgraph === undefined && options.opensearch === undefined)
    throw new ConfigError('seedBank', '{}', 'needs janusgraph, opensearch or both');
  const indexPrefix = options.indexPrefix ?? 'fingraph-test-';
  const values: Record<string, unknown> = { ...options.config };
  if (options.seed !== undefined) values['seed'] = options.seed;
  const layers: ConfigLayer[] = [{ source: 'flag', values }];
  const config = resolveConfig({ preset: options.preset ?? 'small', layers });

  const backends = await connectBackends(
    { janusgraph: endpoint(options.janusgraph), opensearch: endpoint(options.opensearch) },
    { indexPrefix },
  );
  const close = () => backends.close();
  try {
    // Without onDrop: an element a backend refuses fails the seeding (a test must not pass on a
    // bank that is not all there). With `fresh`, each backend is emptied first.
    const settings: SinkSettings = { clear: options.fresh === true, withLabels: config.withLabels };
    const sinks: Sink[] = [];
    for (const kind of backends.kinds)
      sinks.push(await openSink(backends.sessions, kind, settings));
    const detection = backends.targets;
    const report = await generate({ config, extraSinks: sinks });
    const truth = report.groundTruth;
    const decoded = truthPatterns(truth);
    const period = periodOf(config as unknown as Record<string, unknown>);
    const context: DetectionContext = { ...detection, ...period };
    return {
      config,
      truth,
      patterns: (typology, subtype) =>
        decoded.filter(
          (p) => p.typology === typology && (subtype === undefined || p.subtype === subtype),
        ),
      janusgraph: detection.janusgraph,
      opensearch: detection.opensearch?.connection,
      indexPrefix,
      period,
      context,
      score: (hits) => scoreHits(hits, decoded),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

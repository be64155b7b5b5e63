import { clearGraph } from '../sinks/janusgraph/clear-graph.js';
import { deleteFingraphIndexes } from '../sinks/opensearch/delete-indexes.js';
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
  connectJanusGraph,
  type JanusGraphConnection,
  type JanusGraphOptions,
} from '../sinks/janusgraph/connection.js';
import { JanusGraphSink } from '../sinks/janusgraph/janusgraph-sink.js';
import {
  connectOpenSearch,
  type OpenSearchConnection,
  type OpenSearchOptions,
} from '../sinks/opensearch/connection.js';
import { OpenSearchSink } from '../sinks/opensearch/opensearch-sink.js';
import type { GroundTruth, Sink } from '../sinks/sink.js';

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

function asOptions<T extends { url: string }>(value: string | T): T | { url: string } {
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

  let janusgraph: JanusGraphConnection | undefined;
  let opensearch: OpenSearchConnection | undefined;
  const close = async () => {
    await Promise.allSettled([janusgraph?.close(), opensearch?.close()]);
  };
  try {
    const sinks: Sink[] = [];
    if (options.janusgraph !== undefined) {
      const connection = asOptions(options.janusgraph);
      janusgraph = await connectJanusGraph(connection);
      if (options.fresh === true) await clearGraph(janusgraph);
      sinks.push(await JanusGraphSink.open({ connection, withLabels: config.withLabels }));
    }
    if (options.opensearch !== undefined) {
      opensearch = await connectOpenSearch(asOptions(options.opensearch));
      if (options.fresh === true) await deleteFingraphIndexes(opensearch, indexPrefix);
      sinks.push(new OpenSearchSink(opensearch, indexPrefix, { withLabels: config.withLabels }));
    }
    const report = await generate({ config, extraSinks: sinks });
    const truth = report.groundTruth;
    const decoded = truthPatterns(truth);
    const period = periodOf(config as unknown as Record<string, unknown>);
    const context: DetectionContext = {
      ...(janusgraph ? { janusgraph } : {}),
      ...(opensearch ? { opensearch: { connection: opensearch, indexPrefix } } : {}),
      ...period,
    };
    return {
      config,
      truth,
      patterns: (typology, subtype) =>
        decoded.filter(
          (p) => p.typology === typology && (subtype === undefined || p.subtype === subtype),
        ),
      janusgraph,
      opensearch,
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

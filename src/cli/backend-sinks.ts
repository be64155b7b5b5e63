import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { ConfigError } from '../errors.js';
import {
  Checkpoint,
  connectBackends,
  openSink,
  JANUSGRAPH_DEFAULTS,
  OPENSEARCH_DEFAULTS,
  redactUrl,
  type BackendEndpoints,
  type BackendKind,
  type DatasetIdentity,
  type OptionsOf,
  type SinkSettings,
  type TuningOf,
} from '../backends/index.js';
import type { DroppedRecord, Sink } from '../sinks/sink.js';
import { addBackendOptions, backendOptions, type BackendFlags } from './backend-options.js';

export interface LoadFlags extends BackendFlags {
  failFast?: boolean;
  clear?: boolean;
  aliases?: boolean;
  loadBatchSize?: string;
  loadConcurrency?: string;
  awaitEndpoints?: string;
  checkpoint?: string;
  resume?: boolean;
  opensearchConcurrency?: string;
  retryBudget?: string;
  deadLetter?: string;
}

/** Adds the backend flags and the loading flags shared by `generate` and `load`. */
export function addLoadOptions(command: Command): Command {
  return addBackendOptions(command)
    .addOption(
      new Option(
        '--fail-fast',
        'stop at the first element a backend refuses (default: report it by id and go on)',
      ),
    )
    .addOption(
      new Option(
        '--load-batch-size <n>',
        `JanusGraph elements per request (default ${JANUSGRAPH_DEFAULTS.batchSize})`,
      ),
    )
    .addOption(
      new Option(
        '--load-concurrency <n>',
        `JanusGraph requests in flight (default ${JANUSGRAPH_DEFAULTS.concurrency})`,
      ),
    )
    .addOption(
      new Option(
        '--await-endpoints <seconds>',
        'JanusGraph: wait up to this long for an edge endpoint another shard has not loaded yet (default 0: report the edge)',
      ),
    )
    .addOption(
      new Option(
        '--opensearch-concurrency <n>',
        `OpenSearch bulk requests in flight at most; fewer while the server answers 429 (default ${OPENSEARCH_DEFAULTS.concurrency})`,
      ),
    )
    .addOption(
      new Option(
        '--retry-budget <seconds>',
        `OpenSearch: keep retrying busy (429) or unreachable answers, past the 8 retries (about 46 s), while the server accepted something within this long (default ${OPENSEARCH_DEFAULTS.retryBudgetMs / 1000})`,
      ),
    )
    .addOption(
      new Option(
        '--dead-letter <file>',
        'append every refused element to this JSONL file (label, id, reason)',
      ),
    )
    .addOption(
      new Option(
        '--checkpoint <file>',
        'JanusGraph load progress file (default: one per dataset and graph under ~/.cache/fingraph/checkpoints)',
      ),
    )
    .addOption(
      new Option('--resume', 'skip what the checkpoint says already landed (an interrupted load)'),
    )
    .addOption(
      new Option(
        '--clear',
        "empty the graph and delete fingraph's indexes under --index-prefix before loading (another dataset was loaded there)",
      ).conflicts('resume'),
    );
}

function seconds(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0)
    throw new ConfigError(flag, raw, 'must be a whole number of seconds ≥ 0');
  return value * 1000;
}

function positive(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError(flag, raw, 'must be a whole number ≥ 1');
  return value;
}

/**
 * Keeps refused elements: printed (the first few), counted, in the --json report on every exit
 * path, and appended to the dead-letter file when one is given. Never dropped silently.
 */
export class DropLog {
  readonly dropped: DroppedRecord[] = [];
  private deadLetter: string | undefined;

  /** Appends every later refusal to `path` as one JSON line. */
  writeTo(path: string | undefined): void {
    this.deadLetter = path;
  }

  readonly record = (dropped: DroppedRecord): void => {
    this.dropped.push(dropped);
    if (this.deadLetter !== undefined)
      appendFileSync(this.deadLetter, JSON.stringify(dropped) + '\n');
    if (this.dropped.length <= 20)
      process.stderr.write(`fingraph: refused ${dropped.label} ${dropped.id}: ${dropped.reason}\n`);
    else if (this.dropped.length === 21)
      process.stderr.write(
        `fingraph: more refused elements; all are in ${this.deadLetter ?? 'the --json report (or name a --dead-letter file)'}\n`,
      );
  };
}

/** A lease holder `pid N on HOST` that ran on this host and whose process is gone. */
function isGone(who: string): boolean {
  const match = /^pid (\d+) on (.+)$/.exec(who);
  if (match?.[2] !== hostname()) return false;
  try {
    process.kill(Number(match[1]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The default checkpoint: one per dataset, part and graph, not per working directory. */
function defaultCheckpointPath(dataset: DatasetIdentity, url: string): string {
  const target = createHash('sha256').update(redactUrl(url)).digest('hex').slice(0, 12);
  const cache = process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache');
  const part = `${dataset.shard.index}of${dataset.shard.count}`;
  return join(cache, 'fingraph', 'checkpoints', `${dataset.digest}-${part}-${target}.json`);
}

/** Connections the command must close when it is done (after verification). */
export class Resources {
  private readonly closers: (() => Promise<void>)[] = [];

  add(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  async release(): Promise<void> {
    await Promise.allSettled(this.closers.map((close) => close()));
  }
}

/** Each backend's own load settings, from its own flags. */
type TuningTable = { readonly [K in BackendKind]: (options: OptionsOf<K>) => TuningOf<K> };

function tuned<K extends BackendKind>(
  kind: K,
  endpoints: BackendEndpoints,
  tuning: TuningTable,
): TuningOf<K> | undefined {
  const options = endpoints[kind];
  return options === undefined ? undefined : tuning[kind](options);
}

/**
 * Opens the backend sinks the flags ask for, and does everything that can refuse the load before
 * the first element is written: connecting, applying the schema, taking JanusGraph's loader lease,
 * checking which dataset each backend holds (another one is refused, exit 2, naming --clear),
 * clearing when asked, and creating the indexes. `source` identifies what is loaded, so a
 * checkpoint of another load is never resumed; `dataset` is what the backends record.
 */
export async function openBackendSinks(
  flags: LoadFlags,
  source: unknown,
  dataset: DatasetIdentity,
  drops: DropLog,
  resources: Resources,
  withLabels: boolean,
  signal?: AbortSignal,
): Promise<Sink[]> {
  const endpoints = await backendOptions(flags);
  const batchSize = positive('--load-batch-size', flags.loadBatchSize);
  const concurrency = positive('--load-concurrency', flags.loadConcurrency);
  const awaitEndpointsMs = seconds('--await-endpoints', flags.awaitEndpoints);
  const bulkConcurrency = positive('--opensearch-concurrency', flags.opensearchConcurrency);
  const retryBudgetMs = seconds('--retry-budget', flags.retryBudget);
  drops.writeTo(flags.deadLetter);
  const settings: SinkSettings = {
    dataset,
    clear: flags.clear === true,
    withLabels,
    failFast: flags.failFast === true,
    onDrop: drops.record,
    ...(signal === undefined ? {} : { signal }),
  };
  // Each backend's own flags; a backend added to the table is a compile error here until it has a row.
  const tuning: TuningTable = {
    janusgraph: (options) => ({
      batchSize,
      concurrency,
      awaitEndpointsMs,
      checkpoint: new Checkpoint(
        flags.checkpoint ?? defaultCheckpointPath(dataset, options.url),
        createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 16),
      ),
      resume: flags.resume === true,
      holder: { owner: randomUUID(), who: `pid ${process.pid} on ${hostname()}`, isGone },
      onNotice: (message) => process.stderr.write(`fingraph: ${message}\n`),
    }),
    opensearch: () => ({
      aliases: flags.aliases === true,
      onNotice: (message) => process.stderr.write(`fingraph: ${message}\n`),
      ...(bulkConcurrency === undefined ? {} : { concurrency: bulkConcurrency }),
      ...(retryBudgetMs === undefined ? {} : { retryBudgetMs }),
    }),
  };
  const backends = await connectBackends(endpoints, { indexPrefix: flags.indexPrefix });
  resources.add(() => backends.close());
  const sinks: Sink[] = [];
  try {
    // In table order, JanusGraph first: its lease refuses a second loader before anything,
    // OpenSearch included, is cleared or written.
    for (const kind of backends.kinds)
      sinks.push(await openSink(backends.sessions, kind, settings, tuned(kind, endpoints, tuning)));
  } catch (error) {
    await Promise.allSettled(sinks.map((sink) => sink.abort(error)));
    throw error;
  }
  return sinks;
}

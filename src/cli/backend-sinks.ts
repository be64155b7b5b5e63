import { createHash } from 'node:crypto';
import { Option, type Command } from 'commander';
import { ConfigError } from '../errors.js';
import { Checkpoint } from '../sinks/janusgraph/checkpoint.js';
import { clearGraph } from '../sinks/janusgraph/clear-graph.js';
import { connectJanusGraph } from '../sinks/janusgraph/connection.js';
import { deleteFingraphIndexes } from '../sinks/opensearch/delete-indexes.js';
import { JANUSGRAPH_DEFAULTS, JanusGraphSink } from '../sinks/janusgraph/janusgraph-sink.js';
import { connectOpenSearch } from '../sinks/opensearch/connection.js';
import { OpenSearchSink } from '../sinks/opensearch/opensearch-sink.js';
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
        '--checkpoint <file>',
        'JanusGraph load progress file (default .fingraph-checkpoint.json)',
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

/** Keeps refused elements: printed (the first few) and counted, never dropped silently. */
export class DropLog {
  readonly dropped: DroppedRecord[] = [];

  readonly record = (dropped: DroppedRecord): void => {
    this.dropped.push(dropped);
    if (this.dropped.length <= 20)
      process.stderr.write(`fingraph: refused ${dropped.label} ${dropped.id}: ${dropped.reason}\n`);
    else if (this.dropped.length === 21)
      process.stderr.write('fingraph: more refused elements; all are in the --json report\n');
  };
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

/**
 * Opens the backend sinks the flags ask for (connecting, applying the schema). `source`
 * identifies what is loaded, so a checkpoint of another load is never resumed.
 */
export async function openBackendSinks(
  flags: LoadFlags,
  source: unknown,
  drops: DropLog,
  resources: Resources,
  withLabels: boolean,
): Promise<Sink[]> {
  const options = await backendOptions(flags);
  const sinks: Sink[] = [];
  if (options.janusgraph) {
    if (flags.clear) {
      const connection = await connectJanusGraph(options.janusgraph);
      try {
        await clearGraph(connection);
      } finally {
        await connection.close();
      }
    }
    const key = createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 16);
    sinks.push(
      await JanusGraphSink.open({
        connection: options.janusgraph,
        batchSize: positive('--load-batch-size', flags.loadBatchSize),
        concurrency: positive('--load-concurrency', flags.loadConcurrency),
        awaitEndpointsMs: seconds('--await-endpoints', flags.awaitEndpoints),
        checkpoint: new Checkpoint(flags.checkpoint ?? '.fingraph-checkpoint.json', key),
        resume: flags.resume === true,
        failFast: flags.failFast === true,
        onDrop: drops.record,
        withLabels,
      }),
    );
  }
  if (options.opensearch) {
    const connection = await connectOpenSearch(options.opensearch);
    resources.add(() => connection.close());
    if (flags.clear) await deleteFingraphIndexes(connection, flags.indexPrefix);
    sinks.push(
      new OpenSearchSink(connection, flags.indexPrefix, {
        aliases: flags.aliases === true,
        failFast: flags.failFast === true,
        onDrop: drops.record,
        withLabels,
      }),
    );
  }
  return sinks;
}

import { Command, Option } from 'commander';
import { ConfigError } from '../errors.js';
import {
  configJsonSchema,
  janusGraphManagementScript,
  janusGraphSchema,
  openSearchIndexes,
} from '../schema/index.js';
import { applyJanusGraphSchema } from '../sinks/janusgraph/apply-schema.js';
import { connectJanusGraph } from '../sinks/janusgraph/connection.js';
import { applyOpenSearchSchema } from '../sinks/opensearch/apply-schema.js';
import { connectOpenSearch } from '../sinks/opensearch/connection.js';
import { addBackendOptions, backendOptions, type BackendFlags } from './backend-options.js';

const TARGETS = ['janusgraph', 'janusgraph-script', 'opensearch', 'config'] as const;

function printSchema(target: string): void {
  const out = (value: unknown): void => {
    process.stdout.write(typeof value === 'string' ? value : JSON.stringify(value, null, 2) + '\n');
  };
  switch (target) {
    case 'janusgraph':
      out(janusGraphSchema());
      return;
    case 'janusgraph-script':
      out(janusGraphManagementScript(janusGraphSchema()));
      return;
    case 'opensearch':
      out(openSearchIndexes());
      return;
    case 'config':
      out(configJsonSchema());
      return;
    default:
      throw new ConfigError(
        '--target',
        target,
        `is not a schema target; use one of ${TARGETS.join(', ')}`,
      );
  }
}

async function applySchema(flags: BackendFlags & { json?: boolean }): Promise<void> {
  const options = await backendOptions(flags);
  if (!options.janusgraph && !options.opensearch) {
    throw new ConfigError(
      'schema apply',
      '',
      'needs --janusgraph <url>, --opensearch <url> or both',
    );
  }
  const report: Record<string, unknown> = {};
  if (options.janusgraph) {
    const connection = await connectJanusGraph(options.janusgraph);
    try {
      const { created } = await applyJanusGraphSchema(connection);
      report['janusgraph'] = { url: connection.url, created };
      process.stderr.write(
        created.length === 0
          ? `janusgraph: ${connection.url}: schema already in place, nothing changed\n`
          : `janusgraph: ${connection.url}: created ${created.length} schema elements\n`,
      );
    } finally {
      await connection.close();
    }
  }
  if (options.opensearch) {
    const connection = await connectOpenSearch(options.opensearch);
    try {
      const { created, unchanged } = await applyOpenSearchSchema(connection, flags.indexPrefix);
      report['opensearch'] = { url: connection.url, created, unchanged };
      process.stderr.write(
        created.length === 0
          ? `opensearch: ${connection.url}: all ${unchanged.length} indexes already in place, nothing changed\n`
          : `opensearch: ${connection.url}: created ${created.length} indexes, ${unchanged.length} already in place\n`,
      );
    } finally {
      await connection.close();
    }
  }
  if (flags.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

export function schemaCommand(): Command {
  const command = new Command('schema').description(
    'print or apply the JanusGraph schema and OpenSearch mappings',
  );
  command
    .command('print')
    .description('print a schema to stdout')
    .addOption(
      new Option('-t, --target <target>', 'what to print').choices(TARGETS).default('janusgraph'),
    )
    .action((flags: { target: string }) => {
      printSchema(flags.target);
    });
  addBackendOptions(
    command
      .command('apply')
      .description(
        'create the schema on the given backends; idempotent, conflicts are reported and left untouched',
      )
      .option('--json', 'print what was created to stdout'),
  ).action(applySchema);
  return command;
}

import { Command, Option } from 'commander';
import { ConfigError } from '../errors.js';
import {
  configJsonSchema,
  janusGraphManagementScript,
  janusGraphSchema,
  openSearchIndexes,
} from '../schema/index.js';
import { connectBackends } from '../backends/index.js';
import {
  addBackendOptions,
  backendOptions,
  namedBackends,
  type BackendFlags,
} from './backend-options.js';

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
  const endpoints = await backendOptions(flags);
  if (namedBackends(endpoints).length === 0) {
    throw new ConfigError(
      'schema apply',
      '',
      'needs --janusgraph <url>, --opensearch <url> or both',
    );
  }
  const report: Record<string, unknown> = {};
  // One backend at a time, as before: each is connected, changed and closed before the next.
  for (const kind of namedBackends(endpoints)) {
    const backends = await connectBackends(
      { [kind]: endpoints[kind] },
      {
        indexPrefix: flags.indexPrefix,
      },
    );
    try {
      const session = backends.sessions[kind];
      if (session === undefined) continue;
      const outcome = await session.applySchema();
      report[kind] = outcome.report;
      process.stderr.write(`${kind}: ${session.url}: ${outcome.summary}\n`);
    } finally {
      await backends.close();
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

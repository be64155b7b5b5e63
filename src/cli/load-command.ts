import { Command, Option } from 'commander';
import { TABLE_FORMATS, type TableFormat } from '../config/index.js';
import { ConfigError } from '../errors.js';
import { load, type LoadReport } from '../orchestration/load.js';
import { readManifest } from '../output/index.js';
import {
  addLoadOptions,
  DropLog,
  openBackendSinks,
  Resources,
  type LoadFlags,
} from './backend-sinks.js';
import { datasetIdentity } from './backend-dataset.js';
import { backendsLeftNote, failureReport } from './backend-report.js';
import { bothProgress, watchLoad } from './backend-stall.js';
import { checkBackendUrls } from './backend-urls.js';
import { checkOutputDirectory } from './input-directory.js';
import { interruptible } from './interruptible.js';
import { printVerification } from './verification-table.js';

interface LoadCommandFlags extends LoadFlags {
  from: string;
  format?: TableFormat;
  withLabels?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function loadCommand(): Command {
  const command = new Command('load')
    .description('load files written by `generate` into JanusGraph and/or OpenSearch')
    .requiredOption('--from <dir>', 'output directory of an earlier `fingraph generate`')
    .addOption(
      new Option(
        '--format <format>',
        'which of the written formats to read (default: the first present of jsonl, parquet, csv, json)',
      ).choices(TABLE_FORMATS),
    )
    .option(
      '--with-labels',
      'ground truth on the loaded data: is_laundering and pattern_ids on events, pattern vertices in JanusGraph (from ground_truth/ when the files have no labels; a directory generated with --with-labels loads them anyway)',
    )
    .option('--json', 'print a machine-readable report to stdout')
    .option('-q, --quiet', 'no progress or summary on stderr');
  addLoadOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  $ fingraph load --from ./output --janusgraph ws://127.0.0.1:8182/gremlin --opensearch http://127.0.0.1:9200
  $ fingraph load --from ./output --janusgraph wss://graph.bank.internal:8182/gremlin --credentials-file creds.json --resume
  $ fingraph load --from ./output --with-labels --janusgraph ws://127.0.0.1:8182/gremlin   # crimes drawn in the graph`,
  );
  command.action(async (flags: LoadCommandFlags) => {
    if (!flags.janusgraph && !flags.opensearch)
      throw new ConfigError(
        'load',
        flags.from,
        'needs --janusgraph <url>, --opensearch <url> or both',
      );
    checkBackendUrls(flags);
    await checkOutputDirectory('--from', flags.from);
    const drops = new DropLog();
    const showProgress = !flags.quiet && !flags.json && process.stderr.isTTY;
    const watch = watchLoad(true, flags);
    const resources = new Resources();
    let report: LoadReport;
    try {
      report = await interruptible(showProgress, ({ signal, onProgress }) =>
        load({
          from: flags.from,
          format: flags.format,
          withLabels: flags.withLabels === true,
          // Opened once the files are checked; the checkpoint is tied to what the manifest lists.
          openSinks: async () => {
            const manifest = await readManifest(flags.from);
            return openBackendSinks(
              flags,
              { manifest: manifest.files },
              datasetIdentity(manifest.seed, manifest.config, manifest.shard),
              drops,
              resources,
              flags.withLabels === true || manifest.config['withLabels'] === true,
              signal,
            );
          },
          onProgress: bothProgress(onProgress, watch?.sample),
          signal,
        }),
      );
    } catch (error) {
      // The report on every exit path: refused elements are reachable even when the run failed.
      if (flags.json) process.stdout.write(failureReport(error, drops.dropped));
      const note = backendsLeftNote(flags, error);
      if (note !== undefined) process.stderr.write(`fingraph: ${note}`);
      throw error;
    } finally {
      watch?.stop();
      await resources.release();
    }
    if (!flags.quiet && !flags.json) {
      process.stderr.write(
        `fingraph: loaded ${report.totalRecords.toLocaleString('en-US')} records from ${flags.from} (${report.format}) in ${(report.timeMs / 1000).toFixed(2)} s, ${report.recordsPerSecond.toLocaleString('en-US')} records/s\n`,
      );
      printVerification(report.verification, (report.manifest.shard?.count ?? 1) > 1);
    }
    if (flags.json)
      process.stdout.write(
        JSON.stringify({ ...report, manifest: undefined, dropped: drops.dropped }, null, 2) + '\n',
      );
    if (drops.dropped.length > 0) process.exitCode = 1;
  });
  return command;
}

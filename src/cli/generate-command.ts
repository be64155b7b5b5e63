import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import {
  OPTION_DESCRIPTORS,
  PRESET_NAMES,
  resolveConfig,
  type ConfigLayer,
  type OptionDescriptor,
} from '../config/index.js';
import { ConfigError } from '../errors.js';
import { generate, type GenerateReport } from '../orchestration/generate.js';
import {
  addLoadOptions,
  DropLog,
  openBackendSinks,
  Resources,
  type LoadFlags,
} from './backend-sinks.js';
import { interruptible } from './interruptible.js';
import { printVerification } from './verification-table.js';
import { printSummary } from './summary.js';

/** The key commander stores a flag's value under: --person-count → personCount. */
function attributeOf(d: OptionDescriptor): string {
  return d.flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Flag strings become numbers where the option is numeric; anything unparsable stays a string so validation can name it. */
function parseFlagValue(d: OptionDescriptor, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  if (d.type === 'count' || d.type === 'positive' || d.type === 'seed' || d.type === 'rate') {
    return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return raw;
}

async function readConfigFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      '--config',
      path,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('--config', path, `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('--config', path, 'must hold a JSON object of option names to values');
  }
  return parsed as Record<string, unknown>;
}

interface GenerateFlags extends LoadFlags {
  preset?: string;
  config?: string;
  out: string;
  overwrite?: boolean;
  json?: boolean;
  quiet?: boolean;
  [key: string]: unknown;
}

export function generateCommand(): Command {
  const command = new Command('generate')
    .description('generate a synthetic bank into files (and, later, backends)')
    .option('-p, --preset <name>', `preset: ${PRESET_NAMES.join(', ')}`, 'small')
    .option('-c, --config <file>', 'JSON config file (camelCase or snake_case option names)')
    .option('-o, --out <dir>', 'output directory', './output')
    .option('--overwrite', 'replace a non-empty output directory')
    .option('--json', 'print a machine-readable report to stdout')
    .option('-q, --quiet', 'no progress or summary on stderr');
  for (const d of OPTION_DESCRIPTORS) {
    if (d.type === 'boolean') {
      command.addOption(new Option(d.flag, d.description));
      command.addOption(new Option(d.flag.replace('--', '--no-'), `opposite of ${d.flag}`));
    } else {
      const short = d.name === 'seed' ? '-s, ' : d.name === 'formats' ? '-f, ' : '';
      command.addOption(
        new Option(
          `${short}${d.flag} ${d.type === 'formats' ? '<list>' : '<value>'}`,
          d.description,
        ),
      );
    }
  }
  addLoadOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  $ fingraph generate                                  # small preset into ./output as JSONL
  $ fingraph generate --preset complete --seed 7 --out data --format jsonl,parquet
  $ fingraph generate --config bank.json --transaction-count 1000000 --overwrite
  $ fingraph generate --preset tiny --json > report.json
  $ fingraph generate --preset small --janusgraph ws://127.0.0.1:8182/gremlin --opensearch http://127.0.0.1:9200
      (with a backend and no --out, nothing is written to disk)
  $ fingraph generate --preset large --workers 2                # same bytes as --workers 1, faster
  $ fingraph generate --preset large --shard 1/3 --out part-1   # part 1 (from 0) of 3; see fingraph merge`,
  );
  command.action(async (flags: GenerateFlags) => {
    const outGiven = command.getOptionValueSource('out') !== 'default';
    const drops = new DropLog();
    const report = await runGenerate(flags, outGiven, drops);
    if (flags.json)
      process.stdout.write(
        JSON.stringify({ ...jsonReport(report), dropped: drops.dropped }, null, 2) + '\n',
      );
    if (drops.dropped.length > 0) process.exitCode = 1;
  });
  return command;
}

async function runGenerate(
  flags: GenerateFlags,
  outGiven: boolean,
  drops: DropLog,
): Promise<GenerateReport> {
  const layers: ConfigLayer[] = [];
  if (flags.config !== undefined)
    layers.push({ source: 'file', values: await readConfigFile(flags.config) });
  const flagValues: Record<string, unknown> = {};
  for (const d of OPTION_DESCRIPTORS) {
    const value = flags[attributeOf(d)];
    if (value !== undefined) flagValues[d.name] = parseFlagValue(d, value);
  }
  layers.push({ source: 'flag', values: flagValues });
  const config = resolveConfig({ preset: flags.preset, layers });

  // Loading straight into backends writes no files unless --out is given explicitly.
  const loading = flags.janusgraph !== undefined || flags.opensearch !== undefined;
  const outDir = loading && !outGiven ? undefined : flags.out;
  const showProgress = !flags.quiet && !flags.json && process.stderr.isTTY;
  const resources = new Resources();
  let report: GenerateReport;
  try {
    report = await interruptible(showProgress, ({ signal, onProgress }) =>
      generate({
        config,
        outDir,
        openSinks: () => openBackendSinks(flags, config, drops, resources, config.withLabels),
        overwrite: flags.overwrite === true,
        clock: () => performance.now(),
        memory: () => process.memoryUsage.rss(),
        onProgress,
        signal,
      }),
    );
  } finally {
    await resources.release();
  }
  if (!flags.quiet && !flags.json) {
    printSummary(report, config.seed);
    printVerification(report.verification, report.shard.count > 1);
  }
  return report;
}

function jsonReport(report: GenerateReport) {
  return {
    out_dir: report.outDir,
    counts: report.counts,
    total_records: report.totalRecords,
    time_ms: Math.round(report.timeMs),
    records_per_second: report.recordsPerSecond,
    peak_rss_bytes: report.peakRssBytes,
    sinks: report.sinks,
    files: report.files,
    verification: report.verification,
    patterns: report.patterns,
  };
}

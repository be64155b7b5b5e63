import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import {
  OPTION_DESCRIPTORS,
  resolveConfig,
  type ConfigLayer,
  type GenerationConfig,
  type OptionDescriptor,
} from '../config/index.js';
import { ConfigError } from '../errors.js';
import { generate, type GenerateReport } from '../orchestration/generate.js';
import { datasetIdentity, shardOfSpec } from './backend-dataset.js';
import { backendsLeftNote, failureReport } from './backend-report.js';
import { DropLog, openBackendSinks, Resources, type LoadFlags } from './backend-sinks.js';
import { bothProgress, watchLoad } from './backend-stall.js';
import { checkBackendUrls } from './backend-urls.js';
import { parseFlagValue } from './flag-value.js';
import { interruptible } from './interruptible.js';
import { printSummary } from './summary.js';
import { printVerification } from './verification-table.js';

export interface GenerateFlags extends LoadFlags {
  preset?: string;
  config?: string;
  out: string;
  overwrite?: boolean;
  json?: boolean;
  quiet?: boolean;
  [key: string]: unknown;
}

/** The key commander stores a flag's value under: --person-count → personCount. */
function attributeOf(d: OptionDescriptor): string {
  return d.flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
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

/** `fingraph generate`: resolves the config, runs, prints the summary or the JSON report. */
export async function runGenerateCommand(flags: GenerateFlags, outGiven: boolean): Promise<void> {
  const drops = new DropLog();
  let run: { report: GenerateReport; config: GenerationConfig };
  try {
    run = await runGenerate(flags, outGiven, drops);
  } catch (error) {
    // The report on every exit path: refused elements are reachable even when the run failed.
    if (flags.json) process.stdout.write(failureReport(error, drops.dropped));
    const note = backendsLeftNote(flags, error);
    if (note !== undefined) process.stderr.write(`fingraph: ${note}`);
    throw error;
  }
  const { report, config } = run;
  // Since the process started: Node's own start-up and module loading included.
  const wallMs = performance.now();
  if (!flags.quiet && !flags.json) {
    printSummary(report, {
      seed: config.seed,
      wallMs,
      openSearchPrefix:
        flags.opensearch !== undefined && config.includeGroundTruth ? flags.indexPrefix : undefined,
    });
    printVerification(report.verification, report.shard.count > 1);
  }
  if (flags.json)
    process.stdout.write(
      JSON.stringify({ ...jsonReport(report, wallMs), dropped: drops.dropped }, null, 2) + '\n',
    );
  if (drops.dropped.length > 0) process.exitCode = 1;
}

async function runGenerate(
  flags: GenerateFlags,
  outGiven: boolean,
  drops: DropLog,
): Promise<{ report: GenerateReport; config: GenerationConfig }> {
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
  checkBackendUrls(flags);

  // Loading straight into backends writes no files unless --out is given explicitly.
  const loading = flags.janusgraph !== undefined || flags.opensearch !== undefined;
  const outDir = loading && !outGiven ? undefined : flags.out;
  const showProgress = !flags.quiet && !flags.json && process.stderr.isTTY;
  const watch = watchLoad(loading, flags);
  const resources = new Resources();
  try {
    const report = await interruptible(showProgress, ({ signal, onProgress }) =>
      generate({
        config,
        outDir,
        openSinks: () =>
          openBackendSinks(
            flags,
            config,
            datasetIdentity(
              config.seed,
              config as unknown as Record<string, unknown>,
              shardOfSpec(config.shard),
            ),
            drops,
            resources,
            config.withLabels,
            signal,
          ),
        overwrite: flags.overwrite === true,
        clock: () => performance.now(),
        memory: () => process.memoryUsage.rss(),
        onProgress: bothProgress(onProgress, watch?.sample),
        signal,
      }),
    );
    return { report, config };
  } finally {
    watch?.stop();
    await resources.release();
  }
}

function jsonReport(report: GenerateReport, wallMs: number) {
  return {
    out_dir: report.outDir,
    counts: report.counts,
    total_records: report.totalRecords,
    time_ms: Math.round(report.timeMs),
    wall_time_ms: Math.round(wallMs),
    records_per_second: report.recordsPerSecond,
    peak_rss_bytes: report.peakRssBytes,
    sinks: report.sinks,
    files: report.files,
    verification: report.verification,
    patterns: report.patterns,
  };
}

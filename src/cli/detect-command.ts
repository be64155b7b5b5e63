import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { resolveConfig } from '../config/index.js';
import type { DetectionContext, Detector } from '../detection/detector.js';
import { drawingWants, type DrawingFacts } from '../detection/drawing-facts.js';
import { readDrawingFactsFromFiles } from '../detection/drawing-facts-files.js';
import { readDrawingFactsFromOpenSearch } from '../detection/drawing-facts-opensearch.js';
import {
  readLookAlikesFile,
  readLookAlikesIndex,
  type LookAlike,
} from '../detection/look-alikes.js';
import { DETECTORS } from '../detection/registry.js';
import { chooseDrawings, renderDetectionReport } from '../detection/report-html.js';
import {
  runDetection,
  type DetectionRun,
  type DetectorOutcome,
} from '../detection/run-detection.js';
import { scoreHits, truthPatterns, type DetectionScore } from '../detection/score.js';
import {
  periodOf,
  readTruthDirectory,
  type DetectionPeriod,
} from '../detection/truth-directory.js';
import { readOpenSearchTruth } from '../detection/truth-opensearch.js';
import { ConfigError } from '../errors.js';
import { MS_PER_DAY } from '../model/index.js';
import { connectBackends } from '../backends/index.js';
import {
  addBackendOptions,
  backendOptions,
  namedBackends,
  type BackendFlags,
} from './backend-options.js';

interface DetectFlags extends BackendFlags {
  truth?: string;
  json?: boolean;
  html?: string;
  minRecall?: string;
  referenceDate?: string;
  durationDays?: string;
  only?: string;
  drawings?: string;
  quiet?: boolean;
}

export function detectCommand(): Command {
  const command = new Command('detect')
    .description(
      'run the detection queries against loaded backends and score them against the ground truth (--truth, or the one loaded into OpenSearch)',
    )
    .option(
      '--truth <dir>',
      'output directory of the generate run that was loaded (ground truth, period); default: the patterns and event_labels indexes of --opensearch',
    )
    .option('--json', 'print a machine-readable report to stdout')
    .option('--html <file>', 'write a self-contained HTML report')
    .option(
      '--min-recall <x>',
      'with a ground truth: exit 1 when the overall recall is below x (0..1)',
    )
    .option('--drawings <n>', 'with --html: pattern drawings per typology (default 1)')
    .addOption(
      new Option(
        '--reference-date <iso>',
        'without --truth: end of the data period (default: the presets’ reference date)',
      ),
    )
    .addOption(
      new Option(
        '--duration-days <n>',
        'without --truth: length of the event window (default: the presets’)',
      ),
    )
    .option('--only <names>', 'comma-separated detector names or typologies to run')
    .option('-q, --quiet', 'no per-detector lines on stderr');
  addBackendOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  $ fingraph detect --janusgraph ws://127.0.0.1:8182/gremlin --opensearch http://127.0.0.1:9200 --html report.html
  $ fingraph detect --janusgraph ws://127.0.0.1:8182/gremlin --opensearch http://127.0.0.1:9200 --truth ./output --html report.html
  $ fingraph detect --janusgraph ws://127.0.0.1:8182/gremlin --truth ./output --json --min-recall 1`,
  );
  command.action(async (flags: DetectFlags) => {
    process.exitCode = await runDetect(flags);
  });
  return command;
}

function minRecallOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new ConfigError('--min-recall', raw, 'must be a number from 0 to 1');
  return value;
}

function periodFromFlags(flags: DetectFlags): DetectionPeriod {
  const defaults = resolveConfig({ preset: 'small', layers: [] });
  const referenceDate = flags.referenceDate ?? defaults.referenceDate;
  if (!Number.isFinite(Date.parse(referenceDate)))
    throw new ConfigError('--reference-date', referenceDate, 'must be an ISO date');
  const durationDays =
    flags.durationDays === undefined ? defaults.durationDays : Number(flags.durationDays);
  if (!Number.isFinite(durationDays) || durationDays <= 0)
    throw new ConfigError('--duration-days', flags.durationDays, 'must be a positive number');
  return periodOf({ referenceDate, startDate: null, durationDays });
}

function selected(only: string | undefined): readonly Detector[] {
  if (only === undefined) return DETECTORS;
  const names = new Set(
    only
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  const chosen = DETECTORS.filter((d) => names.has(d.name) || names.has(d.typology));
  const known = new Set(DETECTORS.flatMap((d) => [d.name, d.typology]));
  const unknown = [...names].filter((n) => !known.has(n));
  if (unknown.length > 0)
    throw new ConfigError('--only', only, `names no detector or typology: ${unknown.join(', ')}`);
  return chosen;
}

function fmtPct(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function fmtMs(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`;
}

function outcomeLine(o: DetectorOutcome): string {
  if (o.status === 'ok')
    return `  ok      ${o.detector} (${o.typology}): ${o.hits.length} hits in ${fmtMs(o.timeMs)}`;
  if (o.status === 'skipped') return `  SKIPPED ${o.detector} (${o.typology}): ${o.reason}`;
  return `  FAILED  ${o.detector} (${o.typology}): ${o.error}`;
}

function scoreTable(score: DetectionScore): string {
  const header = ['typology', 'injected', 'found', 'recall', 'hits', 'precision', 'query time'];
  const rows = score.typologies.map((t) => [
    t.typology,
    String(t.injected),
    String(t.found),
    fmtPct(t.recall),
    String(t.hits),
    fmtPct(t.precision),
    fmtMs(t.queryTimeMs),
  ]);
  rows.push([
    'total',
    String(score.injected),
    String(score.found),
    fmtPct(score.recall),
    String(score.hits),
    fmtPct(score.precision),
    '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function hitList(run: DetectionRun): string {
  if (run.hits.length === 0) return 'no hits\n';
  return (
    run.hits
      .map((h) => {
        const entities =
          h.entities.length > 8
            ? `${h.entities.slice(0, 8).join(',')},… (${h.entities.length})`
            : h.entities.join(',');
        return `${h.typology}\t${entities}\t${h.events.length} events\t${h.explanation}`;
      })
      .join('\n') + '\n'
  );
}

function drawingsOf(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError('--drawings', raw, 'must be a whole number of at least 1');
  return value;
}

/** Where the ground truth came from, for the report and the JSON. */
interface TruthSource {
  readonly kind: 'files' | 'opensearch';
  readonly location: string;
}

/**
 * Warns when injected patterns fall outside the period the queries look at: the period comes from
 * flags (or the presets) when the ground truth is read from OpenSearch, which holds no config.
 */
function warnOutsidePeriod(
  patterns: readonly { typology: string; window_start: string; window_end: string }[],
  period: DetectionPeriod,
): void {
  // An ownership structure's stakes are standing links dated years back, like the background's,
  // and its queries read every holds_share whatever its date: only its end must fall in the period.
  const outside = patterns.filter(
    (p) =>
      (p.typology !== 'ownership_chain' &&
        Date.parse(p.window_start) < period.windowStartMs - MS_PER_DAY) ||
      Date.parse(p.window_end) > period.referenceMs + MS_PER_DAY,
  ).length;
  if (outside > 0)
    process.stderr.write(
      `fingraph: warning: ${outside} injected pattern(s) lie outside the period ${new Date(period.windowStartMs).toISOString().slice(0, 10)} – ${new Date(period.referenceMs).toISOString().slice(0, 10)}; pass the --reference-date and --duration-days the data was generated with (or --truth)\n`,
    );
}

function jsonOutcome(o: DetectorOutcome) {
  const base = { detector: o.detector, typology: o.typology, backend: o.backend, status: o.status };
  if (o.status === 'ok') return { ...base, hits: o.hits.length, time_ms: Math.round(o.timeMs) };
  if (o.status === 'skipped') return { ...base, reason: o.reason };
  return { ...base, error: o.error, time_ms: Math.round(o.timeMs) };
}

function jsonScore(score: DetectionScore) {
  return {
    injected: score.injected,
    found: score.found,
    recall: score.recall,
    hits: score.hits,
    true_hits: score.trueHits,
    precision: score.precision,
    typologies: score.typologies.map((t) => ({
      typology: t.typology,
      injected: t.injected,
      found: t.found,
      recall: t.recall,
      hits: t.hits,
      true_hits: t.trueHits,
      precision: t.precision,
      query_time_ms: t.queryTimeMs === null ? null : Math.round(t.queryTimeMs),
      missed: t.missed,
      subtypes: t.subtypes,
    })),
  };
}

async function runDetect(flags: DetectFlags): Promise<number> {
  const minRecall = minRecallOf(flags.minRecall);
  const drawings = drawingsOf(flags.drawings);
  if (minRecall !== undefined && flags.truth === undefined && flags.opensearch === undefined)
    throw new ConfigError(
      '--min-recall',
      flags.minRecall,
      'needs a ground truth to measure recall against: --truth, or --opensearch with the ground truth loaded',
    );
  if (namedBackends(flags).length === 0)
    throw new ConfigError(
      '--janusgraph/--opensearch',
      '(none)',
      'name at least one backend to query',
    );
  const detectors = selected(flags.only);
  const truthDir = flags.truth === undefined ? undefined : await readTruthDirectory(flags.truth);
  const period = truthDir ?? periodFromFlags(flags);
  const backends = await connectBackends(await backendOptions(flags), {
    indexPrefix: flags.indexPrefix,
  });
  try {
    const opensearch = backends.targets.opensearch?.connection;
    // Without --truth, the ground truth `generate`/`load` put into OpenSearch: a load made
    // without files can still be scored.
    const indexed =
      truthDir === undefined && opensearch !== undefined
        ? await readOpenSearchTruth(opensearch, flags.indexPrefix)
        : null;
    const truth = truthDir?.truth ?? indexed?.truth;
    const source: TruthSource | null = truthDir
      ? { kind: 'files', location: truthDir.directory }
      : indexed
        ? { kind: 'opensearch', location: indexed.indexes.join(', ') }
        : null;
    if (indexed) {
      if (flags.quiet !== true)
        process.stderr.write(
          `fingraph: ground truth from OpenSearch: ${indexed.truth.patterns.length} patterns, ${indexed.truth.eventLabels.length} event labels (${source?.location ?? ''})\n`,
        );
      warnOutsidePeriod(indexed.truth.patterns, period);
    }
    if (minRecall !== undefined && truth === undefined)
      throw new ConfigError(
        '--min-recall',
        flags.minRecall,
        `needs a ground truth: no --truth, and OpenSearch has no patterns in ${flags.indexPrefix}patterns`,
      );
    const ctx: DetectionContext = {
      ...backends.targets,
      referenceMs: period.referenceMs,
      windowStartMs: period.windowStartMs,
    };
    const run = await runDetection(detectors, ctx, {
      onOutcome: (o) => {
        if (flags.quiet !== true || o.status !== 'ok') process.stderr.write(outcomeLine(o) + '\n');
      },
    });
    const patterns = truth ? truthPatterns(truth) : undefined;
    const score = patterns
      ? scoreHits(run.hits, patterns, {
          queryTimeMs: run.queryTimeMs,
          typologies: detectors.map((d) => d.typology),
        })
      : null;
    if (flags.json) {
      process.stdout.write(
        JSON.stringify(
          {
            reference_date: new Date(period.referenceMs).toISOString(),
            window_start: new Date(period.windowStartMs).toISOString(),
            ground_truth: source,
            detectors: run.outcomes.map(jsonOutcome),
            ...(score ? { score: jsonScore(score) } : { hits: run.hits }),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      process.stdout.write(score ? scoreTable(score) : hitList(run));
    }
    if (flags.html !== undefined) {
      let facts: DrawingFacts | undefined;
      let lookAlikes: LookAlike[] = [];
      if (patterns) {
        const wants = drawingWants(
          chooseDrawings(patterns, run.hits, drawings).map((d) => d.pattern),
        );
        if (truthDir) {
          facts = await readDrawingFactsFromFiles(truthDir.directory, wants);
          lookAlikes = await readLookAlikesFile(truthDir.directory);
        } else if (opensearch) {
          facts = await readDrawingFactsFromOpenSearch(opensearch, flags.indexPrefix, wants);
          lookAlikes = await readLookAlikesIndex(opensearch, flags.indexPrefix);
        }
      }
      const days = `data ${new Date(period.windowStartMs).toISOString().slice(0, 10)} – ${new Date(period.referenceMs).toISOString().slice(0, 10)}`;
      await writeFile(
        flags.html,
        renderDetectionReport({
          score,
          outcomes: run.outcomes,
          hits: run.hits,
          ...(patterns ? { patterns } : {}),
          ...(facts ? { facts } : {}),
          lookAlikes,
          drawingsPerTypology: drawings,
          subtitle: `${days}${source ? ` · ground truth ${source.kind === 'files' ? source.location : `from OpenSearch (${source.location})`}` : ''}`,
        }),
      );
      if (flags.quiet !== true) process.stderr.write(`fingraph: wrote ${flags.html}\n`);
    }
    if (run.failed > 0) {
      process.stderr.write(`fingraph: ${run.failed} detector(s) failed; the score is incomplete\n`);
      return 1;
    }
    if (minRecall !== undefined && score !== null && (score.recall ?? 0) < minRecall) {
      process.stderr.write(
        `fingraph: recall ${fmtPct(score.recall)} is below --min-recall ${minRecall}\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await backends.close();
  }
}

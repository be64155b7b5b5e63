import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FingraphError, SchemaError } from '../errors.js';
import type { GroundTruth, Label } from '../model/index.js';
import type { SinkStats } from '../sinks/sink.js';

/** The name of the run's figures inside an output directory. */
export const STATS_FILE = 'generation_stats.json';

/** What a run measured, as generation_stats.json reports it. */
export interface RunFigures {
  readonly counts: Readonly<Record<Label, number>>;
  readonly groundTruth: GroundTruth;
  /** Injected pattern instances by typology. */
  readonly patterns: Readonly<Record<string, number>>;
  readonly totalRecords: number;
  readonly timeMs: number;
  readonly recordsPerSecond: number;
  readonly peakRssBytes: number | null;
  readonly sinks: Readonly<Record<string, SinkStats>>;
}

/** The original's GenerationStats fields (per-kind counts, time, rate, errors, warnings), plus ours. */
export function generationStats(report: RunFigures) {
  const c = report.counts;
  return {
    persons_generated: c.person,
    companies_generated: c.company,
    accounts_generated: c.account,
    devices_generated: c.device,
    transactions_generated: c.transfer,
    communications_generated: c.communicated,
    trades_generated: c.trade,
    travels_generated: c.travel,
    documents_generated: c.document,
    logins_generated: c.logged_in,
    patterns_generated: report.groundTruth.patterns.length,
    patterns_by_typology: report.patterns,
    counts_by_label: c,
    total_records: report.totalRecords,
    generation_time_seconds: Math.round(report.timeMs) / 1000,
    records_per_second: report.recordsPerSecond,
    peak_rss_mb: report.peakRssBytes === null ? null : Math.round(report.peakRssBytes / 1048576),
    sinks: report.sinks,
    errors: [],
    warnings: [],
  };
}

/** Injected pattern instances by typology. */
export function countByTypology(truth: GroundTruth): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pattern of truth.patterns)
    counts[pattern.typology] = (counts[pattern.typology] ?? 0) + 1;
  return counts;
}

/**
 * The generation time an output directory's stats file records, in ms. The file is written with
 * the manifest, so a directory with a manifest and without it is incomplete: that fails, as does
 * a file that is not the stats.
 */
export async function readGenerationTimeMs(directory: string): Promise<number> {
  const path = join(directory, STATS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FingraphError(
      `${path}: cannot read the generation stats (${(error as NodeJS.ErrnoException).code ?? String(error)}); an output directory with a manifest holds them`,
      { path },
      { cause: error },
    );
  }
  let seconds: unknown;
  try {
    seconds = (JSON.parse(text) as { generation_time_seconds?: unknown }).generation_time_seconds;
  } catch (error) {
    throw new SchemaError(`${path}: is not valid JSON (${(error as Error).message})`, { path });
  }
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
    throw new SchemaError(
      `${path}: generation_time_seconds ${JSON.stringify(seconds)} is not a number of seconds`,
      { path },
    );
  return seconds * 1000;
}

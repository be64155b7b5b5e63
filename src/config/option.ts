/** The shape of an option descriptor, and its constructor. */

/** One file per label (and ground-truth table), read back by `load` and `merge`. */
export const TABLE_FORMATS = ['jsonl', 'json', 'csv', 'parquet'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/**
 * Exports for other tools (AMLworld CSV, PyTorch Geometric tables, GraphML, Neo4j import CSV):
 * each describes the whole run, so they are written, never read back; a sharded run's are
 * written by `fingraph merge`.
 */
export const EXPORT_FORMATS = ['amlworld', 'pyg', 'graphml', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Every value `--format` accepts: the table formats, then the exports. */
export const OUTPUT_FORMATS = [...TABLE_FORMATS, ...EXPORT_FORMATS] as const;
/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isTableFormat(format: string): format is TableFormat {
  return (TABLE_FORMATS as readonly string[]).includes(format);
}

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

export type OptionType =
  | 'count' // whole number ≥ 0
  | 'positive' // whole number ≥ 1
  | 'seed' // whole number in [0, 2^32)
  | 'rate' // number in [0, 1]
  | 'share' // number in (0, 0.5], or null for unset
  | 'currency' // ISO 4217 code of a currency in the FX reference table
  | 'timestamp' // ISO-8601 instant
  | 'boolean'
  | 'formats' // list of OutputFormat
  | 'shard' // "I/N": part I (from 0) of N
  | 'split'; // "A/B/C": train/validation/test percentages

export type OptionGroup = 'population' | 'events' | 'typologies' | 'behaviour' | 'run';

/**
 * One option, declared once: its flag, config keys, default per preset, rule and meaning. The CLI
 * flags, config-file validation, the config JSON Schema and the options table are generated from
 * these.
 */
export interface OptionDescriptor {
  /** camelCase name used in code and accepted in config files. */
  readonly name: string;
  /** snake_case name: the original GenerationConfig field, accepted in config files. */
  readonly snake: string;
  /** Command-line flag, e.g. --person-count. */
  readonly flag: string;
  readonly type: OptionType;
  readonly group: OptionGroup;
  readonly description: string;
  /** Accepted for compatibility with the original but with a restricted value (see rule). */
  readonly restrictedTo?: unknown;
  readonly restriction?: string;
}

export function option(
  name: string,
  type: OptionType,
  group: OptionGroup,
  description: string,
  extra: Partial<Pick<OptionDescriptor, 'restrictedTo' | 'restriction' | 'snake' | 'flag'>> = {},
): OptionDescriptor {
  const snake = extra.snake ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const flag = extra.flag ?? '--' + name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return { name, type, group, description, ...extra, snake, flag };
}

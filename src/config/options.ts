import { option, type OptionDescriptor } from './option.js';
import { TYPOLOGY_OPTIONS } from './typologies/index.js';

export {
  EXPORT_FORMATS,
  isExportFormat,
  isTableFormat,
  option,
  OUTPUT_FORMATS,
  TABLE_FORMATS,
  type ExportFormat,
  type TableFormat,
  type OptionDescriptor,
  type OptionGroup,
  type OptionType,
  type OutputFormat,
} from './option.js';

/**
 * Every generation option, declared once. These descriptors drive the CLI flags, config-file
 * validation (camelCase or the original's snake_case names), the config JSON Schema and the
 * options table in docs/configuration.md. Typology options live with their family in ./typologies/.
 */
export const OPTION_DESCRIPTORS = [
  option('seed', 'seed', 'run', 'root seed: same seed and config give byte-identical output'),
  option(
    'referenceDate',
    'timestamp',
    'run',
    'end of the simulated period (UTC); all dates derive from it',
  ),
  option(
    'startDate',
    'timestamp',
    'run',
    'start of the event window; default reference date − duration days',
  ),
  option(
    'durationDays',
    'positive',
    'run',
    'length of the event window in days when no start date is given',
  ),
  option('personCount', 'count', 'population', 'persons'),
  option('companyCount', 'count', 'population', 'companies'),
  option(
    'accountCount',
    'count',
    'population',
    'accounts (each owned by a generated person or company)',
  ),
  option(
    'deviceCount',
    'count',
    'population',
    'devices customers log in from (device i belongs to person i mod person count)',
  ),
  option('transactionCount', 'count', 'events', 'transfers between accounts'),
  option('communicationCount', 'count', 'events', 'messages and calls between persons'),
  option('tradeCount', 'count', 'events', 'trades by accounts in listed companies'),
  option('travelCount', 'count', 'events', 'trips by persons'),
  option('documentCount', 'count', 'events', 'trade documents between companies'),
  option('loginCount', 'count', 'events', 'login attempts by accounts from devices'),
  ...TYPOLOGY_OPTIONS,
  option(
    'launderingRate',
    'share',
    'typologies',
    'share of transfers that carry a crime label: scales every typology count to hit it within ±10 % (unset: the counts as given)',
  ),
  option(
    'suspiciousTransactionRate',
    'rate',
    'behaviour',
    "share of background transfers flagged by the bank's rules regardless of risk (false alerts)",
  ),
  option(
    'baseCurrency',
    'currency',
    'behaviour',
    "currency of every transfer's amount_base, for sums across currencies (any currency of the FX reference table)",
  ),
  option(
    'suspiciousCommunicationRate',
    'rate',
    'behaviour',
    'share of background messages that contain watch-list phrases',
  ),
  option(
    'batchSize',
    'positive',
    'run',
    'elements per batch handed to the sinks (does not change the output)',
  ),
  option(
    'formats',
    'formats',
    'run',
    'output formats, comma-separated: jsonl, json, csv, parquet; exports amlworld, pyg, graphml, neo4j',
    { snake: 'output_format', flag: '--format' },
  ),
  option('includeGroundTruth', 'boolean', 'run', 'write ground_truth/ (patterns and event labels)'),
  option(
    'withLabels',
    'boolean',
    'run',
    'ground truth on the data: is_laundering and pattern_ids on every event record; pattern vertices in JanusGraph, GraphML and Neo4j',
  ),
  option(
    'split',
    'split',
    'run',
    'pyg export: train/validation/test percentages of transfers, split by whole days',
  ),
  option('includeMetadata', 'boolean', 'run', 'write manifest.json and generation_stats.json'),
  option(
    'enableParallel',
    'boolean',
    'run',
    'accepted for compatibility; num_workers alone sets the parallelism',
  ),
  option(
    'numWorkers',
    'positive',
    'run',
    'worker threads that generate in parallel (does not change the output)',
    { flag: '--workers' },
  ),
  option(
    'shard',
    'shard',
    'run',
    'generate only part I (from 0) of N, e.g. 0/3; the parts merged in order are the whole output',
  ),
] as const satisfies readonly OptionDescriptor[];

/**
 * Every generation option, declared once. These descriptors drive the CLI flags, config-file
 * validation (camelCase or the original's snake_case names), the config JSON Schema and the
 * README options table.
 */
export const OUTPUT_FORMATS = ['jsonl', 'json', 'csv', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type OptionType =
  | 'count' // whole number ≥ 0
  | 'positive' // whole number ≥ 1
  | 'seed' // whole number in [0, 2^32)
  | 'rate' // number in [0, 1]
  | 'timestamp' // ISO-8601 instant
  | 'boolean'
  | 'formats'; // list of OutputFormat

export type OptionGroup = 'population' | 'events' | 'typologies' | 'behaviour' | 'run';

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

function option(
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
  option('insiderTradingPatterns', 'count', 'typologies', 'insider-trading instances', {
    restrictedTo: 0,
    restriction: 'must be 0: typologies are not in this release yet',
  }),
  option('tbmlPatterns', 'count', 'typologies', 'trade-based laundering instances', {
    restrictedTo: 0,
    restriction: 'must be 0: typologies are not in this release yet',
  }),
  option('fraudRingPatterns', 'count', 'typologies', 'fraud-ring instances', {
    restrictedTo: 0,
    restriction: 'must be 0: typologies are not in this release yet',
  }),
  option('muleChainPatterns', 'count', 'typologies', 'APP mule-chain instances'),
  option('structuringPatterns', 'count', 'typologies', 'structuring instances', {
    restrictedTo: 0,
    restriction: 'must be 0: typologies are not in this release yet',
  }),
  option('catoPatterns', 'count', 'typologies', 'coordinated account-takeover instances', {
    restrictedTo: 0,
    restriction: 'must be 0: typologies are not in this release yet',
  }),
  option(
    'nearMissRate',
    'rate',
    'typologies',
    'look-alikes (near misses without the crime) per injected instance, per typology',
  ),
  option(
    'muleChainMinLength',
    'positive',
    'typologies',
    'fewest accounts in a mule chain, victim and cash-out included (≥ 3)',
  ),
  option('muleChainMaxLength', 'positive', 'typologies', 'most accounts in a mule chain'),
  option(
    'muleHopMinMinutes',
    'positive',
    'typologies',
    'shortest delay between two hops of a mule chain',
  ),
  option(
    'muleHopMaxMinutes',
    'positive',
    'typologies',
    'longest delay between two hops of a mule chain',
  ),
  option(
    'suspiciousTransactionRate',
    'rate',
    'behaviour',
    "share of background transfers flagged by the bank's rules regardless of risk (false alerts)",
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
    'output formats, comma-separated: jsonl, json, csv, parquet',
    { snake: 'output_format', flag: '--format' },
  ),
  option('includeGroundTruth', 'boolean', 'run', 'write ground_truth/ (patterns and event labels)'),
  option('includeMetadata', 'boolean', 'run', 'write manifest.json and generation_stats.json'),
  option('enableParallel', 'boolean', 'run', 'accepted for compatibility', {
    restrictedTo: false,
    restriction: 'must be false: worker threads are not in this release yet',
  }),
  option('numWorkers', 'positive', 'run', 'accepted for compatibility', {
    restrictedTo: 1,
    restriction: 'must be 1: worker threads are not in this release yet',
  }),
] as const satisfies readonly OptionDescriptor[];

export type OptionName = (typeof OPTION_DESCRIPTORS)[number]['name'];

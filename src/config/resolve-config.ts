import { ConfigError, formatValue } from '../errors.js';
import { USD_PER_UNIT } from '../generators/data/fx-rates.js';
import type { GenerationConfig } from './generation-config.js';
import { limitOf } from './limits.js';
import {
  EXPORT_FORMATS,
  isTableFormat,
  OPTION_DESCRIPTORS,
  OUTPUT_FORMATS,
  TABLE_FORMATS,
  type OptionDescriptor,
} from './options.js';
import { isPresetName, PRESET_NAMES, PRESETS } from './presets.js';

/** One layer of settings, with how the user spelled each field (for error messages). */
export interface ConfigLayer {
  /** Values keyed by camelCase or snake_case option name. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Where the values come from, e.g. "config file fingraph.json" or "flag". */
  readonly source: 'file' | 'flag';
}

/**
 * What {@link resolveConfig} merges: a preset, then layers (config file, flags) in increasing
 * priority.
 */
export interface ConfigInput {
  readonly preset?: string;
  /** Lowest to highest precedence: config file, then flags. */
  readonly layers: readonly ConfigLayer[];
}

const BY_NAME = new Map<string, OptionDescriptor>();
for (const d of OPTION_DESCRIPTORS) {
  BY_NAME.set(d.name, d);
  BY_NAME.set(d.snake, d);
}

/** The option a config-file key or flag name refers to. */
export function findOption(key: string): OptionDescriptor | undefined {
  return BY_NAME.get(key);
}

/** A value above the option's limit names the limit and why it is there. */
function checkLimit(d: OptionDescriptor, value: number, field: string): number {
  const limit = limitOf(d);
  if (limit !== undefined && value > limit.max)
    throw new ConfigError(
      field,
      value,
      `must be ≤ ${limit.max.toLocaleString('en-US')} (${limit.reason})`,
    );
  return value;
}

function checkValue(d: OptionDescriptor, value: unknown, field: string): unknown {
  const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  switch (d.type) {
    case 'count':
      if (!isWhole(value) || value < 0)
        throw new ConfigError(field, value, 'must be a whole number ≥ 0');
      return checkLimit(d, value, field);
    case 'positive':
      if (!isWhole(value) || value < 1)
        throw new ConfigError(field, value, 'must be a whole number ≥ 1');
      return checkLimit(d, value, field);
    case 'seed':
      if (!isWhole(value) || value < 0 || value > 0xffffffff)
        throw new ConfigError(field, value, 'must be a whole number from 0 to 4294967295');
      return value;
    case 'rate':
      if (typeof value !== 'number' || !(value >= 0 && value <= 1))
        throw new ConfigError(field, value, 'must be a number in [0, 1]');
      return value;
    case 'share':
      if (value === null) return null;
      if (typeof value !== 'number' || !(value > 0 && value <= 0.5))
        throw new ConfigError(field, value, 'must be a number in (0, 0.5], e.g. 0.0011 for 1/900');
      return value;
    case 'currency':
      if (typeof value !== 'string' || USD_PER_UNIT[value] === undefined)
        throw new ConfigError(
          field,
          value,
          `must be a currency of the FX reference table: ${Object.keys(USD_PER_UNIT).join(', ')}`,
        );
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new ConfigError(field, value, 'must be true or false');
      return value;
    case 'timestamp': {
      if (value === null && d.name === 'startDate') return null;
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      if (!Number.isFinite(ms))
        throw new ConfigError(
          field,
          value,
          'must be an ISO-8601 date or instant, e.g. 2026-01-15T12:00:00Z',
        );
      return new Date(ms).toISOString();
    }
    case 'formats': {
      const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
      if (!Array.isArray(list) || list.length === 0)
        throw new ConfigError(field, value, `must be one or more of ${OUTPUT_FORMATS.join(', ')}`);
      for (const format of list) {
        if (!(OUTPUT_FORMATS as readonly unknown[]).includes(format))
          throw new ConfigError(
            field,
            format,
            `is not a format; use one or more of ${OUTPUT_FORMATS.join(', ')}`,
          );
      }
      return [...new Set(list as string[])];
    }
    case 'shard': {
      const match = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value) : null;
      const index = Number(match?.[1]);
      const count = Number(match?.[2]);
      if (match === null || count < 1 || index >= count)
        throw new ConfigError(
          field,
          value,
          'must be I/N with 0 ≤ I < N, e.g. 0/3 (I counts from 0)',
        );
      return `${index}/${count}`;
    }
    case 'split': {
      const parts = typeof value === 'string' ? value.split('/').map((s) => s.trim()) : [];
      const numbers = parts.map(Number);
      const [train = NaN, validation = NaN, test = NaN] = numbers;
      const valid =
        parts.length === 3 &&
        parts.every((s) => /^\d+(\.\d+)?$/.test(s)) &&
        Math.abs(train + validation + test - 100) < 1e-9 &&
        train > 0 &&
        test > 0;
      if (!valid)
        throw new ConfigError(
          field,
          value,
          'must be train/validation/test percentages adding up to 100, e.g. 60/20/20 (train and test > 0)',
        );
      return numbers.join('/');
    }
  }
}

function requireAtLeast(config: GenerationConfig, field: string, needs: string, ok: boolean): void {
  const value = config[field as keyof GenerationConfig];
  if (!ok) throw new ConfigError(snakeOf(field), value, needs);
}

function snakeOf(name: string): string {
  return BY_NAME.get(name)?.snake ?? name;
}

/** Rules between fields: every reference the generators make must have something to point at. */
function checkConsistency(c: GenerationConfig): void {
  requireAtLeast(
    c,
    'accountCount',
    'needs owners: person_count + company_count must be ≥ 1',
    c.accountCount === 0 || c.personCount + c.companyCount > 0,
  );
  requireAtLeast(
    c,
    'transactionCount',
    'needs two accounts to move money between: account_count must be ≥ 2',
    c.transactionCount === 0 || c.accountCount >= 2,
  );
  requireAtLeast(
    c,
    'communicationCount',
    'needs a sender and a recipient: person_count must be ≥ 2',
    c.communicationCount === 0 || c.personCount >= 2,
  );
  requireAtLeast(
    c,
    'tradeCount',
    'needs an account and a listed issuer: account_count and company_count must be ≥ 1',
    c.tradeCount === 0 || (c.accountCount >= 1 && c.companyCount >= 1),
  );
  requireAtLeast(
    c,
    'travelCount',
    'needs travellers: person_count must be ≥ 1',
    c.travelCount === 0 || c.personCount >= 1,
  );
  requireAtLeast(
    c,
    'documentCount',
    'needs an issuer and a recipient: company_count must be ≥ 2',
    c.documentCount === 0 || c.companyCount >= 2,
  );
  requireAtLeast(
    c,
    'deviceCount',
    'needs device owners: person_count must be ≥ 1',
    c.deviceCount === 0 || c.personCount >= 1,
  );
  requireAtLeast(
    c,
    'loginCount',
    'needs accounts and devices: account_count and device_count must be ≥ 1',
    c.loginCount === 0 || (c.accountCount >= 1 && c.deviceCount >= 1),
  );
  const shards = Number(c.shard.split('/')[1] ?? 1);
  if (shards > 1 && !c.formats.some(isTableFormat)) {
    throw new ConfigError(
      'output_format',
      c.formats.join(','),
      `cannot be a shard's only formats: fingraph merge rebuilds the run from a part's ${TABLE_FORMATS.join(', ')} files and writes the exports (${EXPORT_FORMATS.join(', ')}) itself; add one of ${TABLE_FORMATS.join(', ')}`,
    );
  }
  if (
    shards > 1 &&
    !c.includeGroundTruth &&
    c.formats.some((f) => f === 'amlworld' || f === 'pyg')
  ) {
    throw new ConfigError(
      'include_ground_truth',
      false,
      'must be true for a sharded run with the amlworld or pyg export: merge labels the transfers from shard 0’s ground truth',
    );
  }
  if (c.startDate !== null && Date.parse(c.startDate) >= Date.parse(c.referenceDate)) {
    throw new ConfigError(
      'start_date',
      c.startDate,
      `must be before reference_date (${c.referenceDate})`,
    );
  }
}

/**
 * Resolves CLI flags > config file > preset defaults into one validated, frozen config. Throws a
 * ConfigError naming the field, the value and the rule on the first problem.
 */
export function resolveConfig(input: ConfigInput): GenerationConfig {
  const presetName = input.preset ?? 'small';
  if (!isPresetName(presetName)) {
    throw new ConfigError(
      'preset',
      presetName,
      `is not a preset; use one of ${PRESET_NAMES.join(', ')}`,
    );
  }
  const merged: Record<string, unknown> = { ...PRESETS[presetName] };
  for (const layer of input.layers) {
    // The key each option was given by in this layer: two spellings of one option are refused.
    const spelledAs = new Map<string, string>();
    for (const [key, raw] of Object.entries(layer.values)) {
      if (raw === undefined) continue;
      const d = findOption(key);
      if (d === undefined) {
        throw new ConfigError(
          key,
          raw,
          'is not a known option (docs/configuration.md and `fingraph generate --help` list them)',
        );
      }
      const other = spelledAs.get(d.name);
      if (other !== undefined)
        throw new ConfigError(
          key,
          raw,
          `sets the same option as ${other} (${formatValue(layer.values[other])}); give it once`,
        );
      spelledAs.set(d.name, key);
      const field = layer.source === 'flag' ? d.flag : key;
      const value = checkValue(d, raw, field);
      if (d.restrictedTo !== undefined && value !== d.restrictedTo) {
        throw new ConfigError(
          field,
          value,
          d.restriction ?? `must be ${JSON.stringify(d.restrictedTo)}`,
        );
      }
      merged[d.name] = value;
    }
  }
  const config = Object.freeze(merged) as unknown as GenerationConfig;
  checkConsistency(config);
  return config;
}

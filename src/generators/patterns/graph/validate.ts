import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import { MS_PER_HOUR } from '../../time.js';
import { eventWindowMs } from '../../event-window.js';

/** Config fields holding numbers (every graph option is one). */
type NumericField = {
  [K in keyof GenerationConfig]: GenerationConfig[K] extends number ? K : never;
}[keyof GenerationConfig];

/** The snake_case name users see in files, flags and errors. */
export function snakeOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A min/max pair: the min at least `floor` (because `why`), the max at least the min. */
export function checkRange(
  config: GenerationConfig,
  minField: NumericField,
  maxField: NumericField,
  floor: number,
  why: string,
): void {
  const min = config[minField];
  const max = config[maxField];
  if (min < floor) throw new ConfigError(snakeOf(minField), min, `must be ≥ ${floor} (${why})`);
  if (max < min)
    throw new ConfigError(snakeOf(maxField), max, `must be ≥ ${snakeOf(minField)} (${min})`);
}

/** A rate range: min ≥ `floor` (exclusive when `strict`), max ≥ min and max ≤ `ceiling`. */
export function checkRates(
  config: GenerationConfig,
  minField: NumericField,
  maxField: NumericField,
  ceiling: number,
  strict: boolean,
): void {
  const min = config[minField];
  const max = config[maxField];
  if (strict && min <= 0) throw new ConfigError(snakeOf(minField), min, 'must be > 0');
  if (max < min)
    throw new ConfigError(snakeOf(maxField), max, `must be ≥ ${snakeOf(minField)} (${min})`);
  if (max > ceiling) throw new ConfigError(snakeOf(maxField), max, `must be ≤ ${ceiling}`);
}

/**
 * What every graph typology needs: a sane window and fee range, and, when instances of it are
 * asked for (`countField` > 0), a window that fits in the event window and enough background
 * accounts for its largest instance (`accountsNeeded` distinct accounts).
 */
export function checkGraphTypology(
  config: GenerationConfig,
  countField: NumericField,
  accountsNeeded: number,
  what: string,
): void {
  checkRange(
    config,
    'graphWindowMinHours',
    'graphWindowMaxHours',
    1,
    'an instance spans at least an hour',
  );
  checkRates(config, 'graphFeeMinRate', 'graphFeeMaxRate', 0.5, false);
  const count = config[countField];
  if (count === 0) return;
  const windowHours = eventWindowMs(config) / MS_PER_HOUR;
  if (config.graphWindowMaxHours > windowHours) {
    throw new ConfigError(
      'graph_window_max_hours',
      config.graphWindowMaxHours,
      `must fit in the event window (${windowHours.toFixed(1)} h of duration_days / start_date)`,
    );
  }
  if (accountsNeeded > config.accountCount) {
    throw new ConfigError(
      snakeOf(countField),
      count,
      `needs up to ${accountsNeeded} distinct background accounts per instance (${what}) but account_count is ${config.accountCount}`,
    );
  }
}

/** A density (share of possible edges kept) must keep some edges. */
export function checkDensity(config: GenerationConfig, field: NumericField): void {
  if (config[field] <= 0) throw new ConfigError(snakeOf(field), config[field], 'must be > 0');
}

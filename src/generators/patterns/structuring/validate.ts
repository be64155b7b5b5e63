import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import { eventWindowMs } from '../../event-window.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { TEMPORAL_JITTER_MS } from './deposit-plan.js';

/** Fewest hours a burst of deposits may span: account hopping deposits, then consolidates. */
export const MIN_WINDOW_HOURS = 4;

function ordered(
  config: GenerationConfig,
  min: keyof GenerationConfig,
  max: keyof GenerationConfig,
  minSnake: string,
  maxSnake: string,
): void {
  const low = config[min] as number;
  const high = config[max] as number;
  if (high < low) throw new ConfigError(maxSnake, high, `must be ≥ ${minSnake} (${low})`);
}

/** Smurf counts, deposit counts and windows the config asks for must make structuring possible. */
export function validateStructuring(config: GenerationConfig): void {
  if (config.structuringMinSmurfs < 2) {
    throw new ConfigError(
      'structuring_min_smurfs',
      config.structuringMinSmurfs,
      'must be ≥ 2 (smurfing spreads deposits over several people)',
    );
  }
  ordered(
    config,
    'structuringMinSmurfs',
    'structuringMaxSmurfs',
    'structuring_min_smurfs',
    'structuring_max_smurfs',
  );
  if (config.structuringMinDeposits < 2) {
    throw new ConfigError(
      'structuring_min_deposits',
      config.structuringMinDeposits,
      'must be ≥ 2 (deposits below the threshold only exceed it together)',
    );
  }
  ordered(
    config,
    'structuringMinDeposits',
    'structuringMaxDeposits',
    'structuring_min_deposits',
    'structuring_max_deposits',
  );
  if (config.structuringMinWindowHours < MIN_WINDOW_HOURS) {
    throw new ConfigError(
      'structuring_min_window_hours',
      config.structuringMinWindowHours,
      `must be ≥ ${MIN_WINDOW_HOURS} (account hopping deposits, then consolidates, within the window)`,
    );
  }
  ordered(
    config,
    'structuringMinWindowHours',
    'structuringMaxWindowHours',
    'structuring_min_window_hours',
    'structuring_max_window_hours',
  );
  ordered(
    config,
    'structuringMinIntervalHours',
    'structuringMaxIntervalHours',
    'structuring_min_interval_hours',
    'structuring_max_interval_hours',
  );
  if (config.structuringPatterns === 0) return;
  const windowMs = eventWindowMs(config);
  if (config.structuringMaxWindowHours * MS_PER_HOUR + MS_PER_MINUTE > windowMs) {
    throw new ConfigError(
      'structuring_max_window_hours',
      config.structuringMaxWindowHours,
      `does not fit in the run's ${(windowMs / MS_PER_HOUR).toFixed(0)} h window`,
    );
  }
  const temporalMs =
    (config.structuringMaxDeposits - 1) * config.structuringMaxIntervalHours * MS_PER_HOUR +
    2 * TEMPORAL_JITTER_MS +
    MS_PER_MINUTE;
  if (temporalMs > windowMs) {
    throw new ConfigError(
      'duration_days',
      windowMs / MS_PER_DAY,
      `is shorter than temporal smurfing needs (${config.structuringMaxDeposits} deposits ${config.structuringMaxIntervalHours} h apart: ${(temporalMs / MS_PER_DAY).toFixed(1)} days)`,
    );
  }
  if (config.structuringMaxSmurfs > config.personCount - 1) {
    throw new ConfigError(
      'structuring_max_smurfs',
      config.structuringMaxSmurfs,
      `must be < person_count (${config.personCount}): smurfs are distinct persons, and the beneficiary is none of them`,
    );
  }
  if (config.accountCount < 3) {
    throw new ConfigError(
      'structuring_patterns',
      config.structuringPatterns,
      'needs depositors\u2019 and beneficiaries\u2019 accounts: account_count ≥ 3',
    );
  }
}

import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import { MS_PER_DAY } from '../../time.js';
import { eventWindowMs } from '../../event-window.js';
import { BUST_OUT_BURST_MAX_HOURS } from './bust-out.js';

function ordered(
  config: GenerationConfig,
  min: keyof GenerationConfig,
  max: keyof GenerationConfig,
  snake: string,
): void {
  const low = config[min] as number;
  const high = config[max] as number;
  if (high < low) {
    throw new ConfigError(
      `fraud_ring_max_${snake}`,
      high,
      `must be ≥ fraud_ring_min_${snake} (${low})`,
    );
  }
}

/** Ring sizes, volumes and windows the config asks for must be possible. */
export function validateFraudRing(config: GenerationConfig): void {
  if (config.fraudRingMinSize < 3) {
    throw new ConfigError(
      'fraud_ring_min_size',
      config.fraudRingMinSize,
      'must be ≥ 3 (a hub and two mules, a cycle of three accounts)',
    );
  }
  ordered(config, 'fraudRingMinSize', 'fraudRingMaxSize', 'size');
  ordered(config, 'fraudRingMinTransactions', 'fraudRingMaxTransactions', 'transactions');
  ordered(config, 'fraudRingMinDays', 'fraudRingMaxDays', 'days');
  if (config.bustOutBurstFactor < 2) {
    throw new ConfigError(
      'bust_out_burst_factor',
      config.bustOutBurstFactor,
      'must be ≥ 2 (a burst is several times the build-up)',
    );
  }
  if (config.fraudRingPatterns === 0) return;
  // One full kiting turn over the largest ring, at the longest float (2 days a check).
  const kiteDays = 2 * (config.fraudRingMaxSize - 1) + 1;
  if (config.fraudRingMinDays < kiteDays) {
    throw new ConfigError(
      'fraud_ring_min_days',
      config.fraudRingMinDays,
      `must be ≥ ${kiteDays}: one check-kiting turn over fraud_ring_max_size (${config.fraudRingMaxSize}) accounts takes up to 2 days a check`,
    );
  }
  const windowDays = eventWindowMs(config) / MS_PER_DAY;
  if (config.fraudRingMaxDays > windowDays) {
    throw new ConfigError(
      'duration_days',
      windowDays,
      `is shorter than fraud_ring_max_days (${config.fraudRingMaxDays})`,
    );
  }
  const bustOutDays = config.bustOutBuildUpDays + BUST_OUT_BURST_MAX_HOURS / 24;
  if (bustOutDays > windowDays) {
    throw new ConfigError(
      'bust_out_build_up_days',
      config.bustOutBuildUpDays,
      `leaves no room for the ${BUST_OUT_BURST_MAX_HOURS} h burst in the ${windowDays}-day event window`,
    );
  }
  if (
    config.personCount < config.fraudRingMaxSize ||
    config.accountCount < config.fraudRingMaxSize + 1 ||
    config.deviceCount < 1
  ) {
    throw new ConfigError(
      'fraud_ring_patterns',
      config.fraudRingPatterns,
      `needs person_count ≥ fraud_ring_max_size (${config.fraudRingMaxSize}), account_count ≥ ${config.fraudRingMaxSize + 1} and device_count ≥ 1 for distinct ring members`,
    );
  }
}

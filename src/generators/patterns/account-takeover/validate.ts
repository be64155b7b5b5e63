import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import { MS_PER_DAY } from '../../time.js';
import { eventWindowMs } from '../../event-window.js';

/** Longest delay between a takeover login and its transfers: "within minutes" stays < 4 h. */
const MAX_TRANSFER_DELAY_MINUTES = 240;
/** The shortest campaign the subtypes' timings fit in (phishing takes over up to 1.5 days in). */
const MIN_CAMPAIGN_DAYS = 3;

/** Victim and attacker counts, failure counts and timings the config asks for must be possible. */
export function validateAccountTakeover(config: GenerationConfig): void {
  if (config.catoMinVictims < 2) {
    throw new ConfigError(
      'cato_min_victims',
      config.catoMinVictims,
      'must be ≥ 2 (a coordinated takeover has several victims)',
    );
  }
  if (config.catoMaxVictims < config.catoMinVictims) {
    throw new ConfigError(
      'cato_max_victims',
      config.catoMaxVictims,
      `must be ≥ cato_min_victims (${config.catoMinVictims})`,
    );
  }
  if (config.catoMaxAttackers < config.catoMinAttackers) {
    throw new ConfigError(
      'cato_max_attackers',
      config.catoMaxAttackers,
      `must be ≥ cato_min_attackers (${config.catoMinAttackers})`,
    );
  }
  if (config.catoMinFailedLogins < 5) {
    throw new ConfigError(
      'cato_min_failed_logins',
      config.catoMinFailedLogins,
      'must be ≥ 5 (credential stuffing is many failures before a success)',
    );
  }
  if (config.catoMaxFailedLogins < config.catoMinFailedLogins) {
    throw new ConfigError(
      'cato_max_failed_logins',
      config.catoMaxFailedLogins,
      `must be ≥ cato_min_failed_logins (${config.catoMinFailedLogins})`,
    );
  }
  if (
    config.catoMaxTransferDelayMinutes < 2 ||
    config.catoMaxTransferDelayMinutes > MAX_TRANSFER_DELAY_MINUTES
  ) {
    throw new ConfigError(
      'cato_max_transfer_delay_minutes',
      config.catoMaxTransferDelayMinutes,
      `must be between 2 and ${MAX_TRANSFER_DELAY_MINUTES} (transfers follow a takeover within minutes)`,
    );
  }
  if (config.catoCampaignDays < MIN_CAMPAIGN_DAYS) {
    throw new ConfigError(
      'cato_campaign_days',
      config.catoCampaignDays,
      `must be ≥ ${MIN_CAMPAIGN_DAYS} (a phishing campaign takes over accounts up to 1.5 days in)`,
    );
  }
  if (config.catoPhishingCompromiseRate <= 0) {
    throw new ConfigError(
      'cato_phishing_compromise_rate',
      config.catoPhishingCompromiseRate,
      'must be > 0 (a phishing campaign compromises someone)',
    );
  }
  if (config.catoPatterns === 0) return;
  const windowDays = eventWindowMs(config) / MS_PER_DAY;
  if (config.catoCampaignDays > windowDays) {
    throw new ConfigError(
      'duration_days',
      windowDays,
      `is shorter than cato_campaign_days (${config.catoCampaignDays})`,
    );
  }
  if (
    config.personCount < config.catoMaxVictims ||
    config.accountCount < config.catoMaxVictims + 1 ||
    config.deviceCount < 1
  ) {
    throw new ConfigError(
      'cato_patterns',
      config.catoPatterns,
      `needs person_count ≥ cato_max_victims (${config.catoMaxVictims}), account_count ≥ ${config.catoMaxVictims + 1} and device_count ≥ 1 (victims and their own devices)`,
    );
  }
}

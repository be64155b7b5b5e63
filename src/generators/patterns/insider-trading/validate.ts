import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import { eventWindowMs } from '../../event-window.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../time.js';

/** Windows, trade counts and the population the config asks for must make insider trading possible. */
export function validateInsiderTrading(config: GenerationConfig): void {
  if (config.insiderMaxDaysBefore < config.insiderMinDaysBefore) {
    throw new ConfigError(
      'insider_max_days_before',
      config.insiderMaxDaysBefore,
      `must be ≥ insider_min_days_before (${config.insiderMinDaysBefore})`,
    );
  }
  if (config.insiderMinTrades < 2) {
    throw new ConfigError(
      'insider_min_trades',
      config.insiderMinTrades,
      'must be ≥ 2 (pre-announcement trading repeats, an executive trades stock then options)',
    );
  }
  if (config.insiderMaxTrades < config.insiderMinTrades) {
    throw new ConfigError(
      'insider_max_trades',
      config.insiderMaxTrades,
      `must be ≥ insider_min_trades (${config.insiderMinTrades})`,
    );
  }
  if (config.insiderCoordinationHours >= 24 * config.insiderMinDaysBefore) {
    throw new ConfigError(
      'insider_coordination_hours',
      config.insiderCoordinationHours,
      `must be shorter than the shortest trading window (insider_min_days_before × 24 = ${24 * config.insiderMinDaysBefore} h)`,
    );
  }
  if (config.insiderTradingPatterns === 0) return;
  const windowMs = eventWindowMs(config);
  if (windowMs < config.insiderMaxDaysBefore * MS_PER_DAY + MS_PER_HOUR) {
    throw new ConfigError(
      'duration_days',
      windowMs / MS_PER_DAY,
      `is shorter than insider trading needs (insider_max_days_before ${config.insiderMaxDaysBefore} days before an announcement, plus an hour)`,
    );
  }
  if (config.companyCount < 1 || config.tradeCount < 1) {
    throw new ConfigError(
      'insider_trading_patterns',
      config.insiderTradingPatterns,
      'needs a listed issuer: company_count ≥ 1 and trade_count ≥ 1 (the first company is listed when there are trades)',
    );
  }
  if (config.personCount < 3 || config.accountCount < 2) {
    throw new ConfigError(
      'insider_trading_patterns',
      config.insiderTradingPatterns,
      'needs insiders, their relatives and outsiders holding accounts: person_count ≥ 3 and account_count ≥ 2',
    );
  }
}

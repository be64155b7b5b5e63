import { option } from '../option.js';

export interface InsiderTradingConfig {
  readonly insiderTradingPatterns: number;
}

export const INSIDER_TRADING_OPTIONS = [
  option('insiderTradingPatterns', 'count', 'typologies', 'insider-trading instances', {
    restrictedTo: 0,
    restriction: 'must be 0: this typology is not in this release yet',
  }),
];

export const INSIDER_TRADING_DEFAULTS: InsiderTradingConfig = {
  insiderTradingPatterns: 0,
};

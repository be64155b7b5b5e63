import { option } from '../option.js';

export interface InsiderTradingConfig {
  readonly insiderTradingPatterns: number;
  readonly insiderMinDaysBefore: number;
  readonly insiderMaxDaysBefore: number;
  readonly insiderMinTrades: number;
  readonly insiderMaxTrades: number;
  readonly insiderCoordinationHours: number;
}

export const INSIDER_TRADING_OPTIONS = [
  option(
    'insiderTradingPatterns',
    'count',
    'typologies',
    'insider-trading instances (pre-announcement, coordinated, executive, beneficial owner, tipping, in turn)',
  ),
  option(
    'insiderMinDaysBefore',
    'positive',
    'typologies',
    'shortest trading window before a material announcement, days',
  ),
  option(
    'insiderMaxDaysBefore',
    'positive',
    'typologies',
    'longest trading window before a material announcement, days',
  ),
  option(
    'insiderMinTrades',
    'positive',
    'typologies',
    'fewest trades of one insider-trading instance (≥ 2; coordinated: one or two per insider)',
  ),
  option(
    'insiderMaxTrades',
    'positive',
    'typologies',
    'most trades of one insider-trading instance',
  ),
  option(
    'insiderCoordinationHours',
    'positive',
    'typologies',
    'span within which coordinated insiders all trade, hours',
  ),
];

export const INSIDER_TRADING_DEFAULTS: InsiderTradingConfig = {
  insiderTradingPatterns: 0,
  insiderMinDaysBefore: 1,
  insiderMaxDaysBefore: 30,
  insiderMinTrades: 3,
  insiderMaxTrades: 8,
  insiderCoordinationHours: 4,
};

import { option } from '../option.js';

export interface StructuringConfig {
  readonly structuringPatterns: number;
  readonly structuringMinSmurfs: number;
  readonly structuringMaxSmurfs: number;
  readonly structuringMinDeposits: number;
  readonly structuringMaxDeposits: number;
  readonly structuringMinWindowHours: number;
  readonly structuringMaxWindowHours: number;
  readonly structuringMinIntervalHours: number;
  readonly structuringMaxIntervalHours: number;
}

export const STRUCTURING_OPTIONS = [
  option(
    'structuringPatterns',
    'count',
    'typologies',
    'structuring / smurfing instances (classic, smurfing, geographic, temporal, account hopping, in turn)',
  ),
  option(
    'structuringMinSmurfs',
    'positive',
    'typologies',
    'fewest smurfs depositing for one beneficiary (smurfing, geographic smurfing; ≥ 2)',
  ),
  option(
    'structuringMaxSmurfs',
    'positive',
    'typologies',
    'most smurfs depositing for one beneficiary (below person_count)',
  ),
  option(
    'structuringMinDeposits',
    'positive',
    'typologies',
    'fewest cash deposits of one structurer (classic, temporal, account hopping; ≥ 2)',
  ),
  option(
    'structuringMaxDeposits',
    'positive',
    'typologies',
    'most cash deposits of one structurer (classic, temporal, account hopping)',
  ),
  option(
    'structuringMinWindowHours',
    'positive',
    'typologies',
    'shortest span of a burst of structured deposits, hours (≥ 4)',
  ),
  option(
    'structuringMaxWindowHours',
    'positive',
    'typologies',
    'longest span of a burst of structured deposits, hours',
  ),
  option(
    'structuringMinIntervalHours',
    'positive',
    'typologies',
    'shortest regular interval between temporal-smurfing deposits, hours',
  ),
  option(
    'structuringMaxIntervalHours',
    'positive',
    'typologies',
    'longest regular interval between temporal-smurfing deposits, hours',
  ),
];

export const STRUCTURING_DEFAULTS: StructuringConfig = {
  structuringPatterns: 0,
  structuringMinSmurfs: 3,
  structuringMaxSmurfs: 8,
  structuringMinDeposits: 3,
  structuringMaxDeposits: 6,
  structuringMinWindowHours: 24,
  structuringMaxWindowHours: 72,
  structuringMinIntervalHours: 24,
  structuringMaxIntervalHours: 168,
};

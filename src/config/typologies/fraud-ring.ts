import { option } from '../option.js';

export interface FraudRingConfig {
  readonly fraudRingPatterns: number;
  readonly fraudRingMinSize: number;
  readonly fraudRingMaxSize: number;
  readonly fraudRingMinTransactions: number;
  readonly fraudRingMaxTransactions: number;
  readonly fraudRingMinDays: number;
  readonly fraudRingMaxDays: number;
  readonly bustOutBuildUpDays: number;
  readonly bustOutBurstFactor: number;
}

export const FRAUD_RING_OPTIONS = [
  option(
    'fraudRingPatterns',
    'count',
    'typologies',
    'fraud-ring instances (money-mule network, account-takeover ring, synthetic identities, bust-out, check kiting, in turn)',
  ),
  option(
    'fraudRingMinSize',
    'positive',
    'typologies',
    'fewest members of a fraud ring: mule/hub accounts, compromised accounts, synthetic identities, bust-out members or kiting accounts (≥ 3)',
  ),
  option('fraudRingMaxSize', 'positive', 'typologies', 'most members of a fraud ring'),
  option(
    'fraudRingMinTransactions',
    'positive',
    'typologies',
    'fewest ring transfers drawn per fraud ring (each subtype adds what its shape needs)',
  ),
  option(
    'fraudRingMaxTransactions',
    'positive',
    'typologies',
    'most ring transfers drawn per fraud ring',
  ),
  option(
    'fraudRingMinDays',
    'positive',
    'typologies',
    'shortest activity window of a fraud ring, days (bust-out uses bust_out_build_up_days instead)',
  ),
  option(
    'fraudRingMaxDays',
    'positive',
    'typologies',
    'longest activity window of a fraud ring, days',
  ),
  option(
    'bustOutBuildUpDays',
    'positive',
    'typologies',
    'days of small, regular credit activity before a bust-out burst',
  ),
  option(
    'bustOutBurstFactor',
    'positive',
    'typologies',
    'each bust-out burst payment is at least this many times the largest build-up payment (≥ 2)',
  ),
];

export const FRAUD_RING_DEFAULTS: FraudRingConfig = {
  fraudRingPatterns: 0,
  fraudRingMinSize: 4,
  fraudRingMaxSize: 10,
  fraudRingMinTransactions: 10,
  fraudRingMaxTransactions: 60,
  fraudRingMinDays: 20,
  fraudRingMaxDays: 60,
  bustOutBuildUpDays: 60,
  bustOutBurstFactor: 5,
};

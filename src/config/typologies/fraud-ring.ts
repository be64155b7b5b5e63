import { option } from '../option.js';

export interface FraudRingConfig {
  readonly fraudRingPatterns: number;
}

export const FRAUD_RING_OPTIONS = [
  option('fraudRingPatterns', 'count', 'typologies', 'fraud-ring instances', {
    restrictedTo: 0,
    restriction: 'must be 0: this typology is not in this release yet',
  }),
];

export const FRAUD_RING_DEFAULTS: FraudRingConfig = {
  fraudRingPatterns: 0,
};

import type { TypologyEntry } from '../typology.js';
import { fraudRing } from './fraud-ring.js';
import { validateFraudRing } from './validate.js';

export const FRAUD_RING_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: fraudRing,
    count: (c) => c.fraudRingPatterns,
    subtypes: () => fraudRing.subtypes,
    validate: validateFraudRing,
  },
];

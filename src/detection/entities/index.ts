import type { Detector } from '../detector.js';
import { ACCOUNT_TAKEOVER_GREMLIN_DETECTORS } from './account-takeover.js';
import { FRAUD_RING_DETECTORS } from './fraud-ring.js';
import { INSIDER_TRADING_DETECTORS } from './insider-trading.js';
import { OWNERSHIP_CHAIN_DETECTORS } from './ownership-chain.js';
import { phishingTakeoverDetector } from './phishing-opensearch.js';
import { STRUCTURING_DETECTORS } from './structuring.js';
import { TBML_DETECTORS } from './tbml.js';

/** Detectors for insider trading, TBML, ownership chains, structuring, fraud rings, account takeover. */
export const ENTITY_DETECTORS: readonly Detector[] = [
  ...INSIDER_TRADING_DETECTORS,
  ...TBML_DETECTORS,
  ...OWNERSHIP_CHAIN_DETECTORS,
  ...STRUCTURING_DETECTORS,
  ...FRAUD_RING_DETECTORS,
  ...ACCOUNT_TAKEOVER_GREMLIN_DETECTORS,
  phishingTakeoverDetector,
];

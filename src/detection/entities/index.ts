import type { Detector } from '../detector.js';

/** Detectors for insider trading, TBML, ownership chains, structuring, fraud rings, account takeover. */
export const ENTITY_DETECTORS: readonly Detector[] = [];

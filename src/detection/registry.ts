import type { Detector } from './detector.js';
import { ENTITY_DETECTORS } from './entities/index.js';
import { GRAPH_DETECTORS } from './graph/index.js';

/** Every detection query fingraph ships. */
export const DETECTORS: readonly Detector[] = [...GRAPH_DETECTORS, ...ENTITY_DETECTORS];

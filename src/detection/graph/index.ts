import type { Detector } from '../detector.js';
import { cycleDetector, muleChainDetector, peelChainDetector } from './chains.js';
import { fanInDetector, fanOutDetector } from './fans.js';
import {
  bipartiteDetector,
  gatherScatterDetector,
  scatterGatherDetector,
  stackDetector,
} from './flows.js';

/** Detectors for the money-flow shapes: mule chain, fan-out/in, cycle, scatter-gather, … */
export const GRAPH_DETECTORS: readonly Detector[] = [
  muleChainDetector,
  fanOutDetector,
  fanInDetector,
  cycleDetector,
  scatterGatherDetector,
  gatherScatterDetector,
  bipartiteDetector,
  stackDetector,
  peelChainDetector,
];
